/**
 * Prices one group of events (aggregate.ts) under a scenario's change, exactly, in integer pico-dollars
 * (bigint: a month of a busy feature overflows 2^53). Prices come from lib/pricing's rateCardFor (the
 * catalog in force at the group's time with the organization's overrides) and resolve (tiers), or a
 * deployment's measured rate: the code ingestion and re-costing price with. Pure: no data access.
 *
 * Fractions (share, hit rate, kept share of input) are parts per million; a group's new cost is
 * computed at 1e12 times the pico-dollar and rounded half up once, so groups sum exactly.
 */
import type { ScenarioChange } from "@/lib/whatif-contract/scenario";
import type { CompiledOverride } from "@/lib/pricing/overrides-match";
import { rateCardFor } from "@/lib/pricing/price-event";
import { resolve, type Rate, type RateCard } from "@/lib/pricing/rates";
import { measuredRateFor, type MeasuredRate, type MeasuredRates } from "@/lib/selfhosted/measured-rate";
import { batchDiscountPct } from "./provider-terms";
import { tierRepresentative } from "./price-boundaries";
import type { EventGroup } from "./aggregate";

export const PPM = 1_000_000n;
const E12 = PPM * PPM;

export type PricingContext = {
  overrides: CompiledOverride[];
  measured?: MeasuredRates;
  tierStarts: number[];
  /** self_host: the deployment's measured rate over the window */
  selfHost?: MeasuredRate;
  /** prices already looked up, by model and price stretch (see priceOf) */
  cache?: Map<string, Price | null>;
};

/** Token sums scaled by 1e6 (so a fraction of them stays an integer). */
type Scaled = { iu: bigint; cr: bigint; cw5: bigint; cw1h: bigint; out: bigint };

type Price = { kind: "card"; card: RateCard } | { kind: "measured"; rate: MeasuredRate };

export function priceAt(ctx: PricingContext, provider: string, model: string, at: Date): Price | null {
  const rate = measuredRateFor(ctx.measured, provider, at);
  if (rate) return { kind: "measured", rate };
  const found = rateCardFor(ctx.overrides, provider, model, at);
  return found ? { kind: "card", card: found.card } : null;
}

/**
 * The price of a model for a group. Within one day (hour for deployments), stretch between price
 * instants and stretch of the day, no price changes (aggregate.ts groups by exactly that), so the
 * lookup is done once per model and stretch rather than once per group.
 */
function priceOf(ctx: PricingContext, g: EventGroup, provider: string, model: string): Price | null {
  const key = `${provider}\u0000${model}\u0000${g.bucket_ms}\u0000${g.seg}\u0000${g.tod}`;
  const cache = (ctx.cache ??= new Map());
  if (cache.has(key)) return cache.get(key)!;
  const p = priceAt(ctx, provider, model, new Date(Number(g.at_ms)));
  cache.set(key, p);
  return p;
}

/** Cost at 1e6 × pico of scaled tokens; null when a bucket in use has no price (the requests are unpriced). */
export function costX6(t: Scaled, price: Price, promptSize: number): bigint | null {
  if (price.kind === "measured") {
    const r = price.rate;
    const input = t.iu + t.cr + t.cw5 + t.cw1h;
    const part = (tokens: bigint, pico: bigint, of: bigint) => (of === 0n ? 0n : (tokens * pico) / of);
    return part(input, r.inputPico, r.inputTokens) + part(t.out, r.outputPico, r.outputTokens);
  }
  const c = price.card;
  const parts: [bigint, Rate | null][] = [[t.iu, c.input], [t.cr, c.cacheRead], [t.cw5, c.cacheWrite5m], [t.cw1h, c.cacheWrite1h], [t.out, c.output]];
  let sum = 0n;
  for (const [n, rate] of parts) {
    if (n === 0n) continue;
    if (rate === null) return null;
    sum += n * BigInt(resolve(rate, promptSize));
  }
  return sum;
}

const divRound = (a: bigint, b: bigint) => (a >= 0n ? (a + b / 2n) / b : -((-a + b / 2n) / b));
export const ppm = (x: number) => BigInt(Math.round(x * 1e6));

export type GroupOutcome = { beforePico: bigint; afterPico: bigint; requests: number; unpriced: number };

/** The group's cost before (stored) and after the change. */
export function repriceGroup(g: EventGroup, change: ScenarioChange, ctx: PricingContext): GroupOutcome {
  const stored = BigInt(g.cost_pico);
  const requests = Number(g.requests);
  const keep = (afterPico = stored, unpriced = 0): GroupOutcome => ({ beforePico: stored, afterPico, requests, unpriced });
  // Stored without a price: its cost is unknown before, so no change to it can be priced either.
  if (!g.priced) return keep(stored, requests);
  const tokens: Scaled = {
    iu: BigInt(g.input_uncached) * PPM,
    cr: BigInt(g.cache_read) * PPM,
    cw5: BigInt(g.cache_write_5m) * PPM,
    cw1h: BigInt(g.cache_write_1h) * PPM,
    out: BigInt(g.output) * PPM,
  };
  const at = new Date(Number(g.at_ms));
  const promptSize = tierRepresentative(ctx.tierStarts, g.tier);
  const own = () => priceOf(ctx, g, g.provider, g.model);
  // A request the change cannot price keeps its stored cost (no saving is claimed for it) and is counted.
  const priced = (x6: bigint | null, unpricedIfNull = requests) => (x6 === null ? keep(stored, unpricedIfNull) : keep(divRound(x6, PPM)));
  const withOwn = (t: Scaled, factorPpm = PPM) => {
    const p = own();
    const x6 = p ? costX6(t, p, promptSize) : null;
    return priced(x6 === null ? null : (x6 * factorPpm) / PPM);
  };

  switch (change.kind) {
    case "app_cache":
      return keep(divRound(stored * (PPM - ppm(change.hit_rate)), PPM));
    case "route": {
      const share = ppm(change.share);
      if (share === 0n) return keep();
      const target = priceOf(ctx, g, change.to_provider, change.to_model);
      const x6 = target ? costX6(tokens, target, promptSize) : null;
      if (x6 === null) return keep(stored, Math.ceil(requests * change.share));
      return keep(divRound(stored * (PPM - share) * PPM + x6 * share, E12));
    }
    case "prompt_cache": {
      if (!g.eligible) return keep();
      const hit = ppm(change.hit_rate);
      const iu = BigInt(g.input_uncached);
      // Hits are read from the cache; every miss writes the prompt to it (5-minute cache), which is
      // what the provider bills on a miss (Anthropic: 1.25x input; OpenAI and Google: no premium).
      return withOwn({ ...tokens, iu: 0n, cr: tokens.cr + iu * hit, cw5: tokens.cw5 + iu * (PPM - hit) });
    }
    case "batch": {
      const pct = batchDiscountPct(g.provider);
      if (pct === 0 || measuredRateFor(ctx.measured, g.provider, at)) return keep();
      return withOwn(tokens, ppm(1 - pct / 100));
    }
    case "max_tokens":
      return withOwn({ ...tokens, out: BigInt(g.capped_output) * PPM });
    case "trim_input": {
      const k = ppm(1 - change.percent / 100);
      const cut = (n: bigint) => (n * k) / PPM;
      return withOwn({ ...tokens, iu: cut(tokens.iu), cr: cut(tokens.cr), cw5: cut(tokens.cw5), cw1h: cut(tokens.cw1h) });
    }
    case "self_host": {
      if (!ctx.selfHost) return keep(stored, requests);
      return priced(costX6(tokens, { kind: "measured", rate: ctx.selfHost }, promptSize));
    }
  }
}
