import "server-only";
import type { Candidate, Finder } from "@/lib/recommendation-contract/candidate";
import { listFeatureSettings } from "../feature-settings";
import { REPLAY_METHOD, candidate, int, scenarioFor, worthIt } from "../candidate-parts";
import { replayedMonthlySavings } from "../replay-savings";
import { trafficProfile } from "../traffic-profile";
import { batchDiscountPct } from "@/lib/whatif/provider-terms";

/** A handful of calls is not worth a batch pipeline. */
export const MIN_REQUESTS = 100;

/**
 * Features marked not interactive (a per-feature setting) that still call the interactive API of a
 * provider with a batch discount (the replay's table of provider terms, which also prices it).
 */
export const findBatch: Finder = async (ctx) => {
  const offline = new Set((await listFeatureSettings(ctx.orgId)).filter((s) => !s.interactive).map((s) => s.feature));
  if (offline.size === 0) return [];
  const out: Candidate[] = [];
  for (const r of await trafficProfile(ctx)) {
    if (!offline.has(r.feature) || r.requests < MIN_REQUESTS || batchDiscountPct(r.provider) === 0) continue;
    const scenario = scenarioFor(r, ctx, { kind: "batch" });
    const { monthlyUsd } = await replayedMonthlySavings(ctx.orgId, scenario);
    if (!worthIt(monthlyUsd)) continue;
    out.push(
      candidate({
        kind: "batch",
        row: r,
        ctx,
        title: `Send ${r.feature} through the ${r.provider} batch API`,
        evidence: [
          { label: "Requests in window", value: int(r.requests) },
          { label: "Feature setting", value: "not interactive" },
        ],
        monthly: monthlyUsd,
        scenario,
        method: `${REPLAY_METHOD} At the provider's ${batchDiscountPct(r.provider)}% batch discount.`,
        confidence: "high",
        risk: "Batch results arrive within 24 hours, not seconds: only for work nobody waits on (nightly jobs, backfills, evaluations). Batch jobs can expire or partly fail: retry the failed items.",
      }),
    );
  }
  return out;
};
