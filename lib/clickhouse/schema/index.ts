/**
 * Every ClickHouse table and view of the product, in creation order (a view after the tables it
 * reads and writes). The one definition of today's schema: rendered for a single node or a cluster
 * by render.ts, and compared with what the migrations built by schema.test.ts.
 */
import { cacheStats, genaiMetricPoints, gpuSamples, providerCostDaily, providerUsageHourly, servingSamples } from "./collector-tables";
import { latencyHourly, latencyHourlyView, ledgerIntents, llmEvents, spendHourly, spendHourlyView } from "./ledger-tables";
import type { TableDef, ViewDef } from "./types";

export const TABLES: TableDef[] = [
  llmEvents,
  spendHourly,
  latencyHourly,
  ledgerIntents,
  providerUsageHourly,
  providerCostDaily,
  gpuSamples,
  servingSamples,
  cacheStats,
  genaiMetricPoints,
];

export const VIEWS: ViewDef[] = [spendHourlyView, latencyHourlyView];
