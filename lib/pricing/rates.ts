import type { TokenBuckets } from "@/lib/domain/event";

/** A price in pico-dollars per token, flat or tiered by the request's total input tokens. */
export type Rate = number | { base: number; tiers: { start: number; price: number }[] };

/** Per-bucket rates; null means "no price for this bucket". */
export type RateCard = {
  input: Rate | null;
  cacheRead: Rate | null;
  cacheWrite5m: Rate | null;
  cacheWrite1h: Rate | null;
  output: Rate | null;
};

export type CostResult = { priced: boolean; costPico: number; cacheSavingsPico: number };

/** The price of one token of a bucket for a request with `totalInput` prompt tokens (exported for the what-if replay). */
export function resolve(rate: Rate, totalInput: number): number {
  if (typeof rate === "number") return rate;
  let price = rate.base;
  // The catalog's convention: a tier applies when the prompt is strictly larger than its start.
  for (const t of rate.tiers) if (totalInput > t.start) price = t.price;
  return price;
}

/**
 * Exact cost of one request. A bucket with tokens but no price makes the whole request unpriced:
 * a partial sum would look like a real (too low) cost.
 */
export function costOf(tokens: TokenBuckets, card: RateCard): CostResult {
  const totalInput = tokens.inputUncached + tokens.cacheRead + tokens.cacheWrite5m + tokens.cacheWrite1h;
  const parts: [number, Rate | null][] = [
    [tokens.inputUncached, card.input],
    [tokens.cacheRead, card.cacheRead],
    [tokens.cacheWrite5m, card.cacheWrite5m],
    [tokens.cacheWrite1h, card.cacheWrite1h],
    [tokens.output, card.output],
  ];
  let cost = 0;
  for (const [count, rate] of parts) {
    if (count === 0) continue;
    if (rate === null) return { priced: false, costPico: 0, cacheSavingsPico: 0 };
    cost += count * resolve(rate, totalInput);
  }
  // Beyond 2^53 the sum is no longer exact (and soon overflows the stored Int64): not a real price.
  if (!Number.isSafeInteger(cost)) return { priced: false, costPico: 0, cacheSavingsPico: 0 };
  const savings =
    tokens.cacheRead > 0 && card.input !== null && card.cacheRead !== null
      ? tokens.cacheRead * (resolve(card.input, totalInput) - resolve(card.cacheRead, totalInput))
      : 0;
  return { priced: true, costPico: cost, cacheSavingsPico: Math.max(0, savings) };
}
