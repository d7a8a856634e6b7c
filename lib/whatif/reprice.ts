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

function ratePart(tokens: bigint, pico: bigint, of: bigint): bigint {
  return of === 0n ? 0n : (tokens * pico) / of;
}

/** Cost at 1e6 × pico of scaled tokens; null when a bucket in use has no price (the requests are unpriced). */
export function costX6(t: Scaled, price: Price, promptSize: number): bigint | null {
  if (price.kind === "measured") {
    const r = price.rate;
    const input = t.iu + t.cr + t.cw5 + t.cw1h;
    return ratePart(input, r.inputPico, r.inputTokens) + ratePart(t.out, r.outputPico, r.outputTokens);
  }
  const c = price.card;
  const a = bucketCost(t.iu, c.input, promptSize);
  const b = bucketCost(t.cr, c.cacheRead, promptSize);
  const d = bucketCost(t.cw5, c.cacheWrite5m, promptSize);
  const e = bucketCost(t.cw1h, c.cacheWrite1h, promptSize);
  const f = bucketCost(t.out, c.output, promptSize);
  return a === null || b === null || d === null || e === null || f === null ? null : a + b + d + e + f;
}

/** A bucket with tokens but no price leaves its requests unpriced (null), as costOf does. */
function bucketCost(n: bigint, rate: Rate | null, promptSize: number): bigint | null {
  if (n === 0n) return 0n;
  return rate === null ? null : n * BigInt(resolve(rate, promptSize));
}

const divRound = (a: bigint, b: bigint) => (a >= 0n ? (a + b / 2n) / b : -((-a + b / 2n) / b));
export const ppm = (x: number) => BigInt(Math.round(x * 1e6));

export type GroupOutcome = { beforePico: bigint; afterPico: bigint; requests: number; unpriced: number };

/** What a change makes of a group: unchanged, a new cost (1e6 x pico; null = no price), or a new cost in pico. */
type Changed = { kind: "keep" } | { kind: "x6"; x6: bigint | null } | { kind: "pico"; pico: bigint; unpriced: number };
const KEEP: Changed = { kind: "keep" };

// Module-level helpers rather than closures: this runs once per group, thousands of times per replay.
function scaledTokens(g: EventGroup): Scaled {
  return { iu: BigInt(g.input_uncached) * PPM, cr: BigInt(g.cache_read) * PPM, cw5: BigInt(g.cache_write_5m) * PPM, cw1h: BigInt(g.cache_write_1h) * PPM, out: BigInt(g.output) * PPM };
}

function ownCostX6(ctx: PricingContext, g: EventGroup, t: Scaled, promptSize: number): bigint | null {
  const p = priceOf(ctx, g, g.provider, g.model);
  return p ? costX6(t, p, promptSize) : null;
}

function changeGroup(g: EventGroup, change: ScenarioChange, ctx: PricingContext, stored: bigint, requests: number): Changed {
  const promptSize = tierRepresentative(ctx.tierStarts, g.tier);
  switch (change.kind) {
    case "app_cache":
      return { kind: "pico", pico: divRound(stored * (PPM - ppm(change.hit_rate)), PPM), unpriced: 0 };
    case "route": {
      const share = ppm(change.share);
      if (share === 0n) return KEEP;
      const target = priceOf(ctx, g, change.to_provider, change.to_model);
      const x6 = target ? costX6(scaledTokens(g), target, promptSize) : null;
      if (x6 === null) return { kind: "pico", pico: stored, unpriced: Math.ceil(requests * change.share) };
      return { kind: "pico", pico: divRound(stored * (PPM - share) * PPM + x6 * share, E12), unpriced: 0 };
    }
    case "prompt_cache": {
      if (!g.eligible) return KEEP;
      const hit = ppm(change.hit_rate);
      const iu = BigInt(g.input_uncached);
      const t = scaledTokens(g);
      // Hits are read from the cache; every miss writes the prompt to it (5-minute cache), which is
      // what the provider bills on a miss (Anthropic: 1.25x input; OpenAI and Google: no premium).
      return { kind: "x6", x6: ownCostX6(ctx, g, { ...t, iu: 0n, cr: t.cr + iu * hit, cw5: t.cw5 + iu * (PPM - hit) }, promptSize) };
    }
    case "batch": {
      const pct = batchDiscountPct(g.provider);
      if (pct === 0 || measuredRateFor(ctx.measured, g.provider, new Date(Number(g.at_ms)))) return KEEP;
      const x6 = ownCostX6(ctx, g, scaledTokens(g), promptSize);
      return { kind: "x6", x6: x6 === null ? null : (x6 * ppm(1 - pct / 100)) / PPM };
    }
    case "max_tokens":
      return { kind: "x6", x6: ownCostX6(ctx, g, { ...scaledTokens(g), out: BigInt(g.capped_output) * PPM }, promptSize) };
    case "trim_input": {
      const k = ppm(1 - change.percent / 100);
      const t = scaledTokens(g);
      return { kind: "x6", x6: ownCostX6(ctx, g, { iu: (t.iu * k) / PPM, cr: (t.cr * k) / PPM, cw5: (t.cw5 * k) / PPM, cw1h: (t.cw1h * k) / PPM, out: t.out }, promptSize) };
    }
    case "self_host":
      return { kind: "x6", x6: ctx.selfHost ? costX6(scaledTokens(g), { kind: "measured", rate: ctx.selfHost }, promptSize) : null };
  }
}

/** The group's cost before (stored) and after the change. */
export function repriceGroup(g: EventGroup, change: ScenarioChange, ctx: PricingContext): GroupOutcome {
  const stored = BigInt(g.cost_pico);
  const requests = Number(g.requests);
  // Stored without a price: its cost is unknown before, so no change to it can be priced either.
  if (!g.priced) return { beforePico: stored, afterPico: stored, requests, unpriced: requests };
  const c = changeGroup(g, change, ctx, stored, requests);
  if (c.kind === "keep") return { beforePico: stored, afterPico: stored, requests, unpriced: 0 };
  if (c.kind === "pico") return { beforePico: stored, afterPico: c.pico, requests, unpriced: c.unpriced };
  // A request the change cannot price keeps its stored cost (no saving is claimed for it) and is counted.
  if (c.x6 === null) return { beforePico: stored, afterPico: stored, requests, unpriced: requests };
  return { beforePico: stored, afterPico: divRound(c.x6, PPM), requests, unpriced: 0 };
}
