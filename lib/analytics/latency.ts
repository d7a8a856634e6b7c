import "server-only";
import { chQuery } from "@/lib/clickhouse/query";
import { bucketInterval, type ViewFilters } from "./filters";
import { histogramQuantiles } from "./latency-buckets";
import { rollupWhere } from "./spend";
import { LATENCY_HOURLY, SPEND_HOURLY } from "@/lib/clickhouse/tables";

/**
 * The overview's "latency distribution P50 / P95 / P99" and "request volume and error rates over
 * time" panels. Latency reads the latency_hourly histogram (never raw events, never averages);
 * volume and errors read spend_hourly. Same filters and time bucketing as the spend chart.
 */
export type LatencyPoint = { ts: string; p50: number | null; p95: number | null; p99: number | null; requests: number };
export type LatencyOverTime = { interval: "hour" | "day"; points: LatencyPoint[]; overall: { p50: number | null; p95: number | null; p99: number | null } };

const QS = [0.5, 0.95, 0.99];

export async function latencyOverTime(orgId: string, view: Pick<ViewFilters, "from" | "to" | "filters">): Promise<LatencyOverTime> {
  const interval = bucketInterval(view);
  const { where, params } = rollupWhere(orgId, view.from, view.to, view.filters);
  const t = interval === "hour" ? "hour" : "toStartOfDay(hour)";
  // Summed per bucket first: single rows of the summing table can be -1 (a re-cost's cancelling row
  // not yet merged with its +1); only the sums are counts.
  const rows = await chQuery<{ t: string; bucket: number; n: string }>(
    `SELECT toUnixTimestamp(${t}) AS t, bucket, toInt64(sum(requests)) AS n
     FROM ${LATENCY_HOURLY} WHERE ${where}
     GROUP BY t, bucket HAVING n > 0 ORDER BY t, bucket`,
    { tag: "analytics.latency", params },
  );
  const byTime = new Map<number, Map<number, number>>();
  const all = new Map<number, number>();
  for (const r of rows) {
    const ts = Number(r.t) * 1000;
    const b = Number(r.bucket);
    const n = Number(r.n);
    if (!byTime.has(ts)) byTime.set(ts, new Map());
    byTime.get(ts)!.set(b, n);
    all.set(b, (all.get(b) ?? 0) + n);
  }
  const points = [...byTime].map(([ts, h]) => {
    const [p50, p95, p99] = histogramQuantiles(h, QS);
    return { ts: new Date(ts).toISOString(), p50, p95, p99, requests: [...h.values()].reduce((s, n) => s + n, 0) };
  });
  const [p50, p95, p99] = histogramQuantiles(all, QS);
  return { interval, points, overall: { p50, p95, p99 } };
}

export type VolumePoint = { ts: string; requests: number; errors: number; error_rate: number | null };

export async function volumeAndErrors(orgId: string, view: Pick<ViewFilters, "from" | "to" | "filters">): Promise<{ interval: "hour" | "day"; points: VolumePoint[] }> {
  const interval = bucketInterval(view);
  const { where, params } = rollupWhere(orgId, view.from, view.to, view.filters);
  const t = interval === "hour" ? "hour" : "toStartOfDay(hour)";
  const rows = await chQuery<{ t: string; requests: string; errors: string }>(
    `SELECT toUnixTimestamp(${t}) AS t, toInt64(sum(requests)) AS requests, toInt64(sum(errors)) AS errors
     FROM ${SPEND_HOURLY} WHERE ${where} GROUP BY t ORDER BY t`,
    { tag: "analytics.volume_errors", params },
  );
  return {
    interval,
    points: rows.map((r) => {
      const requests = Number(r.requests);
      const errors = Number(r.errors);
      return { ts: new Date(Number(r.t) * 1000).toISOString(), requests, errors, error_rate: requests > 0 ? errors / requests : null };
    }),
  };
}
