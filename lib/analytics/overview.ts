import "server-only";
import { cache } from "react";
import { chQuery } from "@/lib/clickhouse/query";
import { picoToUsd } from "@/lib/money/pico";
import type { Dimension } from "@/lib/ingest/types";
import { querySpend, rollupWhere, type SpendFilters, type SpendTotals } from "./spend";
import { labelOf } from "./labels";
import { OTHER_KEY, type SeriesPoint, type StackedSeries as SpendOverTime } from "./stack-series";
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

/** Does this organization have any usage at all? Separates "never sent data" from "nothing in this view". */
export async function orgHasUsage(orgId: string): Promise<boolean> {
  const rows = await chQuery<{ one: number }>("SELECT 1 AS one FROM spend_hourly WHERE org_id = {org:String} LIMIT 1", {
    tag: "analytics.overview.has_usage",
    params: { org: orgId },
  });
  return rows.length > 0;
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

/** Cost per time bucket, split into the top values of `stack` and everything else. */
export async function spendOverTime(orgId: string, view: ViewFilters, stack: Dimension = view.stack): Promise<SpendOverTime> {
  const interval = bucketInterval(view);
  const top = await querySpend({
    orgId,
    from: view.from,
    to: view.to,
    groupBy: [stack],
    filters: view.filters,
    limit: TOP_SERIES,
  });
  const topValues = top.map((r) => String(r[stack] ?? ""));
  const { where, params } = rollupWhere(orgId, view.from, view.to, view.filters);
  const bucketExpr = interval === "day" ? "toStartOfDay(hour)" : "hour";
  // `stack` is one of DIMENSIONS (validated), so naming the column here is not value interpolation.
  const rows = await chQuery<{ ts: number | string; idx: number | string; cost_pico: string }>(
    `SELECT toUnixTimestamp(${bucketExpr}) AS ts,
            indexOf({top:Array(String)}, ${stack}) AS idx,
            sum(cost_pico) AS cost_pico
     FROM spend_hourly
     WHERE ${where}
     GROUP BY ts, idx
     ORDER BY ts`,
    { tag: "analytics.overview.spend_over_time", params: { ...params, top: topValues } },
  );

  const stepMs = interval === "day" ? 86_400_000 : 3_600_000;
  const start = Math.floor(view.from.getTime() / stepMs) * stepMs;
  const byTs = new Map<number, SeriesPoint>();
  for (let t = start; t < view.to.getTime(); t += stepMs) byTs.set(t, emptyPoint(t, topValues.length));

  let otherTotal = 0;
  for (const r of rows) {
    const t = Number(r.ts) * 1000;
    const point = byTs.get(t) ?? emptyPoint(t, topValues.length);
    byTs.set(t, point);
    const idx = Number(r.idx);
    const key = idx === 0 ? OTHER_KEY : `s${idx}`;
    const usd = picoToUsd(r.cost_pico);
    point[key] = (point[key] as number) + usd;
    if (idx === 0) otherTotal += usd;
  }

  const series: SpendOverTime["series"] = top.map((r, i) => ({
    key: `s${i + 1}`,
    label: labelOf(String(r[stack] ?? "")),
    value: String(r[stack] ?? ""),
    costUsd: r.cost_usd,
  }));
  if (otherTotal !== 0) series.push({ key: OTHER_KEY, label: "Other", value: null, costUsd: otherTotal });
  const points = [...byTs.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => p);
  return { interval, stack, series, points };
}

function emptyPoint(t: number, n: number): SeriesPoint {
  const p: SeriesPoint = { bucket: new Date(t).toISOString() };
  for (let i = 1; i <= n; i++) p[`s${i}`] = 0;
  p[OTHER_KEY] = 0;
  return p;
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
