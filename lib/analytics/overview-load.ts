import "server-only";
import type { Dimension } from "@/lib/domain/event";
import { bucketInterval, type ViewFilters } from "./filters";
import { orgHasUsage } from "./org-usage";
import { spendOverTime, spendSummary, unpricedModels, type SpendOverTime, type SpendSummary, type UnpricedModel } from "./overview";
import { DRIVER_DIMENSIONS, overviewBreakdown, type DriverDimension, type OverviewBreakdown } from "./overview-breakdown";
import { AnswerCache } from "./answer-cache";

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
 * With the embedded engine, answers are kept per view until this process next writes to the store
 * (see AnswerCache), so going back to a view already seen, or many users on one view, costs no
 * statement at all.
 */
export function loadOverview(orgId: string, view: ViewFilters): OverviewData {
  return views.get(JSON.stringify([orgId, view.from.getTime(), view.to.getTime(), view.stack, view.filters]), () => ask(orgId, view));
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

// An empty view never awaits its later sections; ask() already keeps their failures from going unhandled.
const views = new AnswerCache<OverviewData>(64, (d) => Promise.all([d.summary, d.unpriced, d.breakdown, d.chart]).then(() => undefined));

function isDriver(d: Dimension): d is DriverDimension {
  return (DRIVER_DIMENSIONS as readonly Dimension[]).includes(d);
}
