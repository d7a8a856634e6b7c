import "server-only";
import { chQuery } from "@/lib/clickhouse/query";
import { SLICE_MS } from "./burn";
import { usdToPico } from "./money";
import { scopeSql, sliExpressions } from "./sli-sql";
import type { Slice, SloConfig } from "./types";
import { LLM_EVENTS } from "@/lib/clickhouse/tables";

/**
 * An SLO's good/total counts per 5-minute slice over [from, to), from the raw events (the objective's
 * threshold is per event, e.g. cost <= $0.002, which no rollup can answer for any threshold). One
 * query per SLO, bounded by the org's key range and the time index; slices without units are left out.
 */
export async function sliceCounts(slo: Pick<SloConfig, "orgId" | "kind" | "threshold" | "action" | "scope">, from: Date, to: Date): Promise<Slice[]> {
  if (slo.kind === "cost_per_action") return actionSlices(slo, from, to);
  const x = sliExpressions(slo);
  const scope = scopeSql(slo.scope);
  const rows = await chQuery<{ s: string; good: string; total: string }>(
    `SELECT toUnixTimestamp(toStartOfFiveMinutes(ts)) AS s, toInt64(${x.total}) AS total, toInt64(${x.good}) AS good
     FROM ${LLM_EVENTS}
     WHERE ${TIME_WHERE} ${scope.sql}
     GROUP BY s HAVING total != 0 ORDER BY s`,
    { tag: "slos.sli", params: { ...timeParams(slo.orgId, from, to), ...scope.params, ...x.params } },
  );
  return rows.map((r) => ({ start: Number(r.s) * 1000, good: Number(r.good), total: Number(r.total) }));
}

const TIME_WHERE = "org_id = {org:String} AND ts >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') AND ts < fromUnixTimestamp64Milli({to:Int64}, 'UTC')";

function timeParams(org: string, from: Date, to: Date) {
  return { org, from: from.getTime(), to: to.getTime() };
}

/**
 * cost_per_action is a ratio of sums (spend / actions), not a property of one request, so its error
 * budget is counted in time slices (OpenSLO's "Timeslices" budgeting): each 5-minute slice with
 * traffic is one unit, good when its spend is at most threshold x its actions (a slice that spent
 * money and completed no action is bad). A 99% target then allows 1% of slices over the unit cost.
 * Unpriced events add no spend (their cost is unknown, not $0).
 */
async function actionSlices(slo: Pick<SloConfig, "orgId" | "threshold" | "action" | "scope">, from: Date, to: Date): Promise<Slice[]> {
  const scope = scopeSql(slo.scope);
  const rows = await chQuery<{ s: string; spend: string; actions: string; events: string }>(
    `SELECT toUnixTimestamp(toStartOfFiveMinutes(ts)) AS s,
            toString(sum(toInt128(cost_pico) * sign * priced)) AS spend,
            toInt64(sum(sign * (tags['action'] = {action:String}))) AS actions,
            toInt64(sum(sign)) AS events
     FROM ${LLM_EVENTS}
     WHERE ${TIME_WHERE} ${scope.sql}
     GROUP BY s HAVING events != 0 ORDER BY s`,
    { tag: "slos.sli.action", params: { ...timeParams(slo.orgId, from, to), ...scope.params, action: slo.action } },
  );
  const perAction = usdToPico(slo.threshold);
  return rows.map((r) => ({ start: Number(r.s) * 1000, total: 1, good: actionSliceGood(BigInt(r.spend), Number(r.actions), perAction) ? 1 : 0 }));
}

export function actionSliceGood(spendPico: bigint, actions: number, perActionPico: bigint): boolean {
  return spendPico <= perActionPico * BigInt(Math.max(0, actions));
}

export { SLICE_MS };
