import "server-only";
import { sloAttainmentForRange } from "@/lib/slos/attainment";
import { recommendationsForQuarter } from "@/lib/recommendations/report";
import type { RecommendationsSection, SloAttainmentSection } from "./types";

/**
 * The two sections other capabilities own: SLO attainment (lib/slos) and recommendations
 * (lib/recommendations), mapped onto the report's own section types here, so the report's other
 * modules depend only on those types.
 */

const percent = (share: number | null) => (share === null ? null : Math.round(share * 10_000) / 100);

export async function sloAttainmentForQuarter(orgId: string, from: Date, to: Date): Promise<SloAttainmentSection | null> {
  const rows = await sloAttainmentForRange(orgId, from, to);
  return {
    slos: rows.map((r) => ({
      id: r.id,
      name: r.name,
      scope: r.scope,
      objective: r.objective.description,
      target_percent: r.target,
      attainment_percent: percent(r.attainment),
      error_budget_remaining_percent: percent(r.budget_remaining),
      met: r.attainment === null ? null : r.attainment * 100 >= r.target,
    })),
  };
}

export async function recommendationsForQuarterSection(orgId: string, from: Date, to: Date): Promise<RecommendationsSection | null> {
  const r = await recommendationsForQuarter(orgId, from, to);
  return {
    opened: r.opened,
    implemented: r.implemented,
    dismissed: r.dismissed,
    realized_savings_usd: r.realized_monthly_usd,
    top_candidates: r.top_open.map((c) => ({ kind: c.kind, title: c.title, scope: c.scope, monthly_savings_usd: c.monthly_savings_usd, status: c.status })),
  };
}
