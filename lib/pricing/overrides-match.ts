import { perMtokToPicoPerToken } from "@/lib/money/pico";
import { compileGlob, foldName, globMatches, type Glob } from "./glob";

/** An override in the form the pricer uses: pico-dollars per token, null = use the catalog. */
export type CompiledOverride = {
  id: string;
  provider: string;
  /** the model pattern, matched case-insensitively in linear time (see glob.ts) */
  pattern: Glob;
  exact: boolean;
  effectiveFrom: number;
  input: number | null;
  cacheRead: number | null;
  cacheWrite5m: number | null;
  cacheWrite1h: number | null;
  output: number | null;
};

/** The stored override's price fields (decimal strings, USD per 1M tokens). */
export type OverrideRow = {
  id: string;
  provider: string;
  modelPattern: string;
  effectiveFrom: Date;
  inputPerMtok: string | null;
  cacheReadPerMtok: string | null;
  cacheWrite5mPerMtok: string | null;
  cacheWrite1hPerMtok: string | null;
  outputPerMtok: string | null;
};

export function compileOverride(o: OverrideRow): CompiledOverride {
  const pico = (v: string | null) => (v === null ? null : perMtokToPicoPerToken(v));
  return {
    id: o.id,
    provider: o.provider.toLowerCase(),
    pattern: compileGlob(o.modelPattern),
    exact: !o.modelPattern.includes("*"),
    effectiveFrom: o.effectiveFrom.getTime(),
    input: pico(o.inputPerMtok),
    cacheRead: pico(o.cacheReadPerMtok),
    cacheWrite5m: pico(o.cacheWrite5mPerMtok),
    cacheWrite1h: pico(o.cacheWrite1hPerMtok),
    output: pico(o.outputPerMtok),
  };
}

/** The override in force for a call: latest effective date wins, an exact model name beats a pattern. */
export function matchOverride(list: CompiledOverride[], provider: string, model: string, at: number): CompiledOverride | null {
  let best: CompiledOverride | null = null;
  const p = provider.toLowerCase();
  let name: Uint16Array | undefined;
  for (const o of list) {
    if (o.provider !== p || o.effectiveFrom > at || !globMatches(o.pattern, (name ??= foldName(model)))) continue;
    if (!best || o.effectiveFrom > best.effectiveFrom || (o.effectiveFrom === best.effectiveFrom && o.exact && !best.exact)) best = o;
  }
  return best;
}

