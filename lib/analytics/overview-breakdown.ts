import "server-only";
import { chQuery } from "@/lib/clickhouse/query";
import type { Dimension } from "@/lib/domain/event";
import { rollupWhere, SPEND_SUMS, toSpendRow, wholeDays, type RawRow, type SpendFilters, type SpendRow } from "./spend";
import { SPEND_HOURLY } from "@/lib/clickhouse/tables";

/** The dimensions with a driver table on the overview, in the page's order. */
export const DRIVER_DIMENSIONS = ["feature", "team", "customer", "model", "project", "user"] as const satisfies readonly Dimension[];
export type DriverDimension = (typeof DRIVER_DIMENSIONS)[number];

export type DriverRow = {
  value: string;
  costUsd: number;
  requests: number;
  pricedRequests: number;
  unpricedRequests: number;
  tokens: number;
};

export type OverviewBreakdown = {
  /** per dimension, its 10 costliest values, biggest first (ties by value) */
  drivers: Record<DriverDimension, DriverRow[]>;
  /** spend per time bucket over everything in the view (the chart's total) */
  series: SpendRow[];
};

export const DRIVER_LIMIT = 10;

// grouping() marks each key column NOT in a row's grouping set with a 1 bit (first argument highest),
// which names the set a row belongs to.
const GROUP_KEYS = ["bucket", ...DRIVER_DIMENSIONS] as const;
const maskOf = (set: readonly string[]) => GROUP_KEYS.reduce((m, k, i) => (set.includes(k) ? m : m | (1 << (GROUP_KEYS.length - 1 - i))), 0);
const SERIES_MASK = maskOf(["bucket"]);
const DRIVER_MASKS = DRIVER_DIMENSIONS.map((d) => maskOf([d]));

/**
 * Every driver table and the chart's total series of one view in a single statement: one pass over
 * the rollup grouped by several sets at once, instead of one statement per table. The embedded
 * engine runs one statement at a time, so this is most of the page's wait. Each set keeps the
 * exact filter, order and limit of its own question (see querySpend): drivers are the 10 costliest
 * values (cost descending, then value), groups with neither requests nor cost are dropped, and the
 * series has every non-empty bucket in time order.
 */
export async function overviewBreakdown(
  orgId: string,
  view: { from: Date; to: Date; filters: SpendFilters },
  interval: "hour" | "day",
): Promise<OverviewBreakdown> {
  const { sql, params } = breakdownStatement(orgId, view, interval);
  const rows = await chQuery<RawRow & { g: string; value: string }>(sql, { tag: "analytics.overview.breakdown", params });
  const drivers = Object.fromEntries(DRIVER_DIMENSIONS.map((d) => [d, [] as DriverRow[]])) as Record<DriverDimension, DriverRow[]>;
  const series: SpendRow[] = [];
  for (const r of rows) {
    const g = Number(r.g);
    if (g === SERIES_MASK) {
      series.push(toSpendRow(r, [], true));
      continue;
    }
    const d = DRIVER_DIMENSIONS[DRIVER_MASKS.indexOf(g)];
    if (d) drivers[d].push(driverRow(toSpendRow(r, [], false), r.value));
  }
  return { drivers, series };
}

export function driverRow(r: SpendRow, value: string): DriverRow {
  return {
    value,
    costUsd: r.cost_usd,
    requests: r.requests,
    pricedRequests: r.priced_requests,
    unpricedRequests: r.unpriced_requests,
    tokens: r.input_uncached_tokens + r.cache_read_tokens + r.cache_write_5m_tokens + r.cache_write_1h_tokens + r.output_tokens,
  };
}

function breakdownStatement(orgId: string, view: { from: Date; to: Date; filters: SpendFilters }, interval: "hour" | "day") {
  const cols = ["bucket", ...DRIVER_DIMENSIONS].join(", ");
  const bucket = interval === "day" ? "toStartOfDay(hour)" : "hour";
  const select = (time: "hours" | "days" | "edges") =>
    `SELECT ${bucket} AS bucket, ${DRIVER_DIMENSIONS.join(", ")}, ${SPEND_SUMS} FROM ${SPEND_HOURLY} WHERE ${rollupWhere(orgId, view.from, view.to, view.filters, time).where} GROUP BY ${cols}`;
  const { params } = rollupWhere(orgId, view.from, view.to, view.filters);
  const days = interval === "day" ? wholeDays(view.from, view.to) : null;
  // As in querySpend: whole UTC days through the daily projection, the partial days from hourly rows.
  const source = days ? `${select("days")} UNION ALL ${select("edges")}` : select("hours");
  const valueOf = `multiIf(${DRIVER_DIMENSIONS.map((d, i) => `g = ${DRIVER_MASKS[i]}, toString(${d})`).join(", ")}, '')`;
  const sql = `
    SELECT * FROM (
      SELECT *, row_number() OVER (PARTITION BY g ORDER BY if(g = ${SERIES_MASK}, toInt128(toUnixTimestamp(bucket)), -cost_pico), value) AS rank
      FROM (
        SELECT grouping(${cols}) AS g, ${valueOf} AS value, bucket, ${SPEND_SUMS}
        FROM (${source})
        GROUP BY GROUPING SETS ((bucket), ${DRIVER_DIMENSIONS.map((d) => `(${d})`).join(", ")})
        HAVING requests != 0 OR cost_pico != 0
      )
    )
    WHERE g = ${SERIES_MASK} OR rank <= ${DRIVER_LIMIT}
    ORDER BY g, rank`;
  return { sql, params: days ? { ...params, dayFrom: days.from, dayTo: days.to } : params };
}
