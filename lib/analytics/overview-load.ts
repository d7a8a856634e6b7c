import "server-only";
import { isEmbedded } from "@/lib/config/env";
import type { Dimension } from "@/lib/domain/event";
import { bucketInterval, type ViewFilters } from "./filters";
import { orgHasUsage } from "./org-usage";
import { spendOverTime, spendSummary, unpricedModels, type SpendOverTime, type SpendSummary, type UnpricedModel } from "./overview";
import { DRIVER_DIMENSIONS, overviewBreakdown, type DriverDimension, type OverviewBreakdown } from "./overview-breakdown";
import { rollupVersion } from "./rollup-version";

export type OverviewData = {
  summary: Promise<SpendSummary>;
  unpriced: Promise<UnpricedModel[]>;
  breakdown: Promise<OverviewBreakdown>;
  chart: Promise<SpendOverTime>;
  /** asked only for an empty view: has the organization ever sent usage? */
  hasUsage: () => Promise<boolean>;
};

/**
 * Every question of one overview, asked at once in the order the page shows the answers: the
 * embedded engine runs one statement at a time, so the totals come back first and their section can
 * be sent while the driver tables and the chart are still being computed. Four statements in all.
 *
 * With the embedded engine, answers are kept per view and reused until the rollup changes (see
 * rollupVersion), so going back to a view already seen costs one small statement instead of four.
 */
export function loadOverview(orgId: string, view: ViewFilters): OverviewData {
  const data = isEmbedded() ? cached(orgId, view) : Promise.resolve(ask(orgId, view));
  const out: OverviewData = {
    summary: data.then((d) => d.summary),
    unpriced: data.then((d) => d.unpriced),
    breakdown: data.then((d) => d.breakdown),
    chart: data.then((d) => d.chart),
    hasUsage: () => orgHasUsage(orgId),
  };
  // Each is awaited by its section; an empty view never shows the later ones, and their failure must
  // not become an unhandled rejection.
  for (const p of [out.summary, out.unpriced, out.breakdown, out.chart]) p.catch(() => undefined);
  return out;
}

function ask(orgId: string, view: ViewFilters): OverviewData {
  const summary = spendSummary(orgId, view);
  const unpriced = unpricedModels(orgId, view);
  const breakdown = overviewBreakdown(orgId, view, bucketInterval(view));
  // The chart's top values are the driver table of its dimension when the page has one.
  const chart = breakdown.then((b) => spendOverTime(orgId, view, view.stack, b.series, isDriver(view.stack) ? b.drivers[view.stack] : undefined));
  for (const p of [summary, unpriced, breakdown, chart]) p.catch(() => undefined);
  return { summary, unpriced, breakdown, chart, hasUsage: () => orgHasUsage(orgId) };
}

const MAX_VIEWS = 64;
// Most recently used last. Holds promises, so concurrent requests for one view share one computation.
const views = new Map<string, OverviewData>();

async function cached(orgId: string, view: ViewFilters): Promise<OverviewData> {
  const key = JSON.stringify([await rollupVersion(), orgId, view.from.getTime(), view.to.getTime(), view.stack, view.filters]);
  let data = views.get(key);
  if (data) views.delete(key);
  else {
    data = ask(orgId, view);
    const mine = data;
    // A failed answer is not kept: the next request asks again.
    Promise.all([data.summary, data.unpriced, data.breakdown, data.chart]).catch(() => views.get(key) === mine && views.delete(key));
  }
  views.set(key, data);
  while (views.size > MAX_VIEWS) views.delete(views.keys().next().value!);
  return data;
}

function isDriver(d: Dimension): d is DriverDimension {
  return (DRIVER_DIMENSIONS as readonly Dimension[]).includes(d);
}
