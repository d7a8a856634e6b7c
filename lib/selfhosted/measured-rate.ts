/**
 * A deployment's measured price for one closed hour, as the ledger applies it to that hour's events
 * (pure; the pricing modules import it, it imports nothing from them). The rate is kept as the exact
 * fraction usage-basis cost / tokens, input and output apart, so an hour whose events carry all the
 * tokens its servers counted is attributed exactly its busy cost, and busy + idle is the GPU bill.
 */
import type { EventPrice, TokenBuckets } from "@/lib/domain/event";
import type { CostTotals } from "./cost";

export type MeasuredRate = {
  /** pico-dollars of busy cost assigned to input (prefill) tokens, over the hour's input tokens */
  inputPico: bigint;
  inputTokens: bigint;
  outputPico: bigint;
  outputTokens: bigint;
  /** e.g. "selfhosted:llama-70b-prod@2026-11-02T10" */
  ref: string;
};

/** provider (a deployment's name) -> start of hour (epoch ms) -> its rate. */
export type MeasuredRates = Map<string, Map<number, MeasuredRate>>;

export const HOUR_MS = 3_600_000;

export function measuredRateFor(rates: MeasuredRates | undefined, provider: string, at: Date): MeasuredRate | null {
  if (!rates) return null;
  const t = at.getTime();
  return rates.get(provider)?.get(t - (((t % HOUR_MS) + HOUR_MS) % HOUR_MS)) ?? null;
}

/**
 * The usage-basis rates of one hour's totals, split by prefill vs decode time as splitRates (cost.ts)
 * does; null while the hour has no measured utilization or no tokens (the events stay unpriced).
 */
export function rateFromTotals(t: CostTotals, ref: string): MeasuredRate | null {
  if (t.busyCostPico === null) return null;
  const input = BigInt(Math.round(t.inputTokens));
  const output = BigInt(Math.round(t.outputTokens));
  if (input + output === 0n) return null;
  const timed = t.prefillSeconds + t.decodeSeconds;
  if (timed > 0 && input > 0n && output > 0n) {
    const inputPico = (t.busyCostPico * BigInt(Math.round((t.prefillSeconds / timed) * 1e9))) / 1_000_000_000n;
    return { inputPico, inputTokens: input, outputPico: t.busyCostPico - inputPico, outputTokens: output, ref };
  }
  // no timing split: both at the blended rate
  return { inputPico: t.busyCostPico, inputTokens: input + output, outputPico: t.busyCostPico, outputTokens: input + output, ref };
}

const share = (tokens: bigint, pico: bigint, of: bigint) => (of === 0n ? 0n : (tokens * pico + of / 2n) / of);

/** An event's cost at a measured rate. Every prompt bucket is input: vLLM counts cached prefixes as prompt tokens. */
export function measuredPrice(tokens: TokenBuckets, rate: MeasuredRate): EventPrice {
  const input = BigInt(tokens.inputUncached + tokens.cacheRead + tokens.cacheWrite5m + tokens.cacheWrite1h);
  const output = BigInt(tokens.output);
  const cost = share(input, rate.inputPico, rate.inputTokens) + share(output, rate.outputPico, rate.outputTokens);
  if (cost > BigInt(Number.MAX_SAFE_INTEGER)) return { priced: false, costPico: 0, cacheSavingsPico: 0, priceSource: "none", priceRef: rate.ref };
  return { priced: true, costPico: Number(cost), cacheSavingsPico: 0, priceSource: "selfhosted", priceRef: rate.ref };
}
