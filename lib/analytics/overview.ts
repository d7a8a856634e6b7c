import "server-only";
import { cache } from "react";
import { chQuery } from "@/lib/clickhouse/query";
import type { Dimension } from "@/lib/ingest/types";
import { querySpend, rollupWhere, type SpendFilters, type SpendTotals } from "./spend";
import { shapeStackedSeries, type StackedSeries as SpendOverTime } from "./stack-series";
import { bucketInterval, previousRange, type ViewFilters } from "./filters";

/** Named questions the overview asks; each reads the hourly rollup only. */

export const ZERO_TOTALS: SpendTotals = {
  cost_usd: 0,
  cost_usd_exact: "0",
  requests: 0,
  priced_requests: 0,
  unpriced_requests: 0,
  unpriced_tokens: 0,
  input_uncached_tokens: 0,
  cache_read_tokens: 0,
  cache_write_5m_tokens: 0,
  cache_write_1h_tokens: 0,
  output_tokens: 0,
  reasoning_tokens: 0,
  cache_savings_usd: 0,
  app_cache_hits: 0,
  app_cache_lookups: 0,
  errors: 0,
  latency_ms_sum: 0,
  latency_count: 0,
};

// Several sections of one page need the same totals: React's per-request cache runs the query once.
// Keyed by primitives because cache() compares arguments by identity.
const totalsFor = cache(async (orgId: string, fromMs: number, toMs: number, filtersKey: string): Promise<SpendTotals> => {
  const rows = await querySpend({
    orgId,
    from: new Date(fromMs),
    to: new Date(toMs),
    groupBy: [],
    filters: JSON.parse(filtersKey) as SpendFilters,
  });
  return rows[0] ?? ZERO_TOTALS;
});

function totals(orgId: string, r: { from: Date; to: Date }, filters: SpendFilters) {
  return totalsFor(orgId, r.from.getTime(), r.to.getTime(), JSON.stringify(filters));
}

export type SpendSummary = { current: SpendTotals; previous: SpendTotals };

/** Totals in the view and in the equal range just before it (same filters). */
export async function spendSummary(orgId: string, view: ViewFilters): Promise<SpendSummary> {
  const [current, previous] = await Promise.all([
    totals(orgId, view, view.filters),
    totals(orgId, previousRange(view), view.filters),
  ]);
  return { current, previous };
}

// One chart shape for the server's render and the browser's refetch (components/overview).
export type { SeriesPoint, StackedSeries as SpendOverTime } from "./stack-series";

const TOP_SERIES = 8;

/**
 * Cost per time bucket, split into the top values of `stack` and everything else: the same three
 * bounded questions and the same shaping as the browser's refetch when the stack changes. `top`
 * (the costliest values, biggest first) may come from a driver table the page already has.
 */
export async function spendOverTime(
  orgId: string,
  view: ViewFilters,
  stack: Dimension = view.stack,
  top?: Pick<DriverRow, "value" | "costUsd">[],
): Promise<SpendOverTime> {
  const interval = bucketInterval(view);
  const base = { orgId, from: view.from, to: view.to, filters: view.filters };
  const topRows = top
    ? top.slice(0, TOP_SERIES).map((d) => ({ [stack]: d.value, cost_usd: d.costUsd }))
    : await querySpend({ ...base, groupBy: [stack], limit: TOP_SERIES });
  const values = topRows.map((r) => String(r[stack] ?? ""));
  const [perValue, total] = await Promise.all([
    values.length ? querySpend({ ...base, groupBy: [stack], interval, filters: { ...view.filters, [stack]: values } }) : Promise.resolve([]),
    querySpend({ ...base, groupBy: [], interval }),
  ]);
  return shapeStackedSeries({ from: view.from.toISOString(), to: view.to.toISOString(), interval, stack, top: topRows, perValue, total });
}

export { labelOf } from "./labels";

export type DriverRow = {
  value: string;
  costUsd: number;
  requests: number;
  pricedRequests: number;
  unpricedRequests: number;
  tokens: number;
};

/** The values of one dimension that cost the most in the view. */
export async function topCostDrivers(orgId: string, view: ViewFilters, dimension: Dimension, limit = 10): Promise<DriverRow[]> {
  const rows = await querySpend({ orgId, from: view.from, to: view.to, groupBy: [dimension], filters: view.filters, limit });
  return rows.map((r) => ({
    value: String(r[dimension] ?? ""),
    costUsd: r.cost_usd,
    requests: r.requests,
    pricedRequests: r.priced_requests,
    unpricedRequests: r.unpriced_requests,
    tokens: r.input_uncached_tokens + r.cache_read_tokens + r.cache_write_5m_tokens + r.cache_write_1h_tokens + r.output_tokens,
  }));
}

export type UnpricedModel = { provider: string; model: string; requests: number; tokens: number };

/** Models whose usage has no price, so their cost is unknown rather than zero. */
export async function unpricedModels(orgId: string, view: Pick<ViewFilters, "from" | "to" | "filters">): Promise<UnpricedModel[]> {
  const { where, params } = rollupWhere(orgId, view.from, view.to, view.filters);
  const rows = await chQuery<Record<string, string>>(
    `SELECT provider, model,
            sum(requests) - sum(priced_requests) AS unpriced_requests,
            sum(unpriced_tokens) AS unpriced_token_sum
     FROM spend_hourly
     WHERE ${where}
     GROUP BY provider, model
     HAVING unpriced_requests > 0
     ORDER BY unpriced_requests DESC, provider, model
     LIMIT 100`,
    { tag: "analytics.overview.unpriced_models", params },
  );
  return rows.map((r) => ({
    provider: r.provider,
    model: r.model,
    requests: Number(r.unpriced_requests),
    tokens: Number(r.unpriced_token_sum),
  }));
}
