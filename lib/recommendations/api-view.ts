import "server-only";
import { RECOMMENDATION_KINDS, RECOMMENDATION_STATUSES } from "@/lib/recommendation-contract/candidate";
import { z } from "zod";
import { HttpError } from "@/lib/http/body";
import { MAX_DIMENSION_VALUE_LENGTH } from "@/lib/domain/event";
import { openSavingsTotal, overlapViews } from "./overlap";
import { sumUsd } from "./money";
import { listRecommendations, type ListFilter, type RecommendationView } from "./store";

/** The list as GET /api/v1/recommendations and the page show it: overlap marked, headline totals. */
export type RecommendationListItem = RecommendationView & { counted_in_total: boolean; overlaps_with: string[] };
export type RecommendationList = {
  recommendations: RecommendationListItem[];
  totals: { open_monthly_savings_usd: string; realized_savings_usd: string; open: number; implemented: number };
};

const listQuerySchema = z
  .object({
    status: z.enum(RECOMMENDATION_STATUSES, { error: `status: expected one of ${RECOMMENDATION_STATUSES.join(", ")}` }).optional(),
    kind: z.enum(RECOMMENDATION_KINDS, { error: `kind: expected one of ${RECOMMENDATION_KINDS.join(", ")}` }).optional(),
    feature: z.string().min(1, "feature: expected a feature name").max(MAX_DIMENSION_VALUE_LENGTH, `feature: at most ${MAX_DIMENSION_VALUE_LENGTH} characters`).optional(),
  })
  .strict();

export function parseListQuery(sp: URLSearchParams): ListFilter {
  const raw: Record<string, string> = {};
  for (const k of new Set(sp.keys())) raw[k] = sp.get(k) ?? "";
  const r = listQuerySchema.safeParse(raw);
  if (!r.success) throw new HttpError(400, "Invalid query.", r.error.issues.map((i) => (i.code === "unrecognized_keys" ? `${i.keys.join(", ")}: not a known parameter (status, kind, feature)` : i.message)));
  return r.data;
}

/** Totals always cover the whole organization, whatever the filter shows. */
export async function recommendationList(orgId: string, filter: ListFilter = {}): Promise<RecommendationList> {
  const all = await listRecommendations(orgId);
  const views = overlapViews(all);
  const shown = await (Object.keys(filter).length ? listRecommendations(orgId, filter) : Promise.resolve(all));
  const realized = all.filter((r) => (r.status === "implemented" || r.status === "verified") && r.realized_savings_usd !== null).map((r) => r.realized_savings_usd!);
  return {
    recommendations: shown.map((r) => ({ ...r, counted_in_total: views.get(r.id)?.counted ?? false, overlaps_with: views.get(r.id)?.overlaps_with ?? [] })),
    totals: {
      open_monthly_savings_usd: openSavingsTotal(all),
      realized_savings_usd: sumUsd(realized),
      open: all.filter((r) => (r.status === "open" || r.status === "accepted") && !r.stale).length,
      implemented: all.filter((r) => r.status === "implemented" || r.status === "verified").length,
    },
  };
}
