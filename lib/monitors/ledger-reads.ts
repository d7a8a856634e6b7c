import "server-only";
import { chQuery } from "@/lib/clickhouse/query";
import { rollupWhere } from "@/lib/analytics/spend";
import { DIMENSIONS, type Dimension } from "@/lib/domain/event";
import { picoToUsd } from "@/lib/money/pico";
import type { UsageRecord } from "@/lib/anomalies/root-cause";
import type { MonitorDimension, MonitorScope } from "./types";
import { LLM_EVENTS, SPEND_HOURLY } from "@/lib/clickhouse/tables";

/**
 * The monitor evaluator's reads of the ledger. Spend comes from the hourly rollup (the hour in
 * progress included: the materialized view adds each flush to its hour at once); runaway checks read
 * a bounded slice of raw events. Column names come from the fixed DIMENSIONS list, values are bound.
 */

export const HOUR_MS = 3_600_000;

export type HourlyPoint = { value: string; hour: number; costUsd: number; requests: number; pricedRequests: number };

function dimensionColumn(d: MonitorDimension): string {
  if (d === "") return "''";
  if (!(DIMENSIONS as readonly string[]).includes(d)) throw new Error(`unknown dimension ${d}`);
  return d;
}

/** Spend per series value and hour over [fromHour, toHour) (hour indexes: ms / HOUR_MS). */
export async function readHourlySeries(orgId: string, dimension: MonitorDimension, scope: MonitorScope, fromHour: number, toHour: number): Promise<HourlyPoint[]> {
  const { where, params } = rollupWhere(orgId, new Date(fromHour * HOUR_MS), new Date(toHour * HOUR_MS), scope);
  const rows = await chQuery<{ value: string; h: string; cost_pico: string; requests: string; priced: string }>(
    `SELECT ${dimensionColumn(dimension)} AS value, toUnixTimestamp(hour) AS h,
            sum(cost_pico) AS cost_pico, sum(requests) AS requests, sum(priced_requests) AS priced
     FROM ${SPEND_HOURLY} WHERE ${where}
     GROUP BY value, h HAVING requests != 0 OR cost_pico != 0
     ORDER BY h`,
    { tag: "monitors.hourly", params },
  );
  return rows.map((r) => ({
    value: r.value,
    hour: Number(r.h) / 3600,
    costUsd: picoToUsd(r.cost_pico),
    requests: Number(r.requests),
    pricedRequests: Number(r.priced),
  }));
}

/** Most slices one cause query returns: the costliest ones carry the explanation. */
const MAX_CAUSE_ROWS = 5000;

/** Spend by every dimension combined over the given whole hours (hour indexes), for explainAnomaly. */
export async function readBreakdown(orgId: string, filters: MonitorScope, hours: number[]): Promise<UsageRecord[]> {
  if (hours.length === 0) return [];
  const from = Math.min(...hours);
  const to = Math.max(...hours) + 1;
  const { where, params } = rollupWhere(orgId, new Date(from * HOUR_MS), new Date(to * HOUR_MS), filters);
  const rows = await chQuery<Record<Dimension, string> & { cost_pico: string; requests: string; tokens: string }>(
    `SELECT ${DIMENSIONS.join(", ")}, sum(cost_pico) AS cost_pico, sum(priced_requests) AS requests,
            sum(input_uncached_tokens + cache_read_tokens + cache_write_5m_tokens + cache_write_1h_tokens + output_tokens) AS tokens
     FROM ${SPEND_HOURLY}
     WHERE ${where} AND toUnixTimestamp(hour) IN {hourList:Array(UInt32)}
     GROUP BY ${DIMENSIONS.join(", ")}
     HAVING cost_pico != 0
     ORDER BY cost_pico DESC LIMIT ${MAX_CAUSE_ROWS}`,
    { tag: "monitors.cause", params: { ...params, hourList: hours.map((h) => h * 3600) } },
  );
  return rows.map((r) => {
    const dims: Record<string, string> = {};
    for (const d of DIMENSIONS) dims[d] = r[d];
    return { dims, requests: Number(r.requests), tokens: Number(r.tokens), cost: picoToUsd(r.cost_pico) };
  });
}

export type RecentRequest = { eventId: string; feature: string; ts: number; costUsd: number };

/**
 * The latest priced requests of each feature since `from` (at most `perFeature` each, `limit` in all),
 * oldest first: the history a runaway check needs and the requests it judges. Re-costed events are
 * folded by summing with sign, so a request counts once at its current price.
 */
export async function readRecentRequests(orgId: string, scope: MonitorScope, from: Date, to: Date, perFeature: number, limit: number): Promise<RecentRequest[]> {
  const params: Record<string, unknown> = { org: orgId, from: from.getTime(), to: to.getTime() };
  const clauses = ["org_id = {org:String}", "ts >= fromUnixTimestamp64Milli({from:Int64}, 'UTC')", "ts < fromUnixTimestamp64Milli({to:Int64}, 'UTC')", "priced = 1"];
  for (const d of DIMENSIONS) {
    const v = scope[d];
    if (!v?.length) continue;
    params[`f_${d}`] = v;
    clauses.push(`${d} IN {f_${d}:Array(String)}`);
  }
  const rows = await chQuery<{ event_id: string; feature: string; ts_ms: string; cost_pico: string }>(
    `SELECT event_id, feature, toUnixTimestamp64Milli(max(ts)) AS ts_ms, sum(cost_pico * sign) AS cost_pico
     FROM ${LLM_EVENTS} WHERE ${clauses.join(" AND ")}
     GROUP BY event_id, feature HAVING sum(sign) > 0
     ORDER BY ts_ms DESC, event_id DESC
     LIMIT {perFeature:UInt32} BY feature
     LIMIT {limit:UInt32}`,
    { tag: "monitors.runaway", params: { ...params, perFeature, limit } },
  );
  return rows
    .map((r) => ({ eventId: r.event_id, feature: r.feature, ts: Number(r.ts_ms), costUsd: picoToUsd(r.cost_pico) }))
    .reverse();
}
