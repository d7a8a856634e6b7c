/**
 * Today's shape of the ledger's tables: the raw events, their hourly spend and latency rollups with
 * the views that feed them, and the write intents (lib/ledger, lib/slos). The migrations build these
 * step by step; schema.test.ts checks that after every migration the store equals these definitions.
 */
import { ROLLUP_SUMS, rollupSelect } from "../migrations/rollup";
import { latencySelect, LATENCY_ROW_WHERE } from "../migrations/slos";
import type { TableDef, ViewDef } from "./types";

const DIMENSIONS = [
  "provider LowCardinality(String)",
  "model LowCardinality(String)",
  "project LowCardinality(String)",
  "feature LowCardinality(String)",
  "team LowCardinality(String)",
  "user String",
  "customer String",
  "environment LowCardinality(String)",
];

export const llmEvents: TableDef = {
  name: "llm_events",
  columns: [
    "org_id LowCardinality(String)",
    "event_id String",
    "ts DateTime64(3, 'UTC')",
    ...DIMENSIONS,
    "api_key_id LowCardinality(String)",
    "source LowCardinality(String)",
    ...["input_uncached_tokens", "cache_read_tokens", "cache_write_5m_tokens", "cache_write_1h_tokens", "output_tokens", "reasoning_tokens"].map((c) => `${c} UInt64`),
    "priced UInt8",
    "cost_pico Int64",
    "cache_savings_pico Int64",
    "price_source LowCardinality(String)",
    "price_ref String",
    "latency_ms Nullable(UInt32)",
    "status LowCardinality(String)",
    "app_cache LowCardinality(String)",
    "tags Map(String, String)",
    "sign Int8",
    "version UInt32",
    "ingested_at DateTime64(3, 'UTC') DEFAULT now64(3)",
    "id_hash UInt64 MATERIALIZED cityHash64(event_id)",
    "http_status UInt16 DEFAULT 0",
    "ttft_ms Nullable(UInt32)",
    ...["rl_requests_limit", "rl_requests_remaining", "rl_tokens_limit", "rl_tokens_remaining"].map((c) => `${c} Nullable(UInt64)`),
    "rl_requests_reset_s Nullable(Float32)",
    "rl_tokens_reset_s Nullable(Float32)",
  ],
  indexes: ["INDEX ts_minmax ts TYPE minmax GRANULARITY 1"],
  engine: { family: "VersionedCollapsingMergeTree", args: ["sign", "version"] },
  partitionBy: "toYYYYMM(ts)",
  orderBy: ["org_id", "event_id"],
  // Every version of an event on one shard, so the cancelling row of a re-cost folds its old version.
  shardBy: "cityHash64(org_id, event_id)",
};

const ROLLUP_GROUP = ["org_id", "hour", "provider", "model", "project", "feature", "team", "environment", "price_source"];
const SUMS = ROLLUP_SUMS.map((c) => `sum(${c})`).join(", ");
const DAY_GROUP = ["org_id", "toStartOfDay(hour)", "provider", "model", "project", "feature", "team", "user", "customer", "environment", "price_source"];

export const spendHourly: TableDef = {
  name: "spend_hourly",
  columns: [
    "org_id LowCardinality(String)",
    "hour DateTime('UTC')",
    ...DIMENSIONS,
    "price_source LowCardinality(String)",
    ...ROLLUP_SUMS.map((c) => `${c} ${c === "cost_pico" || c === "cache_savings_pico" ? "Int128" : "Int64"}`),
  ],
  projections: [
    { name: "by_core", select: `SELECT ${ROLLUP_GROUP.join(", ")}, ${SUMS} GROUP BY ${ROLLUP_GROUP.join(", ")}` },
    { name: "by_day", select: `SELECT ${DAY_GROUP.join(", ")}, ${SUMS} GROUP BY ${DAY_GROUP.join(", ")}` },
  ],
  engine: { family: "SummingMergeTree" },
  partitionBy: "toYYYYMM(hour)",
  orderBy: ["org_id", "hour", "provider", "model", "project", "feature", "team", "environment", "customer", "user", "price_source"],
  settings: { index_granularity: 8192, deduplicate_merge_projection_mode: "'rebuild'" },
  shardBy: "cityHash64(org_id, hour)",
};

export const spendHourlyView: ViewDef = { name: "spend_hourly_mv", to: "spend_hourly", from: "llm_events", select: rollupSelect };

export const latencyHourly: TableDef = {
  name: "latency_hourly",
  columns: ["org_id LowCardinality(String)", "hour DateTime('UTC')", ...DIMENSIONS, "bucket UInt16", "requests Int64"],
  engine: { family: "SummingMergeTree" },
  partitionBy: "toYYYYMM(hour)",
  orderBy: ["org_id", "hour", "feature", "provider", "model", "project", "team", "environment", "customer", "user", "bucket"],
  shardBy: "cityHash64(org_id, hour)",
};

export const latencyHourlyView: ViewDef = {
  name: "latency_hourly_mv",
  to: "latency_hourly",
  from: "llm_events",
  select: (from) => `${latencySelect(from)} WHERE ${LATENCY_ROW_WHERE}`,
};

export const ledgerIntents: TableDef = {
  name: "ledger_intents",
  columns: [
    "intent_id String",
    "org_id String",
    "hours Array(DateTime('UTC'))",
    "writer LowCardinality(String)",
    "created_at DateTime64(3, 'UTC') DEFAULT now64(3)",
    "sign Int8",
  ],
  engine: { family: "CollapsingMergeTree", args: ["sign"] },
  orderBy: ["intent_id", "org_id"],
  // An intent's opening and clearing rows must meet on one shard to fold.
  shardBy: "cityHash64(intent_id)",
};
