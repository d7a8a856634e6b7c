import "server-only";
import { chQuery } from "@/lib/clickhouse/query";
import { DIMENSIONS, type Dimension } from "@/lib/domain/event";
import { picoToUsd, picoToUsdString } from "@/lib/money/pico";
import { SPEND_HOURLY } from "@/lib/clickhouse/tables";

export type SpendFilters = Partial<Record<Dimension, string[]>>;

export type SpendQuery = {
  orgId: string;
  /** inclusive; truncated to the hour (the rollup's grain) */
  from: Date;
  /** exclusive; truncated to the hour */
  to: Date;
  groupBy: Dimension[];
  filters: SpendFilters;
  interval?: "hour" | "day";
  /** sort by cost descending and keep the first N groups (per time bucket when interval is set) */
  limit?: number;
};

export type SpendTotals = {
  cost_usd: number;
  /** exact decimal string of cost_usd, for reconciliation */
  cost_usd_exact: string;
  requests: number;
  priced_requests: number;
  unpriced_requests: number;
  unpriced_tokens: number;
  input_uncached_tokens: number;
  cache_read_tokens: number;
  cache_write_5m_tokens: number;
  cache_write_1h_tokens: number;
  output_tokens: number;
  reasoning_tokens: number;
  cache_savings_usd: number;
  app_cache_hits: number;
  app_cache_lookups: number;
  errors: number;
  latency_ms_sum: number;
  latency_count: number;
};

export type SpendRow = SpendTotals & Partial<Record<Dimension, string>> & { bucket?: string };

/** The rollup's additive columns, summed under their own names. */
export const SPEND_SUMS = `
  sum(cost_pico) AS cost_pico,
  sum(requests) AS requests,
  sum(priced_requests) AS priced_requests,
  sum(unpriced_tokens) AS unpriced_tokens,
  sum(input_uncached_tokens) AS input_uncached_tokens,
  sum(cache_read_tokens) AS cache_read_tokens,
  sum(cache_write_5m_tokens) AS cache_write_5m_tokens,
  sum(cache_write_1h_tokens) AS cache_write_1h_tokens,
  sum(output_tokens) AS output_tokens,
  sum(reasoning_tokens) AS reasoning_tokens,
  sum(cache_savings_pico) AS cache_savings_pico,
  sum(app_cache_hits) AS app_cache_hits,
  sum(app_cache_lookups) AS app_cache_lookups,
  sum(errors) AS errors,
  sum(latency_ms_sum) AS latency_ms_sum,
  sum(latency_count) AS latency_count`;

export type RawRow = Record<string, string>;

const HOURS = "hour >= toStartOfHour(toDateTime({from:UInt32}, 'UTC')) AND hour < toDateTime({to:UInt32}, 'UTC')";
const TIME_CLAUSES = {
  hours: HOURS,
  /** the whole days {dayFrom, dayTo}, written on the day so the daily projection can answer it */
  days: "toStartOfDay(hour) >= toDateTime({dayFrom:UInt32}, 'UTC') AND toStartOfDay(hour) < toDateTime({dayTo:UInt32}, 'UTC')",
  /** the hours of [from, to) outside those days */
  edges: `${HOURS} AND (hour < toDateTime({dayFrom:UInt32}, 'UTC') OR hour >= toDateTime({dayTo:UInt32}, 'UTC'))`,
};

/**
 * WHERE clause and bound parameters shared by every rollup query. `prefix` names the parameters apart
 * when several questions share one statement.
 */
export function rollupWhere(orgId: string, from: Date, to: Date, filters: SpendFilters, time: keyof typeof TIME_CLAUSES = "hours", prefix = "") {
  const params: Record<string, unknown> = {
    [`${prefix}org`]: orgId,
    [`${prefix}from`]: Math.floor(from.getTime() / 1000),
    [`${prefix}to`]: Math.floor(to.getTime() / 1000),
  };
  const clauses = [`org_id = {${prefix}org:String}`, TIME_CLAUSES[time].replaceAll("{", `{${prefix}`)];
  for (const dim of DIMENSIONS) {
    const values = filters[dim];
    if (!values || values.length === 0) continue;
    params[`${prefix}f_${dim}`] = values;
    clauses.push(`${dim} IN {${prefix}f_${dim}:Array(String)}`);
  }
  return { where: clauses.join(" AND "), params };
}

/** Spend grouped by any dimensions and an optional time bucket, read from the hourly rollup. */
export async function querySpend(q: SpendQuery): Promise<SpendRow[]> {
  const groupBy = q.groupBy.filter((d) => (DIMENSIONS as readonly string[]).includes(d));
  const selects: string[] = [...groupBy];
  if (q.interval) selects.unshift(q.interval === "day" ? "toStartOfDay(hour) AS bucket" : "hour AS bucket");
  const days = q.interval === "hour" ? null : wholeDays(q.from, q.to);
  const { sql: grouped, params } = groupedSpend(q, selects, days);
  const sql = `
    ${grouped}
    ORDER BY ${q.interval ? "bucket ASC, " : ""}cost_pico DESC${groupBy.length ? ", " + groupBy.join(", ") : ""}
    ${q.limit && !q.interval ? `LIMIT ${Math.max(1, Math.floor(q.limit))}` : ""}`;
  const rows = await chQuery<RawRow>(sql, { tag: "analytics.spend", params });
  return rows.map((r) => toSpendRow(r, groupBy, Boolean(q.interval)));
}

/**
 * The rollup's sums over [from, to) grouped by `selects` (a dimension, or `<expression> AS <key>`),
 * keys first, then SPEND_SUMS, without groups that have neither requests nor cost. With `days`, whole
 * UTC days are read through the rollup's projections (a fraction of its rows when user or customer is
 * involved) and the hours before and after them from the hourly rows.
 */
export function groupedSpend(q: { orgId: string; from: Date; to: Date; filters: SpendFilters }, selects: string[], days: { from: number; to: number } | null) {
  const keys = selects.map((s) => s.split(" AS ").pop()!);
  const groupBy = keys.length ? `GROUP BY ${keys.join(", ")}` : "";
  const { where, params } = rollupWhere(q.orgId, q.from, q.to, q.filters);
  const part = (time: "days" | "edges") =>
    `SELECT ${[...selects, SPEND_SUMS].join(",")} FROM ${SPEND_HOURLY} WHERE ${rollupWhere(q.orgId, q.from, q.to, q.filters, time).where} ${groupBy}`;
  const sql = `
    SELECT ${[...(days ? keys : selects), SPEND_SUMS].join(",\n")}
    FROM ${days ? `(${part("days")} UNION ALL ${part("edges")})` : `${SPEND_HOURLY} WHERE ${where}`}
    ${groupBy}
    HAVING requests != 0 OR cost_pico != 0`;
  return { sql, params: days ? { ...params, dayFrom: days.from, dayTo: days.to } : params };
}

const DAY_S = 86_400;

/** The whole UTC days inside [from, to), as unix seconds, or null when there are none. */
export function wholeDays(from: Date, to: Date): { from: number; to: number } | null {
  const a = Math.ceil(Math.floor(from.getTime() / 3_600_000) * 3600 / DAY_S) * DAY_S;
  const b = Math.floor(to.getTime() / 1000 / DAY_S) * DAY_S;
  return a < b ? { from: a, to: b } : null;
}

export function toSpendRow(r: RawRow, groupBy: readonly string[], withBucket: boolean): SpendRow {
  const num = (k: string) => Number(r[k] ?? 0);
  const requests = num("requests");
  const priced = num("priced_requests");
  const row: SpendRow = {
    cost_usd: picoToUsd(r.cost_pico ?? "0"),
    cost_usd_exact: picoToUsdString(r.cost_pico ?? "0"),
    requests,
    priced_requests: priced,
    unpriced_requests: requests - priced,
    unpriced_tokens: num("unpriced_tokens"),
    input_uncached_tokens: num("input_uncached_tokens"),
    cache_read_tokens: num("cache_read_tokens"),
    cache_write_5m_tokens: num("cache_write_5m_tokens"),
    cache_write_1h_tokens: num("cache_write_1h_tokens"),
    output_tokens: num("output_tokens"),
    reasoning_tokens: num("reasoning_tokens"),
    cache_savings_usd: picoToUsd(r.cache_savings_pico ?? "0"),
    app_cache_hits: num("app_cache_hits"),
    app_cache_lookups: num("app_cache_lookups"),
    errors: num("errors"),
    latency_ms_sum: num("latency_ms_sum"),
    latency_count: num("latency_count"),
  };
  for (const d of groupBy) (row as Record<string, unknown>)[d] = r[d] ?? "";
  if (withBucket && r.bucket) row.bucket = new Date(r.bucket.replace(" ", "T") + "Z").toISOString();
  return row;
}
