/**
 * Today's shape of the tables the collectors write beside the ledger: provider usage and cost
 * reports (lib/provider-billing), GPU and serving samples (lib/selfhosted), cache statistics
 * (lib/caches) and OTLP GenAI metric points (lib/otlp). All are replaced-on-repeat tables: a row with
 * the same key and a later version replaces the earlier one, so the sharding key is the part of the
 * ordering key that keeps a row and its replacement on one shard.
 */
import type { TableDef } from "./types";

const tokens = (...names: string[]) => names.map((c) => `${c} Int64`);

export const providerUsageHourly: TableDef = {
  name: "provider_usage_hourly",
  columns: [
    "org_id LowCardinality(String)",
    "source_id LowCardinality(String)",
    "provider LowCardinality(String)",
    "bucket_start DateTime('UTC')",
    "project_id String",
    "api_key_id String",
    "model LowCardinality(String)",
    "batch LowCardinality(String)",
    "service_tier LowCardinality(String)",
    "context_window LowCardinality(String)",
    ...tokens("input_uncached_tokens", "cache_read_tokens", "cache_write_5m_tokens", "cache_write_1h_tokens", "output_tokens", "requests", "web_search_requests"),
    "version UInt64",
  ],
  engine: { family: "ReplacingMergeTree", args: ["version"] },
  partitionBy: "toYYYYMM(bucket_start)",
  orderBy: ["org_id", "source_id", "bucket_start", "project_id", "api_key_id", "model", "batch", "service_tier", "context_window"],
  shardBy: "cityHash64(org_id, source_id, bucket_start)",
};

export const providerCostDaily: TableDef = {
  name: "provider_cost_daily",
  columns: [
    "org_id LowCardinality(String)",
    "source_id LowCardinality(String)",
    "provider LowCardinality(String)",
    "bucket_start DateTime('UTC')",
    "project_id String",
    "line_item String",
    "model LowCardinality(String)",
    "cost_type LowCardinality(String)",
    "token_type LowCardinality(String)",
    "service_tier LowCardinality(String)",
    "context_window LowCardinality(String)",
    "amount_pico Int128",
    "version UInt64",
  ],
  engine: { family: "ReplacingMergeTree", args: ["version"] },
  partitionBy: "toYYYYMM(bucket_start)",
  orderBy: ["org_id", "source_id", "bucket_start", "project_id", "line_item", "model", "cost_type", "token_type", "service_tier", "context_window"],
  shardBy: "cityHash64(org_id, source_id, bucket_start)",
};

export const gpuSamples: TableDef = {
  name: "gpu_samples",
  columns: [
    "org_id LowCardinality(String)",
    "source_id LowCardinality(String)",
    "gpu_key String",
    "prev_ts DateTime64(3, 'UTC')",
    "ts DateTime64(3, 'UTC')",
    "covered_ms UInt32",
    "uuid String",
    "gpu LowCardinality(String)",
    "hostname LowCardinality(String)",
    "model_name LowCardinality(String)",
    "pod String",
    "namespace LowCardinality(String)",
    "labels Map(LowCardinality(String), String)",
    // Float64: the busy share multiplies money, and Float32 turns 0.6 into 0.60000002.
    "util Nullable(Float64)",
    "engine_active Nullable(Float64)",
    ...["tensor_active", "fb_used_mib", "fb_free_mib", "power_w"].map((c) => `${c} Nullable(Float32)`),
  ],
  indexes: ["INDEX ts_minmax ts TYPE minmax GRANULARITY 1"],
  engine: { family: "ReplacingMergeTree", args: ["ts"] },
  partitionBy: "toYYYYMM(prev_ts)",
  orderBy: ["org_id", "source_id", "gpu_key", "prev_ts"],
  shardBy: "cityHash64(org_id, source_id, gpu_key)",
};

export const servingSamples: TableDef = {
  name: "serving_samples",
  columns: [
    "org_id LowCardinality(String)",
    "source_id LowCardinality(String)",
    "series_key String",
    "prev_ts DateTime64(3, 'UTC')",
    "ts DateTime64(3, 'UTC')",
    "covered_ms UInt32",
    "engine LowCardinality(String)",
    "model LowCardinality(String)",
    ...["prompt_tokens", "generation_tokens", "requests", "preemptions", "prefix_queries", "prefix_hits"].map((c) => `${c} UInt64`),
    "prefill_seconds Float64",
    "decode_seconds Float64",
    ...["running", "waiting", "kv_cache"].map((c) => `${c} Nullable(Float32)`),
  ],
  indexes: ["INDEX ts_minmax ts TYPE minmax GRANULARITY 1"],
  engine: { family: "ReplacingMergeTree", args: ["ts"] },
  partitionBy: "toYYYYMM(prev_ts)",
  orderBy: ["org_id", "source_id", "series_key", "prev_ts"],
  shardBy: "cityHash64(org_id, source_id, series_key)",
};

export const cacheStats: TableDef = {
  name: "cache_stats",
  columns: [
    "org_id LowCardinality(String)",
    "cache String",
    "kind LowCardinality(String)",
    "feature String",
    "model String",
    "window_start DateTime('UTC')",
    "window_end DateTime('UTC')",
    "hits UInt64",
    "misses UInt64",
    "latency_ms_p50 Nullable(Float64)",
    "latency_ms_p95 Nullable(Float64)",
    "bytes_stored Nullable(UInt64)",
    "received_at DateTime64(6, 'UTC')",
  ],
  engine: { family: "ReplacingMergeTree", args: ["received_at"] },
  partitionBy: "toYYYYMM(window_start)",
  orderBy: ["org_id", "cache", "feature", "model", "window_start", "window_end"],
  shardBy: "cityHash64(org_id, cache)",
};

export const genaiMetricPoints: TableDef = {
  name: "genai_metric_points",
  columns: [
    "org_id LowCardinality(String)",
    "metric LowCardinality(String)",
    "hour DateTime('UTC')",
    "provider LowCardinality(String)",
    "model LowCardinality(String)",
    "token_type LowCardinality(String)",
    "operation LowCardinality(String)",
    "series_key UInt64",
    "start_ns UInt64",
    "temporality UInt8",
    "point_key UInt64",
    "time_ns UInt64",
    "count UInt64",
    "sum Float64",
    "bounds Array(Float64)",
    "bucket_counts Array(UInt64)",
  ],
  engine: { family: "ReplacingMergeTree", args: ["time_ns"] },
  partitionBy: "toYYYYMM(hour)",
  orderBy: ["org_id", "metric", "series_key", "start_ns", "temporality", "hour", "point_key"],
  shardBy: "cityHash64(org_id, series_key)",
};
