import type { Migration } from "./index";

/**
 * Issue 11, SLOs. Versions 50-54 belong to this part.
 *
 * latency_hourly: a latency histogram per (org, hour, dimensions) in fixed, log-spaced buckets (5%
 * wide). Chosen over quantilesTDigestState because (1) bucket counts are plain signed sums, so a
 * re-cost's cancelling row (sign -1, same latency, same bucket) and its new version (sign +1) net to
 * one count per event, and (2) the rollup can be checked and repaired like spend_hourly: the repair
 * inserts the difference between what the raw rows derive and what is there, which a t-digest state
 * cannot express (states merge, they do not subtract). Quantiles read from it are within half a
 * bucket (about 2.5%) of the exact value; "good" counts at a threshold are exact at bucket bounds.
 *
 * LATENCY_SELECT is the one definition of the rollup row: the view, the backfill and the start-up
 * repair (lib/slos/latency-repair.ts) all use it, so a repaired hour equals what the view writes.
 */

/** Bucket 0 holds 0 ms; bucket b >= 1 holds [LATENCY_BASE^(b-1), LATENCY_BASE^b) ms. */
export const LATENCY_BASE = 1.05;

export const LATENCY_KEYS = ["org_id", "hour", "provider", "model", "project", "feature", "team", "user", "customer", "environment", "bucket"] as const;

export const LATENCY_SELECT = latencySelect("llm_events");

/** The same SELECT over another name for the events table (its local table on a cluster). */
export function latencySelect(events: string): string {
  return `
      SELECT
        org_id,
        toStartOfHour(ts) AS hour,
        provider, model, project, feature, team, user, customer, environment,
        toUInt16(if(assumeNotNull(latency_ms) < 1, 0, 1 + floor(log(assumeNotNull(latency_ms)) / log(${LATENCY_BASE})))) AS bucket,
        toInt64(sign) AS requests
      FROM ${events}`;
}

const LATENCY_WHERE = "latency_ms IS NOT NULL";

export const sloMigrations: Migration[] = [
  {
    version: 50,
    name: "latency_hourly: latency histogram per hour and dimensions, for percentiles and latency SLOs",
    statements: [
      `CREATE TABLE IF NOT EXISTS latency_hourly (
        org_id LowCardinality(String),
        hour DateTime('UTC'),
        provider LowCardinality(String),
        model LowCardinality(String),
        project LowCardinality(String),
        feature LowCardinality(String),
        team LowCardinality(String),
        user String,
        customer String,
        environment LowCardinality(String),
        bucket UInt16,
        requests Int64
      ) ENGINE = SummingMergeTree
      PARTITION BY toYYYYMM(hour)
      ORDER BY (org_id, hour, feature, provider, model, project, team, environment, customer, user, bucket)`,
      `CREATE MATERIALIZED VIEW IF NOT EXISTS latency_hourly_mv TO latency_hourly AS ${LATENCY_SELECT} WHERE ${LATENCY_WHERE}`,
      // Backfill from the events already stored. Migrations run before the server takes writes, so
      // nothing lands between the view's creation and this copy; TRUNCATE first makes a re-run after a
      // crash mid-migration count nothing twice.
      "TRUNCATE TABLE IF EXISTS latency_hourly",
      `INSERT INTO latency_hourly (${LATENCY_KEYS.join(", ")}, requests) ${LATENCY_SELECT} WHERE ${LATENCY_WHERE}
       SETTINGS max_partitions_per_insert_block = 0`,
    ],
  },
];

export const LATENCY_ROW_WHERE = LATENCY_WHERE;
