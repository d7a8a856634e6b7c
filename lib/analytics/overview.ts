import "server-only";
import { chQuery } from "@/lib/clickhouse/query";
import type { Dimension } from "@/lib/domain/event";
import { querySpend, rollupWhere, SPEND_SUMS, toSpendRow, type RawRow, type SpendRow, type SpendTotals } from "./spend";
import type { DriverRow } from "./overview-breakdown";
import { shapeStackedSeries, TOP_SERIES, type StackedSeries as SpendOverTime } from "./stack-series";
import { bucketInterval, previousRange, type ViewFilters } from "./filters";
import { SPEND_HOURLY } from "@/lib/clickhouse/tables";

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

export type SpendSummary = { current: SpendTotals; previous: SpendTotals };

/**
 * Totals in the view and in the equal range just before it (same filters), in one statement: the
 * same rows and sums as querySpend asked twice. Plain filters on `hour`, so the engine can answer
 * from the rollup's small projection without user and customer.
 */
export async function spendSummary(orgId: string, view: ViewFilters): Promise<SpendSummary> {
  const ranges = [view, previousRange(view)];
  const parts = ranges.map((r, i) => rollupWhere(orgId, r.from, r.to, view.filters, "hours", `r${i}_`));
  const sql = parts.map((p, i) => `SELECT ${i} AS r, ${SPEND_SUMS} FROM ${SPEND_HOURLY} WHERE ${p.where} HAVING requests != 0 OR cost_pico != 0`).join("\nUNION ALL\n");
  const rows = await chQuery<RawRow & { r: string | number }>(sql, { tag: "analytics.overview.summary", params: Object.assign({}, ...parts.map((p) => p.params)) });
  const at = (i: number) => {
    const row = rows.find((r) => Number(r.r) === i);
    return row ? toSpendRow(row, [], false) : ZERO_TOTALS;
  };
  return { current: at(0), previous: at(1) };
}

// One chart shape for the server's render and the browser's refetch (components/overview).
export type { SeriesPoint, StackedSeries as SpendOverTime } from "./stack-series";

/**
 * Cost per time bucket, split into the top values of `stack` and everything else, shaped like the
 * browser's refetch when the stack changes. `top` (the costliest values, biggest first) and `total`
 * (the view's spend per bucket) come from the page's breakdown, so only the top values' own series
 * is asked here; without `top` it is asked first.
 */
export async function spendOverTime(
  orgId: string,
  view: ViewFilters,
  stack: Dimension,
  total: SpendRow[],
  top?: Pick<DriverRow, "value" | "costUsd">[],
): Promise<SpendOverTime> {
  const interval = bucketInterval(view);
  const base = { orgId, from: view.from, to: view.to, filters: view.filters };
  const topRows = top
    ? top.slice(0, TOP_SERIES).map((d) => ({ [stack]: d.value, cost_usd: d.costUsd }))
    : await querySpend({ ...base, groupBy: [stack], limit: TOP_SERIES });
  const values = topRows.map((r) => String(r[stack] ?? ""));
  const perValue = values.length ? await querySpend({ ...base, groupBy: [stack], interval, filters: { ...view.filters, [stack]: values } }) : [];
  return shapeStackedSeries({ from: view.from.toISOString(), to: view.to.toISOString(), interval, stack, top: topRows, perValue, total });
}

export { labelOf } from "./labels";
export type { DriverRow } from "./overview-breakdown";

export type UnpricedModel = { provider: string; model: string; requests: number; tokens: number };

/** Models whose usage has no price, so their cost is unknown rather than zero. */
export async function unpricedModels(orgId: string, view: Pick<ViewFilters, "from" | "to" | "filters">): Promise<UnpricedModel[]> {
  const { where, params } = rollupWhere(orgId, view.from, view.to, view.filters);
  const rows = await chQuery<Record<string, string>>(
    `SELECT provider, model,
            sum(requests) - sum(priced_requests) AS unpriced_requests,
            sum(unpriced_tokens) AS unpriced_token_sum
     FROM ${SPEND_HOURLY}
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
