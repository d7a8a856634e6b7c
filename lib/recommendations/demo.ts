import "server-only";
import { chQuery } from "@/lib/clickhouse/query";
import { db } from "@/lib/db/prisma";
import { chDateTime } from "@/lib/clickhouse/time";
import { DAY_MS } from "./candidate-parts";
import { recomputeRecommendations, updateRealized } from "./recompute";
import { LLM_EVENTS } from "@/lib/clickhouse/tables";

/** Demo features nobody waits on: marked not interactive so the batch finder can find them. */
export const DEMO_NOT_INTERACTIVE = ["nightly-enrichment"];
/** When no planted switch is found, the top recommendation is marked implemented this long ago. */
export const DEMO_IMPLEMENTED_DAYS_AGO = 14;

/**
 * The demo's recommendations, after the demo events exist: the batch feature marked not interactive, a
 * recomputation as of `end`, and one recommendation marked implemented at a past date so the page shows
 * realized savings. The implemented one is the routing recommendation whose feature already shows
 * traffic on the recommended model (the demo's planted switch), implemented at that switch's first
 * call; without such a switch, the top recommendation, implemented DEMO_IMPLEMENTED_DAYS_AGO days ago
 * (only when another one stays open).
 */
export async function seedDemoRecommendations(orgId: string, end = new Date()): Promise<void> {
  for (const feature of DEMO_NOT_INTERACTIVE) {
    await db().featureSetting.upsert({ where: { orgId_feature: { orgId, feature } }, create: { orgId, feature, interactive: false }, update: {} });
  }
  await recomputeRecommendations(orgId, { now: end });
  const recs = await db().recommendation.findMany({ where: { orgId, status: "open" } });
  if (recs.length === 0) return;
  let pick: { id: string; at: Date } | null = null;
  for (const r of recs.filter((x) => x.kind === "model_routing" && x.scenario)) {
    const change = JSON.parse(r.scenario!).change as { to_model?: string };
    const feature = (JSON.parse(r.scope) as Record<string, string>).feature;
    const at = await firstCallOn(orgId, feature, change.to_model ?? "", end);
    if (at && (!pick || at < pick.at)) pick = { id: r.id, at };
  }
  // Without a planted switch, take the top one only if another stays open: the page needs both.
  if (!pick && recs.length < 2) return;
  if (!pick) {
    const top = [...recs].sort((a, b) => Number(b.monthlySavingsUsd) - Number(a.monthlySavingsUsd))[0];
    pick = { id: top.id, at: new Date(Math.floor((end.getTime() - DEMO_IMPLEMENTED_DAYS_AGO * DAY_MS) / DAY_MS) * DAY_MS) };
  }
  await db().recommendation.update({ where: { id: pick.id }, data: { status: "implemented", implementedAt: pick.at } });
  await db().recommendationEvent.createMany({
    data: [
      { orgId, recommendationId: pick.id, at: pick.at, actor: "demo", type: "status", fromStatus: "open", toStatus: "accepted" },
      { orgId, recommendationId: pick.id, at: pick.at, actor: "demo", type: "status", fromStatus: "accepted", toStatus: "implemented" },
    ],
  });
  await updateRealized(orgId, end);
}

/** The first call of a feature on a model in the last 60 days, if it started after the first day of that range. */
async function firstCallOn(orgId: string, feature: string, model: string, end: Date): Promise<Date | null> {
  const from = new Date(end.getTime() - 60 * DAY_MS);
  const [r] = await chQuery<{ first: string; n: string }>(
    `SELECT toUnixTimestamp64Milli(min(ts)) AS first, count() AS n FROM ${LLM_EVENTS}
     WHERE org_id = {org:String} AND feature = {feature:String} AND model = {model:String} AND ts >= {from:DateTime64(3)} AND ts < {to:DateTime64(3)} AND sign = 1`,
    { tag: "recommendations.demo-switch", params: { org: orgId, feature, model, from: chDateTime(from), to: chDateTime(end) } },
  );
  if (!r || Number(r.n) === 0) return null;
  const first = new Date(Number(r.first));
  return first.getTime() > from.getTime() + DAY_MS ? first : null;
}
