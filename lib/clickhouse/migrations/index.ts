/**
 * ClickHouse migrations for a single node (embedded or one server), applied in order at start-up and
 * recorded in `schema_migrations`. Written once; never edit a shipped migration: add a new one, and
 * change the table's definition in lib/clickhouse/schema to match (a test compares the two). A
 * cluster is created from those definitions instead (migrate-cluster.ts).
 */
import { ROLLUP_COLUMNS, ROLLUP_SELECT, ROLLUP_SUMS } from "./rollup";
import { providerBillingMigrations } from "./provider-billing";
import { otlpMigrations } from "./otlp";
import { selfhostedMigrations } from "./selfhosted";
import { cachesHealthMigrations } from "./caches-health";
import { sloMigrations } from "./slos";

export type Migration = { version: number; name: string; statements: string[] };

const DIMENSIONS_DDL = `
  provider LowCardinality(String),
  model LowCardinality(String),
  project LowCardinality(String),
  feature LowCardinality(String),
  team LowCardinality(String),
  user String,
  customer String,
  environment LowCardinality(String)`;

const PROJECTION_SUMS = ROLLUP_SUMS.map((c) => `sum(${c})`).join(", ");

export const migrations: Migration[] = [
  {
    version: 1,
    name: "llm_events and hourly spend rollup",
    statements: [
      // Raw events are append-only. A re-cost appends a cancelling row (sign -1) for the old version
      // and a new row (sign +1, version + 1); VersionedCollapsingMergeTree folds them on merge and
      // every query sums with sign, so totals are right before and after merges.
      `CREATE TABLE IF NOT EXISTS llm_events (
        org_id LowCardinality(String),
        event_id String,
        ts DateTime64(3, 'UTC'),
        ${DIMENSIONS_DDL},
        api_key_id LowCardinality(String),
        source LowCardinality(String),
        input_uncached_tokens UInt64,
        cache_read_tokens UInt64,
        cache_write_5m_tokens UInt64,
        cache_write_1h_tokens UInt64,
        output_tokens UInt64,
        reasoning_tokens UInt64,
        priced UInt8,
        cost_pico Int64,
        cache_savings_pico Int64,
        price_source LowCardinality(String),
        price_ref String,
        latency_ms Nullable(UInt32),
        status LowCardinality(String),
        app_cache LowCardinality(String),
        tags Map(String, String),
        sign Int8,
        version UInt32,
        ingested_at DateTime64(3, 'UTC') DEFAULT now64(3),
        INDEX ts_minmax ts TYPE minmax GRANULARITY 1
      ) ENGINE = VersionedCollapsingMergeTree(sign, version)
      PARTITION BY toYYYYMM(ts)
      ORDER BY (org_id, event_id)`,
      // Dashboards read this, never the raw events, for month-long charts.
      `CREATE TABLE IF NOT EXISTS spend_hourly (
        org_id LowCardinality(String),
        hour DateTime('UTC'),
        ${DIMENSIONS_DDL},
        price_source LowCardinality(String),
        requests Int64,
        priced_requests Int64,
        input_uncached_tokens Int64,
        cache_read_tokens Int64,
        cache_write_5m_tokens Int64,
        cache_write_1h_tokens Int64,
        output_tokens Int64,
        reasoning_tokens Int64,
        unpriced_tokens Int64,
        cost_pico Int128,
        cache_savings_pico Int128,
        app_cache_hits Int64,
        app_cache_lookups Int64,
        errors Int64,
        latency_ms_sum Int64,
        latency_count Int64
      ) ENGINE = SummingMergeTree
      PARTITION BY toYYYYMM(hour)
      ORDER BY (org_id, hour, provider, model, project, feature, team, environment, customer, user, price_source)`,
      `CREATE MATERIALIZED VIEW IF NOT EXISTS spend_hourly_mv TO spend_hourly AS
      SELECT
        org_id,
        toStartOfHour(ts) AS hour,
        provider, model, project, feature, team, user, customer, environment, price_source,
        toInt64(sign) AS requests,
        toInt64(sign * priced) AS priced_requests,
        toInt64(sign * input_uncached_tokens) AS input_uncached_tokens,
        toInt64(sign * cache_read_tokens) AS cache_read_tokens,
        toInt64(sign * cache_write_5m_tokens) AS cache_write_5m_tokens,
        toInt64(sign * cache_write_1h_tokens) AS cache_write_1h_tokens,
        toInt64(sign * output_tokens) AS output_tokens,
        toInt64(sign * reasoning_tokens) AS reasoning_tokens,
        toInt64(sign * (1 - priced) * (input_uncached_tokens + cache_read_tokens + cache_write_5m_tokens + cache_write_1h_tokens + output_tokens)) AS unpriced_tokens,
        toInt128(cost_pico) * sign AS cost_pico,
        toInt128(cache_savings_pico) * sign AS cache_savings_pico,
        toInt64(sign * (app_cache = 'hit')) AS app_cache_hits,
        toInt64(sign * (app_cache != '')) AS app_cache_lookups,
        toInt64(sign * (status = 'error')) AS errors,
        toInt64(sign * ifNull(latency_ms, 0)) AS latency_ms_sum,
        toInt64(sign * isNotNull(latency_ms)) AS latency_count
      FROM llm_events`,
    ],
  },
  {
    version: 2,
    name: "id hash for idempotency checks",
    statements: [
      // The ingest path asks "which of these ids are stored?" on every flush. Reading a UInt64 per
      // row instead of the id string makes that a narrow scan, and when none match (the usual case)
      // the engine never reads the ids at all.
      `ALTER TABLE llm_events ADD COLUMN IF NOT EXISTS id_hash UInt64 MATERIALIZED cityHash64(event_id)`,
    ],
  },
  {
    version: 3,
    name: "spend_hourly_mv: sign the unpriced tokens of cancelling rows; rebuild the rollup",
    // Version 1 computed unpriced_tokens from the already-signed token aliases, so a cancelling row
    // of an unpriced event ADDED its tokens again (an event priced by a re-cost stayed "unpriced"
    // twice over). The rollup is derived data: rebuild it from the raw events with the fixed view.
    statements: [
      "DROP VIEW IF EXISTS spend_hourly_mv",
      "TRUNCATE TABLE IF EXISTS spend_hourly",
      `CREATE MATERIALIZED VIEW spend_hourly_mv TO spend_hourly AS ${ROLLUP_SELECT}`,
      `INSERT INTO spend_hourly (${ROLLUP_COLUMNS}) ${ROLLUP_SELECT}`,
    ],
  },
  {
    version: 4,
    name: "spend_hourly projections without the per-user grain",
    // The rollup keeps user and customer, so at millions of events it has nearly as many rows as the
    // raw table. Most dashboard questions (totals, spend over time, features, teams, models) need
    // neither: an aggregate projection answers them from a table hundreds of times smaller, chosen by
    // the engine with no change to the queries. A second one keeps customer but not user. Merges of
    // the summing table rebuild the projections.
    statements: [
      "ALTER TABLE spend_hourly MODIFY SETTING deduplicate_merge_projection_mode = 'rebuild'",
      `ALTER TABLE spend_hourly ADD PROJECTION IF NOT EXISTS by_core (
        SELECT org_id, hour, provider, model, project, feature, team, environment, price_source, ${PROJECTION_SUMS}
        GROUP BY org_id, hour, provider, model, project, feature, team, environment, price_source)`,
      `ALTER TABLE spend_hourly ADD PROJECTION IF NOT EXISTS by_customer (
        SELECT org_id, hour, customer, provider, model, project, feature, team, environment, price_source, ${PROJECTION_SUMS}
        GROUP BY org_id, hour, customer, provider, model, project, feature, team, environment, price_source)`,
      "ALTER TABLE spend_hourly MATERIALIZE PROJECTION by_core SETTINGS mutations_sync = 1",
      "ALTER TABLE spend_hourly MATERIALIZE PROJECTION by_customer SETTINGS mutations_sync = 1",
    ],
  },
  {
    version: 5,
    name: "spend_hourly daily projection with every dimension",
    // Per-user and per-customer questions over weeks read whole days from a daily projection (users
    // make many calls a day, so it is several times smaller than the hourly rows) and only the
    // partial days at the edges of the range from the hourly rows (see querySpend). It replaces the
    // hourly by_customer projection, which saved less and cost as much on every insert.
    statements: [
      "ALTER TABLE spend_hourly DROP PROJECTION IF EXISTS by_customer",
      `ALTER TABLE spend_hourly ADD PROJECTION IF NOT EXISTS by_day (
        SELECT org_id, toStartOfDay(hour), provider, model, project, feature, team, user, customer, environment, price_source, ${PROJECTION_SUMS}
        GROUP BY org_id, toStartOfDay(hour), provider, model, project, feature, team, user, customer, environment, price_source)`,
      "ALTER TABLE spend_hourly MATERIALIZE PROJECTION by_day SETTINGS mutations_sync = 1",
    ],
  },
  {
    version: 6,
    name: "ledger intents: the org-hours of each write to llm_events until its rollup is complete",
    // An INSERT into llm_events and its materialized view are not atomic: a crash between them
    // leaves raw rows without rollup rows. Each write records here which org-hours it touches
    // before inserting (+1) and clears it after (-1); intents left open are repaired at start-up
    // (lib/ledger). CollapsingMergeTree folds each cleared pair away on merge.
    statements: [
      `CREATE TABLE IF NOT EXISTS ledger_intents (
        intent_id String,
        org_id String,
        hours Array(DateTime('UTC')),
        writer LowCardinality(String),
        created_at DateTime64(3, 'UTC') DEFAULT now64(3),
        sign Int8
      ) ENGINE = CollapsingMergeTree(sign)
      ORDER BY (intent_id, org_id)`,
    ],
  },
  ...providerBillingMigrations,
  ...otlpMigrations,
  ...selfhostedMigrations,
  ...cachesHealthMigrations,
  ...sloMigrations,
];
