import "server-only";
import { yieldEvery } from "@/lib/scheduling/yield-slices";
import { budgetRemaining } from "./burn";
import { describeObjective } from "./describe";
import { listSlos } from "./repository";
import { sliceCounts } from "./sli";

/**
 * The quarterly report's SLO section: each live SLO's attainment over [from, to) (good / total units
 * in the range, not its own rolling window) and the share of the error budget such a range leaves.
 * null attainment = no traffic in scope during the range.
 */
export type SloAttainment = {
  id: string;
  name: string;
  scope: Record<string, string>;
  objective: { kind: string; threshold: string | null; action: string | null; description: string };
  target: number;
  attainment: number | null;
  budget_remaining: number | null;
  good: number;
  total: number;
};

export async function sloAttainmentForRange(orgId: string, from: Date, to: Date): Promise<SloAttainment[]> {
  const pause = yieldEvery();
  const out: SloAttainment[] = [];
  for (const slo of await listSlos(orgId)) {
    let good = 0;
    let total = 0;
    for (const s of await sliceCounts(slo, from, to)) {
      good += s.good;
      total += s.total;
    }
    const remaining = budgetRemaining(good, total, slo.target);
    out.push({
      id: slo.id,
      name: slo.name,
      scope: slo.scope,
      objective: { kind: slo.kind, threshold: slo.threshold || null, action: slo.action || null, description: describeObjective(slo) },
      target: slo.target,
      attainment: total > 0 ? good / total : null,
      budget_remaining: remaining === null || !Number.isFinite(remaining) ? null : remaining,
      good,
      total,
    });
    await pause();
  }
  return out;
}
