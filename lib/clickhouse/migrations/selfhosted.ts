/**
 * Self-hosted GPU and serving samples (owner modules: lib/selfhosted/gpu-samples.ts and
 * lib/selfhosted/serving-samples.ts). Versions 20-29 belong to this part.
 *
 * Idempotency without a second bookkeeping table: a row is keyed by (source, series, prev_ts), the
 * scrape it continues from, and ReplacingMergeTree(ts) keeps the latest row per key. A run that
 * stored rows but crashed before its cursor was saved is repeated from the same cursor: its rows have
 * the same prev_ts and the repeat replaces them (for a scrape, with a later ts whose increase covers
 * the whole interval), so nothing is counted twice. Readers use FINAL. Partitioned by prev_ts so both
 * rows of a pair always sit in the same partition and FINAL can fold them.
 *
 * No rollup tables: reports aggregate these at query time (a GPU row per 15 s is ~5,800 rows a day
 * per GPU; a 1,000-GPU month is ~170M narrow rows, which ClickHouse groups in seconds). A rollup would
 * need its own repair path, since an INSERT and its views are not atomic in the embedded engine.
 */
import type { Migration } from "./index";

export const selfhostedMigrations: Migration[] = [
  {
    version: 20,
    name: "gpu_samples and serving_samples",
    statements: [
      `CREATE TABLE IF NOT EXISTS gpu_samples (
        org_id LowCardinality(String),
        source_id LowCardinality(String),
        gpu_key String,
        prev_ts DateTime64(3, 'UTC'),
        ts DateTime64(3, 'UTC'),
        covered_ms UInt32,
        uuid String,
        gpu LowCardinality(String),
        hostname LowCardinality(String),
        model_name LowCardinality(String),
        pod String,
        namespace LowCardinality(String),
        labels Map(LowCardinality(String), String),
        -- Float64: the busy share multiplies money, and Float32 turns 0.6 into 0.60000002
        util Nullable(Float64),
        engine_active Nullable(Float64),
        tensor_active Nullable(Float32),
        fb_used_mib Nullable(Float32),
        fb_free_mib Nullable(Float32),
        power_w Nullable(Float32),
        INDEX ts_minmax ts TYPE minmax GRANULARITY 1
      ) ENGINE = ReplacingMergeTree(ts)
      PARTITION BY toYYYYMM(prev_ts)
      ORDER BY (org_id, source_id, gpu_key, prev_ts)`,
      `CREATE TABLE IF NOT EXISTS serving_samples (
        org_id LowCardinality(String),
        source_id LowCardinality(String),
        series_key String,
        prev_ts DateTime64(3, 'UTC'),
        ts DateTime64(3, 'UTC'),
        covered_ms UInt32,
        engine LowCardinality(String),
        model LowCardinality(String),
        prompt_tokens UInt64,
        generation_tokens UInt64,
        requests UInt64,
        preemptions UInt64,
        prefix_queries UInt64,
        prefix_hits UInt64,
        prefill_seconds Float64,
        decode_seconds Float64,
        running Nullable(Float32),
        waiting Nullable(Float32),
        kv_cache Nullable(Float32),
        INDEX ts_minmax ts TYPE minmax GRANULARITY 1
      ) ENGINE = ReplacingMergeTree(ts)
      PARTITION BY toYYYYMM(prev_ts)
      ORDER BY (org_id, source_id, series_key, prev_ts)`,
    ],
  },
];
