import "server-only";
import { seededRandom } from "@/lib/random/seeded";
import { chTime, DELTA, insertMetricPoints, type MetricPointRow } from "./metric-store";

/**
 * Demo: 14 days of hourly GenAI metrics from an OTel-instrumented service (operation duration and
 * time to first token per model), so the Providers page has latency percentiles on first start.
 * Metrics never add to spend; the demo's spend comes from its events.
 */
const MODELS: { provider: string; model: string; perHour: number; latencyS: number; ttftS: number }[] = [
  { provider: "anthropic", model: "claude-sonnet-4-20250514", perHour: 9, latencyS: 4.2, ttftS: 0.9 },
  { provider: "openai", model: "gpt-4o-mini", perHour: 20, latencyS: 1.1, ttftS: 0.35 },
  { provider: "openai", model: "gpt-4.1", perHour: 2, latencyS: 6.5, ttftS: 1.2 },
];
const BOUNDS = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92];

export async function seedDemoOtlpMetrics(orgId: string, end = new Date()): Promise<number> {
  const rand = seededRandom(12_004);
  const rows: MetricPointRow[] = [];
  const lastHour = Math.floor(end.getTime() / 3_600_000) * 3_600_000;
  for (let h = 14 * 24; h >= 1; h--) {
    const hour = lastHour - h * 3_600_000;
    for (const [i, m] of MODELS.entries()) {
      for (const [metric, typical] of [["gen_ai.client.operation.duration", m.latencyS], ["gen_ai.server.time_to_first_token", m.ttftS]] as const) {
        const buckets = new Array(BOUNDS.length + 1).fill(0);
        let sum = 0;
        const n = Math.max(1, Math.round(m.perHour * (0.5 + rand())));
        for (let k = 0; k < n; k++) {
          // Log-normal-ish: most calls near the typical value, a tail up to several times it.
          const v = typical * Math.exp((rand() + rand() + rand() - 1.5) * 0.8);
          sum += v;
          buckets[BOUNDS.findIndex((b) => v <= b) === -1 ? BOUNDS.length : BOUNDS.findIndex((b) => v <= b)]++;
        }
        const timeNs = String(BigInt(hour + 3_599_000) * 1_000_000n);
        rows.push({
          org_id: orgId, metric, hour: chTime(new Date(hour)), provider: m.provider, model: m.model, token_type: "", operation: "chat",
          series_key: String(1_000 + i * 10 + (metric.includes("time_to_first") ? 1 : 0)), start_ns: String(BigInt(hour) * 1_000_000n),
          temporality: DELTA, point_key: timeNs, time_ns: timeNs, count: n, sum, bounds: BOUNDS, bucket_counts: buckets,
        });
      }
    }
  }
  await insertMetricPoints(rows);
  return rows.length;
}
