import "server-only";
import { can, type Role } from "@/lib/auth/roles";
import { chQuery } from "@/lib/clickhouse/query";
import { HttpError } from "@/lib/http/body";
import { parseListQuery, recommendationList } from "./api-view";
import { listFeatureSettings, type FeatureSettingView } from "./feature-settings";
import { getRecommendation, timelineOf } from "./store";
import { allowedFrom } from "./lifecycle";
import type { ListFilter } from "./store";
import { SPEND_HOURLY } from "@/lib/clickhouse/tables";

type Search = Record<string, string | string[] | undefined>;

/** Features with traffic in the last 90 days, for the settings section (one query on the rollup). */
async function featuresSeen(orgId: string): Promise<string[]> {
  const rows = await chQuery<{ feature: string }>(
    `SELECT DISTINCT feature FROM ${SPEND_HOURLY} WHERE org_id = {org:String} AND hour >= now() - INTERVAL 90 DAY AND feature != '' ORDER BY feature LIMIT 500`,
    { tag: "recommendations.features-seen", params: { org: orgId } },
  );
  return rows.map((r) => r.feature);
}

export async function loadRecommendationsPage(orgId: string, role: Role, search: Search) {
  const sp = new URLSearchParams();
  for (const k of ["status", "kind", "feature"]) {
    const v = search[k];
    const s = Array.isArray(v) ? v[0] : v;
    if (s) sp.set(k, s);
  }
  let filter: ListFilter = {};
  let notice: string | null = null;
  try {
    filter = parseListQuery(sp);
  } catch (err) {
    notice = err instanceof HttpError ? `Filter ignored: ${err.details.join("; ")}` : "Filter ignored.";
  }
  const [list, settings, features] = await Promise.all([recommendationList(orgId, filter), listFeatureSettings(orgId), featuresSeen(orgId)]);
  const byFeature = new Map(settings.map((s) => [s.feature, s]));
  const featureSettings: FeatureSettingView[] = [...new Set([...features, ...byFeature.keys()])].sort().map((f) => byFeature.get(f) ?? { feature: f, interactive: true, owner_team: null });
  return { list, filter, notice, featureSettings, canManage: can(role, "recommendations.manage") };
}

export async function loadRecommendationPage(orgId: string, role: Role, id: string) {
  const rec = await getRecommendation(orgId, id);
  if (!rec) return null;
  return { rec, timeline: await timelineOf(orgId, id), next: allowedFrom(rec.status), canManage: can(role, "recommendations.manage") };
}
