/**
 * The latency histogram's buckets (lib/clickhouse/migrations/slos.ts) in milliseconds. Pure.
 * Bucket 0 holds 0 ms; bucket b >= 1 holds [BASE^(b-1), BASE^b).
 */
import { LATENCY_BASE } from "@/lib/clickhouse/migrations/slos";

/** The value a quantile falling in bucket b is reported as: the bucket's geometric middle, so the
 * error is at most half a bucket (sqrt(1.05) - 1, about 2.5%) either way. */
export function bucketMidMs(b: number): number {
  if (b <= 0) return 0;
  return Math.pow(LATENCY_BASE, b - 0.5);
}

/** The bucket a latency falls in, as the view computes it (for tests and thresholds). */
export function bucketOf(ms: number): number {
  return ms < 1 ? 0 : 1 + Math.floor(Math.log(ms) / Math.log(LATENCY_BASE));
}

/** Quantiles (0..1) of a histogram {bucket: count}, by rank: the bucket holding the q-th request. */
export function histogramQuantiles(counts: Map<number, number>, qs: number[]): (number | null)[] {
  const buckets = [...counts].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return qs.map(() => null);
  return qs.map((q) => {
    const rank = Math.max(1, Math.ceil(q * total));
    let seen = 0;
    for (const [b, n] of buckets) {
      seen += n;
      if (seen >= rank) return bucketMidMs(b);
    }
    return bucketMidMs(buckets[buckets.length - 1][0]);
  });
}
