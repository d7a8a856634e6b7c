import "server-only";
import { chQuery } from "@/lib/clickhouse/query";
import type { Dimension } from "@/lib/domain/event";
import { groupedSpend, SPEND_SUMS, toSpendRow, wholeDays, type RawRow, type SpendFilters, type SpendRow } from "./spend";

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

// Each row names its question: 0 for the chart's series, 1 + i for DRIVER_DIMENSIONS[i].
const SERIES = 0;

/**
 * Every driver table and the chart's total series of one view in a single statement, one branch per
 * question joined by UNION ALL: the embedded engine runs one statement at a time, so this is most of
 * the page's wait, and the engine runs the branches side by side. Each branch is its own question as
 * querySpend asks it (the 10 costliest values, cost descending, then value; groups with neither
 * requests nor cost dropped; every non-empty bucket of the series), so each can be answered from the
 * smallest projection that holds its dimension. One grouping over every dimension at once (GROUPING
 * SETS, until 2026-12-03) had to read the daily projection at its finest grain, user by customer, and
 * took 1.1-1.7 s at 3 million events where the separate questions took about 0.5 s at 10 million.
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
    if (g === SERIES) series.push(toSpendRow(r, [], true));
    else drivers[DRIVER_DIMENSIONS[g - 1]].push(driverRow(toSpendRow(r, [], false), r.value));
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

/**
 * Dimensions with few values, which the rollup's hourly projection keeps; the others (many values,
 * read through the daily projection) are grouped in a read of their own, so that neither read is at
 * the grain of every dimension at once.
 */
const COARSE: readonly DriverDimension[] = ["feature", "team", "model", "project"];
const FINE = DRIVER_DIMENSIONS.filter((d) => !COARSE.includes(d));
const gOf = (d: DriverDimension) => 1 + DRIVER_DIMENSIONS.indexOf(d);
const ORDER = `if(g = ${SERIES}, toInt128(toUnixTimestamp(bucket)), -cost_pico), value`;

function breakdownStatement(orgId: string, view: { from: Date; to: Date; filters: SpendFilters }, interval: "hour" | "day") {
  const days = interval === "day" ? wholeDays(view.from, view.to) : null;
  const q = { orgId, ...view };
  const bucket = interval === "day" ? "toStartOfDay(hour) AS bucket" : "hour AS bucket";
  const coarse = groupedSpend(q, [bucket, ...COARSE], days);
  const fine = groupedSpend(q, FINE, days);
  const sql = `
    SELECT * FROM (${splitBySets(coarse.sql, COARSE, true)} UNION ALL ${splitBySets(fine.sql, FINE, false)})
    ORDER BY g, ${ORDER}`;
  // Both reads bind the same parameters (one organization, range and filter set).
  return { sql, params: coarse.params };
}

/**
 * One read grouped at a common grain, split by GROUPING SETS into one question per dimension (and the
 * series when `withSeries`), each keeping its 10 costliest values. grouping(x) is 0 when x is in the
 * row's set.
 */
function splitBySets(grouped: string, dims: readonly DriverDimension[], withSeries: boolean): string {
  const sets = [...(withSeries ? ["bucket"] : []), ...dims];
  const setOf = `multiIf(${[...(withSeries ? [`grouping(bucket) = 0, ${SERIES}`] : []), ...dims.map((d) => `grouping(${d}) = 0, ${gOf(d)}`)].join(", ")}, 255)`;
  const valueOf = `multiIf(${dims.map((d) => `g = ${gOf(d)}, toString(${d})`).join(", ")}, '')`;
  return `
    SELECT * EXCEPT (rank) FROM (
      SELECT *, row_number() OVER (PARTITION BY g ORDER BY ${ORDER}) AS rank
      FROM (
        SELECT toUInt8(${setOf}) AS g, ${valueOf} AS value, ${withSeries ? "bucket" : "toDateTime(0, 'UTC') AS bucket"}, ${SPEND_SUMS}
        FROM (${grouped})
        GROUP BY GROUPING SETS (${sets.map((k) => `(${k})`).join(", ")})
        HAVING requests != 0 OR cost_pico != 0
      )
    )
    WHERE g = ${SERIES} OR rank <= ${DRIVER_LIMIT}`;
}
