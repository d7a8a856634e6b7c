import "server-only";
import { rateCardFor } from "@/lib/pricing/price-event";
import type { Rate } from "@/lib/pricing/rates";
import type { CompiledOverride } from "@/lib/pricing/overrides-match";
import type { BilledTokens } from "./types";

/**
 * Provider usage priced at the catalog (and the organization's overrides), for days the cost report
 * does not cover yet and as the weight that splits a cost over api keys. Buckets are aggregates of
 * many requests, so tiered (long-context) prices cannot be known per request: the base tier is used.
 * Null when the model has no price (shown as unpriced, never $0).
 */
export function priceUsage(overrides: CompiledOverride[], provider: string, model: string, at: Date, tokens: BilledTokens): bigint | null {
  const found = rateCardFor(overrides, provider, model, at);
  if (!found) return null;
  const c = found.card;
  // BigInt: a day of an organization's tokens times a rate can pass 2^53 pico-dollars.
  let pico = 0n;
  for (const [count, rate] of [
    [tokens.inputUncached, c.input],
    [tokens.cacheRead, c.cacheRead],
    [tokens.cacheWrite5m, c.cacheWrite5m],
    [tokens.cacheWrite1h, c.cacheWrite1h],
    [tokens.output, c.output],
  ] as [number, Rate | null][]) {
    if (count === 0) continue;
    if (rate === null) return null;
    pico += BigInt(count) * BigInt(typeof rate === "number" ? rate : rate.base);
  }
  return pico;
}
