import "server-only";
import type { Dimension } from "@/lib/ingest/types";
import { bucketInterval, type ViewFilters } from "./filters";
import { orgHasUsage } from "./org-usage";
import { spendOverTime, spendSummary, unpricedModels, type SpendOverTime, type SpendSummary, type UnpricedModel } from "./overview";
import { DRIVER_DIMENSIONS, overviewBreakdown, type DriverDimension, type OverviewBreakdown } from "./overview-breakdown";

export type OverviewData = {
  summary: Promise<SpendSummary>;
  unpriced: Promise<UnpricedModel[]>;
  breakdown: Promise<OverviewBreakdown>;
  chart: Promise<SpendOverTime>;
  /** asked only for an empty view: has the organization ever sent usage? */
  hasUsage: () => Promise<boolean>;
};

/**
 * Starts every question of one overview at once, in the order the page shows the answers: the
 * embedded engine runs one statement at a time, so the totals come back first and their section can
 * be sent while the driver tables and the chart are still being computed. Four statements in all.
 */
export function loadOverview(orgId: string, view: ViewFilters): OverviewData {
  const summary = spendSummary(orgId, view);
  const unpriced = unpricedModels(orgId, view);
  const breakdown = overviewBreakdown(orgId, view, bucketInterval(view));
  // The chart's top values are the driver table of its dimension when the page has one.
  const chart = breakdown.then((b) => spendOverTime(orgId, view, view.stack, b.series, isDriver(view.stack) ? b.drivers[view.stack] : undefined));
  // Each is awaited by its section; an empty view never shows the later ones, and their failure must
  // not become an unhandled rejection.
  for (const p of [summary, unpriced, breakdown, chart]) p.catch(() => undefined);
  return { summary, unpriced, breakdown, chart, hasUsage: () => orgHasUsage(orgId) };
}

function isDriver(d: Dimension): d is DriverDimension {
  return (DRIVER_DIMENSIONS as readonly Dimension[]).includes(d);
}
