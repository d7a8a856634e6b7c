import "server-only";
import { db } from "@/lib/db/prisma";
import { sumUsd } from "./money";
import { overlapViews } from "./overlap";
import { listRecommendations, type RecommendationView } from "./store";

export type QuarterRecommendations = {
  opened: number;
  implemented: number;
  dismissed: number;
  /** monthly realized savings of the recommendations implemented by the end of the range (exact USD) */
  realized_monthly_usd: string;
  implemented_list: { id: string; kind: string; title: string; implemented_at: string; realized_savings_usd: string | null; status: string }[];
  /** the largest open levers, one per feature and model (overlapping ones left out) */
  top_open: Pick<RecommendationView, "id" | "kind" | "title" | "scope" | "monthly_savings_usd" | "confidence" | "owner_team" | "status">[];
};

/**
 * For the quarterly review: what happened to recommendations in [from, to) (counted from the
 * timeline, so a recommendation opened and dismissed in the quarter counts in both) and the top open
 * candidates for next quarter.
 */
export async function recommendationsForQuarter(orgId: string, from: Date, to: Date, top = 5): Promise<QuarterRecommendations> {
  const events = await db().recommendationEvent.findMany({ where: { orgId, at: { gte: from, lt: to } }, select: { type: true, toStatus: true } });
  const count = (pred: (e: { type: string; toStatus: string | null }) => boolean) => events.filter(pred).length;
  const all = await listRecommendations(orgId);
  const done = all.filter((r) => (r.status === "implemented" || r.status === "verified") && r.implemented_at && new Date(r.implemented_at) < to);
  const views = overlapViews(all);
  return {
    opened: count((e) => e.type === "opened"),
    implemented: count((e) => e.type === "status" && e.toStatus === "implemented"),
    dismissed: count((e) => e.type === "status" && e.toStatus === "dismissed"),
    realized_monthly_usd: sumUsd(done.map((r) => r.realized_savings_usd ?? "0")),
    implemented_list: done.map((r) => ({ id: r.id, kind: r.kind, title: r.title, implemented_at: r.implemented_at!, realized_savings_usd: r.realized_savings_usd, status: r.status })),
    top_open: all
      .filter((r) => views.get(r.id)?.counted)
      .slice(0, top)
      .map((r) => ({ id: r.id, kind: r.kind, title: r.title, scope: r.scope, monthly_savings_usd: r.monthly_savings_usd, confidence: r.confidence, owner_team: r.owner_team, status: r.status })),
  };
}
