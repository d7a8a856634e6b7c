import "server-only";
import { chInsert, chQuery } from "@/lib/clickhouse/query";
import { GENAI_METRIC_POINTS } from "@/lib/clickhouse/tables";

/**
 * Owner of `genai_metric_points`: GenAI histogram points received over OTLP, one row per point
 * (delta temporality) or the last point per series and hour (cumulative), so totals per hour come
 * out right whichever temporality the exporter uses (OTel JS defaults to cumulative: summing its
 * points would count every request again at each export). ReplacingMergeTree keeps one row per key,
 * so a point sent twice is stored once and a later cumulative point of the hour replaces an earlier.
 */

export const DELTA = 1;
export const CUMULATIVE = 2;

export type MetricPointRow = {
  org_id: string;
  metric: string;
  hour: string;
  provider: string;
  model: string;
  token_type: string;
  operation: string;
  series_key: string;
  start_ns: string;
  temporality: number;
  point_key: string;
  time_ns: string;
  count: number;
  sum: number;
  bounds: number[];
  bucket_counts: number[];
};

export async function insertMetricPoints(rows: MetricPointRow[]): Promise<void> {
  await chInsert(GENAI_METRIC_POINTS, rows, { tag: "otlp.metrics.insert", ledgerUnchanged: true });
}

export type MetricAggregate = {
  metric: string;
  provider: string;
  model: string;
  token_type: string;
  count: number;
  sum: number;
  bounds: number[];
  bucket_counts: number[];
};

/**
 * Per metric, provider, model and token type over [from, to): counts, sums and bucket counts.
 * A cumulative series contributes the difference between consecutive hours' last points (its
 * whole history before `to` is read so the first hour in range has its predecessor).
 */
export async function aggregateMetricPoints(orgId: string, from: Date, to: Date): Promise<MetricAggregate[]> {
  const rows = await chQuery<Record<string, unknown>>(
    `SELECT metric, provider, model, token_type, bounds,
            sum(d_count) AS count, sum(d_sum) AS sum, sumForEach(d_buckets) AS bucket_counts
     FROM (
       SELECT metric, provider, model, token_type, hour, bounds,
              if(temporality = ${CUMULATIVE}, toInt64(count) - toInt64(lagInFrame(count, 1, 0) OVER w), toInt64(count)) AS d_count,
              if(temporality = ${CUMULATIVE}, sum - lagInFrame(sum, 1, 0) OVER w, sum) AS d_sum,
              arrayMap(x -> toInt64(x), bucket_counts) AS cur,
              arrayMap(x -> toInt64(x), lagInFrame(bucket_counts, 1, []) OVER w) AS prev,
              if(temporality = ${CUMULATIVE} AND length(prev) = length(cur), arrayMap((c, p) -> c - p, cur, prev), cur) AS d_buckets
       FROM ${GENAI_METRIC_POINTS} FINAL
       WHERE org_id = {org:String} AND hour < {to:DateTime('UTC')} AND (temporality = ${CUMULATIVE} OR hour >= {from:DateTime('UTC')})
       WINDOW w AS (PARTITION BY series_key, start_ns, temporality ORDER BY hour ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
     )
     WHERE hour >= {from:DateTime('UTC')}
     GROUP BY metric, provider, model, token_type, bounds
     ORDER BY metric, provider, model, token_type`,
    { tag: "otlp.metrics.summary", params: { org: orgId, from: chTime(from), to: chTime(to) } },
  );
  return rows.map((r) => ({
    metric: String(r.metric),
    provider: String(r.provider),
    model: String(r.model),
    token_type: String(r.token_type),
    count: Number(r.count),
    sum: Number(r.sum),
    bounds: (r.bounds as number[]).map(Number),
    bucket_counts: (r.bucket_counts as unknown[]).map(Number),
  }));
}

export function chTime(d: Date): string {
  return d.toISOString().slice(0, 19).replace("T", " ");
}
