/**
 * The names of the product's ClickHouse tables, from their definitions (lib/clickhouse/schema), for
 * the SQL of every module that reads or writes them: no file spells a table name but its definition,
 * so renaming or moving a table is one change that the type checker follows.
 */
import { cacheStats, genaiMetricPoints, gpuSamples, providerCostDaily, providerUsageHourly, servingSamples } from "./schema/collector-tables";
import { latencyHourly, latencyHourlyView, ledgerIntents, llmEvents, spendHourly, spendHourlyView } from "./schema/ledger-tables";

export const LLM_EVENTS = llmEvents.name;
export const SPEND_HOURLY = spendHourly.name;
export const LATENCY_HOURLY = latencyHourly.name;
export const LEDGER_INTENTS = ledgerIntents.name;
export const PROVIDER_USAGE_HOURLY = providerUsageHourly.name;
export const PROVIDER_COST_DAILY = providerCostDaily.name;
export const GPU_SAMPLES = gpuSamples.name;
export const SERVING_SAMPLES = servingSamples.name;
export const CACHE_STATS = cacheStats.name;
export const GENAI_METRIC_POINTS = genaiMetricPoints.name;
export const SPEND_HOURLY_MV = spendHourlyView.name;
export const LATENCY_HOURLY_MV = latencyHourlyView.name;
