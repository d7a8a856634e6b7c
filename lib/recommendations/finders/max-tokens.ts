import "server-only";
import type { Candidate, Finder } from "@/lib/recommendation-contract/candidate";
import { REPLAY_METHOD, candidate, int, scenarioFor, worthIt } from "../candidate-parts";
import { replayedMonthlySavings } from "../replay-savings";
import { trafficProfile } from "../traffic-profile";

export const MIN_REQUESTS = 200;
/**
 * "Long tail": p99 at least 8 times p50. Ordinary answers spread about 3x between p50 and p99 (a
 * log-normal of the spread real features show); 8x means a few requests run away (loops, repetition).
 */
export const TAIL_RATIO = 8;
/** The cap: 4 x p50 keeps all but the rarest ordinary answers, rounded up to a multiple of 256. */
export const CAP_TIMES_P50 = 4;
export const CAP_ROUNDING = 256;

export function capFor(p50: number): number {
  return Math.max(CAP_ROUNDING, Math.ceil((p50 * CAP_TIMES_P50) / CAP_ROUNDING) * CAP_ROUNDING);
}

export const findMaxTokens: Finder = async (ctx) => {
  const out: Candidate[] = [];
  for (const r of await trafficProfile(ctx)) {
    if (r.requests < MIN_REQUESTS || r.outP50 <= 0) continue;
    if (r.outP99 < TAIL_RATIO * r.outP50) continue;
    const cap = capFor(r.outP50);
    if (r.outMax <= cap) continue;
    const scenario = scenarioFor(r, ctx, { kind: "max_tokens", cap });
    const { monthlyUsd } = await replayedMonthlySavings(ctx.orgId, scenario);
    if (!worthIt(monthlyUsd)) continue;
    out.push(
      candidate({
        kind: "max_tokens",
        row: r,
        ctx,
        title: `Cap ${r.feature}'s output at ${int(cap)} tokens`,
        evidence: [
          { label: "Requests in window", value: int(r.requests) },
          { label: "Output tokens p50 / p95 / p99", value: `${int(r.outP50)} / ${int(r.outP95)} / ${int(r.outP99)}` },
          { label: "Longest output", value: int(r.outMax) },
          { label: "Proposed max_tokens", value: int(cap) },
        ],
        monthly: monthlyUsd,
        scenario,
        method: `${REPLAY_METHOD} Output above the cap is not billed.`,
        confidence: "medium",
        risk: `A legitimate long answer would be cut at ${int(cap)} tokens. Check a sample of the longest outputs first (runaway repetition vs real content) and watch finish_reason = length after the change.`,
      }),
    );
  }
  return out;
};
