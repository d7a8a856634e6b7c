import "server-only";
import type { Candidate, Finder } from "@/lib/recommendation-contract/candidate";
import { REPLAY_METHOD, candidate, int, pct, scenarioFor, worthIt } from "../candidate-parts";
import { replayedMonthlySavings } from "../replay-savings";
import { trafficProfile } from "../traffic-profile";

/** Each half of the window needs this many calls for its mean input size to mean something. */
export const MIN_REQUESTS_PER_HALF = 100;
/**
 * "Growing": input per request up by a quarter or more from the first half of the window to the
 * second. Day-to-day noise of a stable prompt stays within a few percent; 25% is a prompt that grew
 * (history never truncated, more retrieved chunks, a system prompt that keeps getting longer).
 */
export const BLOAT_GROWTH = 1.25;
/** Below this size trimming saves too little to be worth the review. */
export const MIN_LATE_INPUT_TOKENS = 500;

/** Input tokens per request growing over the window: trim back to the earlier size. */
export const findContextTrim: Finder = async (ctx) => {
  const mid = new Date((ctx.from.getTime() + ctx.to.getTime()) / 2);
  const out: Candidate[] = [];
  for (const r of await trafficProfile(ctx)) {
    if (r.requestsEarly < MIN_REQUESTS_PER_HALF || r.requestsLate < MIN_REQUESTS_PER_HALF) continue;
    if (r.inputPerRequestEarly <= 0 || r.inputPerRequestLate < MIN_LATE_INPUT_TOKENS) continue;
    const growth = r.inputPerRequestLate / r.inputPerRequestEarly;
    if (growth < BLOAT_GROWTH) continue;
    const percent = Math.round((1 - 1 / growth) * 100);
    // Replayed over the second half only: the bloated prompts are today's, the first half already small.
    const scenario = scenarioFor(r, ctx, { kind: "trim_input", percent }, mid);
    const { monthlyUsd } = await replayedMonthlySavings(ctx.orgId, scenario);
    if (!worthIt(monthlyUsd)) continue;
    out.push(
      candidate({
        kind: "context_trim",
        row: r,
        ctx,
        title: `Trim ${r.feature}'s prompt by ${percent}% (input grew ${pct(growth - 1)})`,
        evidence: [
          { label: "Mean input tokens, first half of window", value: int(r.inputPerRequestEarly) },
          { label: "Mean input tokens, second half", value: int(r.inputPerRequestLate) },
          { label: "Growth", value: pct(growth - 1) },
        ],
        monthly: monthlyUsd,
        scenario,
        method: `${REPLAY_METHOD} Replayed over the second half of the window, trimmed back to the first half's size.`,
        confidence: "medium",
        risk: "Dropping context can drop what the answer needs: truncate old conversation turns and low-ranked retrieved chunks first, and compare answers on a sample before and after.",
      }),
    );
  }
  return out;
};
