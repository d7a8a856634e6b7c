import "server-only";
import type { Candidate, Finder } from "@/lib/recommendation-contract/candidate";
import { candidate, int, monthlyUsd, pct, usd, worthIt } from "../candidate-parts";
import { trafficProfile } from "../traffic-profile";

export const MIN_REQUESTS = 200;
/** Providers fail well under 1% of calls on a good day; 2% or more is retries and bugs worth chasing. */
export const MIN_ERROR_SHARE = 0.02;

/**
 * Spend on failed requests. The replay has no lever for "stop failing" (a scenario scope is dimensions,
 * and status is not one), so the figure is the ledger's own cost of the failed calls, scaled to a month.
 */
export const findErrors: Finder = async (ctx) => {
  const out: Candidate[] = [];
  for (const r of await trafficProfile(ctx)) {
    if (r.requests < MIN_REQUESTS || r.errors / r.requests < MIN_ERROR_SHARE || r.errorCostPico <= 0n) continue;
    const monthly = monthlyUsd(r.errorCostPico, ctx);
    if (!worthIt(monthly)) continue;
    out.push(
      candidate({
        kind: "errors",
        row: r,
        ctx,
        title: `Stop paying for ${r.feature}'s failed calls (${pct(r.errors / r.requests)} fail)`,
        evidence: [
          { label: "Failed requests", value: `${int(r.errors)} of ${int(r.requests)}` },
          { label: "Spend on failed requests in window", value: usd(r.errorCostPico) },
        ],
        monthly,
        scenario: null,
        method: "Spend on failed requests in the window (the ledger's cost of calls with status error), scaled to 30 days; the replay has no error lever.",
        confidence: r.errors / r.requests >= 2 * MIN_ERROR_SHARE ? "high" : "medium",
        risk: "Fixing the cause (timeouts too short, malformed requests, retries without backoff) may need a code change; removing retries blindly can turn transient errors into user-facing failures.",
      }),
    );
  }
  return out;
};
