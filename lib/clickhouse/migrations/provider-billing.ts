/**
 * Provider-reported usage and cost (OpenAI Usage/Costs API, Anthropic usage and cost reports), kept
 * beside the request-level ledger and never added into it. The owner of both tables is
 * lib/provider-billing (usage-table.ts, cost-table.ts); these statements only create them.
 */
import type { Migration } from "./index";

export const providerBillingMigrations: Migration[] = [
  {
    version: 10,
    name: "provider_usage_hourly: provider usage buckets, replaced on re-pull",
    statements: [
      // Open buckets keep changing until they close, so a collector re-pulls a trailing window: a row
      // with the same key and a higher version replaces the old one (reads use FINAL), never adds to it.
      `CREATE TABLE IF NOT EXISTS provider_usage_hourly (
        org_id LowCardinality(String),
        source_id LowCardinality(String),
        provider LowCardinality(String),
        bucket_start DateTime('UTC'),
        project_id String,
        api_key_id String,
        model LowCardinality(String),
        batch LowCardinality(String),
        service_tier LowCardinality(String),
        context_window LowCardinality(String),
        input_uncached_tokens Int64,
        cache_read_tokens Int64,
        cache_write_5m_tokens Int64,
        cache_write_1h_tokens Int64,
        output_tokens Int64,
        requests Int64,
        web_search_requests Int64,
        version UInt64
      ) ENGINE = ReplacingMergeTree(version)
      PARTITION BY toYYYYMM(bucket_start)
      ORDER BY (org_id, source_id, bucket_start, project_id, api_key_id, model, batch, service_tier, context_window)`,
    ],
  },
  {
    version: 11,
    name: "provider_cost_daily: provider cost buckets in pico-dollars, replaced on re-pull",
    statements: [
      `CREATE TABLE IF NOT EXISTS provider_cost_daily (
        org_id LowCardinality(String),
        source_id LowCardinality(String),
        provider LowCardinality(String),
        bucket_start DateTime('UTC'),
        project_id String,
        line_item String,
        model LowCardinality(String),
        cost_type LowCardinality(String),
        token_type LowCardinality(String),
        service_tier LowCardinality(String),
        context_window LowCardinality(String),
        amount_pico Int128,
        version UInt64
      ) ENGINE = ReplacingMergeTree(version)
      PARTITION BY toYYYYMM(bucket_start)
      ORDER BY (org_id, source_id, bucket_start, project_id, line_item, model, cost_type, token_type, service_tier, context_window)`,
    ],
  },
];
