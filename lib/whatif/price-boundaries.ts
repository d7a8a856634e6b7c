/**
 * Where prices can change inside a replay window, so the replay can aggregate events by stretches of
 * time over which every price it applies is constant and price each stretch once: the catalog's
 * dated price changes (start_date), its time-of-day prices (off-peak windows), the organization's
 * override effective dates, and the tier thresholds of tiered prices (per request, by its prompt
 * size). Read from the same catalog entries lib/pricing/catalog.ts prices with.
 */
import { calcPrice, type ModelInfo } from "@pydantic/genai-prices";
import type { CompiledOverride } from "@/lib/pricing/overrides-match";

export type PriceBoundaries = {
  /** instants (epoch ms) inside the window where a price may change */
  instants: number[];
  /** milliseconds of the UTC day where a time-of-day price starts or ends */
  dayOffsets: number[];
  /** prompt sizes (total input tokens) above which a tier applies */
  tierStarts: number[];
};

const modelCache = new Map<string, ModelInfo | null>();

function catalogModel(provider: string, model: string): ModelInfo | null {
  const key = `${provider}\u0000${model}`;
  if (modelCache.has(key)) return modelCache.get(key)!;
  let found: ModelInfo | null = null;
  try {
    found = calcPrice({ input_tokens: 1, output_tokens: 1 }, model, { providerId: provider })?.model ?? null;
  } catch {
    found = null;
  }
  if (modelCache.size > 10_000) modelCache.clear();
  modelCache.set(key, found);
  return found;
}

const hmsMs = (s: string) => {
  const [h, m, sec] = s.replace(/Z$/, "").split(":").map(Number);
  return ((h || 0) * 3600 + (m || 0) * 60 + (sec || 0)) * 1000;
};

/** The boundaries of every (provider, model) given, inside [fromMs, toMs). */
export function priceBoundaries(pairs: { provider: string; model: string }[], overrides: CompiledOverride[], fromMs: number, toMs: number): PriceBoundaries {
  const instants = new Set<number>();
  const dayOffsets = new Set<number>();
  const tierStarts = new Set<number>();
  const inWindow = (t: number) => t > fromMs && t < toMs;
  const providers = new Set(pairs.map((p) => p.provider.toLowerCase()));
  // Overrides are few per organization: every effective date of the providers in play is a boundary.
  for (const o of overrides) if (providers.has(o.provider) && inWindow(o.effectiveFrom)) instants.add(o.effectiveFrom);
  for (const { provider, model } of pairs) {
    const info = catalogModel(provider, model);
    if (!info) continue;
    const lists = Array.isArray(info.prices) ? info.prices : [{ prices: info.prices, constraint: undefined }];
    for (const { prices, constraint } of lists) {
      if (constraint?.type === "start_date") {
        const t = Date.parse(constraint.start_date);
        if (inWindow(t)) instants.add(t);
      } else if (constraint?.type === "time_of_date") {
        dayOffsets.add(hmsMs(constraint.start_time));
        dayOffsets.add(hmsMs(constraint.end_time));
      }
      for (const v of Object.values(prices)) if (v && typeof v === "object") for (const t of v.tiers) tierStarts.add(t.start);
    }
  }
  const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);
  return { instants: sorted(instants), dayOffsets: sorted(dayOffsets), tierStarts: sorted(tierStarts) };
}

/**
 * A prompt size in the tier class `k` of `starts` (k = how many starts it exceeds): every price whose
 * tier starts are among `starts` resolves the same for it as for any request of that class.
 */
export function tierRepresentative(starts: number[], k: number): number {
  return k === 0 ? 0 : starts[k - 1] + 1;
}
