import type { Migration } from "./index";

/**
 * Issue 12, caches and provider health. Versions 30-39 belong to this part.
 * Old events read as "unknown": http_status 0, the rest NULL.
 */
export const cachesHealthMigrations: Migration[] = [
  {
    version: 30,
    name: "llm_events: http status, time to first token and the provider's rate-limit headers",
    // Few and narrow: one UInt16 with 0 for "not reported" instead of a Nullable, and NULL-able
    // numbers for the rest, which compress to almost nothing on the many events that carry none.
    // `SELECT * EXCEPT (ingested_at)` in re-costing carries them into new versions unchanged.
    statements: [
      `ALTER TABLE llm_events
        ADD COLUMN IF NOT EXISTS http_status UInt16 DEFAULT 0,
        ADD COLUMN IF NOT EXISTS ttft_ms Nullable(UInt32),
        ADD COLUMN IF NOT EXISTS rl_requests_limit Nullable(UInt64),
        ADD COLUMN IF NOT EXISTS rl_requests_remaining Nullable(UInt64),
        ADD COLUMN IF NOT EXISTS rl_tokens_limit Nullable(UInt64),
        ADD COLUMN IF NOT EXISTS rl_tokens_remaining Nullable(UInt64),
        ADD COLUMN IF NOT EXISTS rl_requests_reset_s Nullable(Float32),
        ADD COLUMN IF NOT EXISTS rl_tokens_reset_s Nullable(Float32)`,
    ],
  },
  {
    version: 31,
    name: "cache_stats: what application and semantic caches report per window",
    // A cache re-sending the same window replaces its figures (the latest received wins), so a
    // retried or corrected report never counts twice. Read with FINAL.
    statements: [
      `CREATE TABLE IF NOT EXISTS cache_stats (
        org_id LowCardinality(String),
        cache String,
        kind LowCardinality(String),
        feature String,
        model String,
        window_start DateTime('UTC'),
        window_end DateTime('UTC'),
        hits UInt64,
        misses UInt64,
        latency_ms_p50 Nullable(Float64),
        latency_ms_p95 Nullable(Float64),
        bytes_stored Nullable(UInt64),
        received_at DateTime64(6, 'UTC')
      ) ENGINE = ReplacingMergeTree(received_at)
      PARTITION BY toYYYYMM(window_start)
      ORDER BY (org_id, cache, feature, model, window_start, window_end)`,
    ],
  },
];
