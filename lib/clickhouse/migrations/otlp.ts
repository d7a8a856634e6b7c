import type { Migration } from "./index";

/** GenAI metrics received over OTLP (versions 40-49 belong to lib/otlp, which owns the table). */
export const otlpMigrations: Migration[] = [
  {
    version: 40,
    name: "genai_metric_points: GenAI histogram points from OTLP metrics",
    statements: [
      `CREATE TABLE IF NOT EXISTS genai_metric_points (
  org_id LowCardinality(String),
  metric LowCardinality(String),
  hour DateTime('UTC'),
  provider LowCardinality(String),
  model LowCardinality(String),
  token_type LowCardinality(String),
  operation LowCardinality(String),
  series_key UInt64,
  start_ns UInt64,
  temporality UInt8,
  point_key UInt64,
  time_ns UInt64,
  count UInt64,
  sum Float64,
  bounds Array(Float64),
  bucket_counts Array(UInt64)
) ENGINE = ReplacingMergeTree(time_ns)
PARTITION BY toYYYYMM(hour)
ORDER BY (org_id, metric, series_key, start_ns, temporality, hour, point_key)`,
    ],
  },
];
