import "server-only";
import { aggregateMetricPoints, type MetricAggregate } from "./metric-store";

/**
 * What the Providers page shows from OTLP metrics: per provider, model, metric and token type, the
 * number of recordings, their sum and mean, and p50/p95 estimated from the histogram buckets
 * (linear within the bucket holding the quantile; null when the exporter sent no buckets).
 * Durations are in seconds and token usage in tokens, as the semantic conventions record them.
 */
export type GenaiMetricSummaryRow = {
  metric: string;
  provider: string;
  model: string;
  token_type: string;
  count: number;
  sum: number;
  mean: number | null;
  p50: number | null;
  p95: number | null;
};

export async function genaiMetricSummary(orgId: string, from: Date, to: Date): Promise<GenaiMetricSummaryRow[]> {
  const groups = new Map<string, MetricAggregate[]>();
  for (const a of await aggregateMetricPoints(orgId, from, to)) {
    const k = [a.metric, a.provider, a.model, a.token_type].join("\u0000");
    groups.set(k, [...(groups.get(k) ?? []), a]);
  }
  return [...groups.values()].map((parts) => {
    const count = parts.reduce((s, p) => s + p.count, 0);
    const sum = parts.reduce((s, p) => s + p.sum, 0);
    // Different bucket layouts cannot be merged; the quantiles come from the one holding most points.
    const main = parts.reduce((best, p) => (p.count > best.count ? p : best));
    return {
      metric: main.metric,
      provider: main.provider,
      model: main.model,
      token_type: main.token_type,
      count,
      sum,
      mean: count ? sum / count : null,
      p50: quantile(main.bounds, main.bucket_counts, 0.5),
      p95: quantile(main.bounds, main.bucket_counts, 0.95),
    };
  });
}

/** The q-quantile of an explicit-bucket histogram; the open top bucket reports its lower bound. */
export function quantile(bounds: number[], counts: number[], q: number): number | null {
  const total = counts.reduce((s, c) => s + c, 0);
  if (!total || counts.length !== bounds.length + 1) return null;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] > 0 && seen + counts[i] >= rank) {
      if (i === counts.length - 1) return bounds[bounds.length - 1] ?? null;
      const lo = i === 0 ? Math.min(0, bounds[0]) : bounds[i - 1];
      const hi = bounds[i];
      return lo + ((rank - seen) / counts[i]) * (hi - lo);
    }
    seen += counts[i];
  }
  return bounds[bounds.length - 1] ?? null;
}
