import "server-only";
import { chQuery } from "@/lib/clickhouse/query";
import { picoToUsdString } from "@/lib/money/pico";
import { usdToPico } from "./money";
import { scopeSql } from "./sli-sql";
import type { SloConfig } from "./types";
import { LLM_EVENTS } from "@/lib/clickhouse/tables";

/**
 * The worst bad events of an SLO in a range, for its page: the costliest over a cost threshold, the
 * slowest over a latency threshold, the latest errors, the latest cache misses. Latest version only
 * (a re-costed event shows its current cost): rows of a cancelled version are left out by taking,
 * per event, the row with the highest version and keeping it when its signs sum to one.
 * cost_per_action is judged per slice, so its "breaches" are the costliest events of the range.
 */
export type BreachEvent = { event_id: string; ts: string; model: string; provider: string; cost_usd: string; latency_ms: number | null; status: string; app_cache: string };

export async function worstBadEvents(slo: SloConfig, from: Date, to: Date, limit = 20): Promise<BreachEvent[]> {
  const scope = scopeSql(slo.scope);
  let bad = "1";
  let order = "cost DESC";
  const params: Record<string, unknown> = { org: slo.orgId, from: from.getTime(), to: to.getTime(), limit, ...scope.params };
  if (slo.kind === "cost_per_request") {
    bad = "priced = 1 AND cost > {thr:Int64}";
    params.thr = usdToPico(slo.threshold).toString();
  } else if (slo.kind === "latency_p95") {
    bad = "isNotNull(latency) AND assumeNotNull(latency) > {thr:UInt32}";
    params.thr = Number(slo.threshold);
    order = "latency DESC";
  } else if (slo.kind === "error_rate") {
    bad = "st = 'error'";
    order = "at DESC";
  } else if (slo.kind === "cache_hit_rate") {
    bad = "cache = 'miss'";
    order = "at DESC";
  }
  const rows = await chQuery<{ event_id: string; at: string; mdl: string; prov: string; cost: string; latency: number | null; st: string; cache: string }>(
    `SELECT event_id, toString(argMax(e.ts, version)) AS at, argMax(e.model, version) AS mdl, argMax(e.provider, version) AS prov,
            argMax(e.cost_pico, version) AS cost, argMax(e.latency_ms, version) AS latency,
            argMax(e.status, version) AS st, argMax(e.app_cache, version) AS cache, argMax(e.priced, version) AS priced
     FROM ${LLM_EVENTS} AS e
     WHERE org_id = {org:String} AND e.ts >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') AND e.ts < fromUnixTimestamp64Milli({to:Int64}, 'UTC') ${scope.sql}
     GROUP BY event_id
     HAVING sum(sign) > 0 AND ${bad}
     ORDER BY ${order} LIMIT {limit:UInt32}`,
    { tag: "slos.breaches", params },
  );
  return rows.map((r) => ({
    event_id: r.event_id,
    ts: new Date(`${r.at.replace(" ", "T")}Z`).toISOString(),
    model: r.mdl,
    provider: r.prov,
    cost_usd: picoToUsdString(r.cost),
    latency_ms: r.latency === null ? null : Number(r.latency),
    status: r.st,
    app_cache: r.cache,
  }));
}
