import "server-only";
import type { Candidate, Finder } from "@/lib/recommendation-contract/candidate";
import { catalogPrice } from "@/lib/pricing/catalog";
import type { Rate } from "@/lib/pricing/rates";
import { REPLAY_METHOD, candidate, int, pct, scenarioFor, worthIt } from "../candidate-parts";
import { replayedMonthlySavings } from "../replay-savings";
import { totalInput, trafficProfile } from "../traffic-profile";

export const MIN_REQUESTS = 200;
/**
 * "Large input": providers cache prefixes of 1,024 tokens or more; at twice that a shared system prompt
 * or document is most of the request and worth caching.
 */
export const LARGE_INPUT_TOKENS = 2048;
/** "Little or no cache reads": under a tenth of the input read from the cache. */
export const MAX_CACHE_READ_SHARE = 0.1;
/**
 * The stated hit rate the savings assume: the share of eligible input a warm cache serves. The demo's
 * cached features read 50-70% of their input from cache; 0.6 is the middle of what such features reach
 * within the 5-minute cache lifetime, net of the writes that refill it (the replay charges those).
 */
export const PROMPT_CACHE_HIT_RATE = 0.6;

const base = (r: Rate | null | undefined) => (r == null ? null : typeof r === "number" ? r : r.base);

/** The provider bills cache reads below input for this model: caching pays. */
export function supportsPromptCache(provider: string, model: string, at: Date): boolean {
  const card = catalogPrice(provider, model, at)?.card;
  const input = base(card?.input);
  const read = base(card?.cacheRead);
  return input !== null && read !== null && read < input;
}

export const findPromptCaching: Finder = async (ctx) => {
  const out: Candidate[] = [];
  for (const r of await trafficProfile(ctx)) {
    if (r.requests < MIN_REQUESTS) continue;
    const input = totalInput(r);
    const perRequest = input / r.requests;
    const readShare = input > 0 ? r.cacheRead / input : 0;
    if (perRequest < LARGE_INPUT_TOKENS || readShare >= MAX_CACHE_READ_SHARE) continue;
    if (!supportsPromptCache(r.provider, r.model, ctx.to)) continue;
    const scenario = scenarioFor(r, ctx, { kind: "prompt_cache", hit_rate: PROMPT_CACHE_HIT_RATE });
    const { monthlyUsd } = await replayedMonthlySavings(ctx.orgId, scenario);
    if (!worthIt(monthlyUsd)) continue;
    out.push(
      candidate({
        kind: "prompt_caching",
        row: r,
        ctx,
        title: `Turn on prompt caching for ${r.feature} on ${r.model}`,
        evidence: [
          { label: "Requests in window", value: int(r.requests) },
          { label: "Mean input tokens per request", value: int(perRequest) },
          { label: "Input read from cache", value: pct(readShare) },
          { label: "Assumed hit rate", value: pct(PROMPT_CACHE_HIT_RATE) },
        ],
        monthly: monthlyUsd,
        scenario,
        method: `${REPLAY_METHOD} Net of the cache-write premium at a ${pct(PROMPT_CACHE_HIT_RATE)} hit rate.`,
        confidence: "medium",
        risk: "Savings depend on the prompt starting with the same prefix (system prompt, tools, documents) on every call; put the variable part last. Cache writes cost more than input, so a low hit rate can cost more: watch the cache-read share on the Caches page for a day.",
      }),
    );
  }
  return out;
};
