import { createHash } from "node:crypto";
import { attributes, int64, isObj, list, nanosToMs, text, type Attributes } from "./otlp-values";
import { PROVIDER_IDS } from "./span-to-event";

/** The GenAI metrics kept (semantic conventions); every other metric is ignored. */
export const GENAI_METRICS = new Set([
  "gen_ai.client.token.usage",
  "gen_ai.client.operation.duration",
  "gen_ai.server.time_to_first_token",
  "gen_ai.server.request.duration",
]);

/** Points older than this are refused: the table is partitioned by month and an insert may touch only a few partitions. */
const MAX_AGE_MS = 31 * 86_400_000;
const MAX_FUTURE_MS = 86_400_000;

export type MetricPoint = {
  metric: string;
  hourMs: number;
  provider: string;
  model: string;
  tokenType: string;
  operation: string;
  seriesKey: string;
  startNs: string;
  temporality: 1 | 2;
  timeNs: string;
  count: number;
  sum: number;
  bounds: number[];
  bucketCounts: number[];
};

export type PointBatch = { points: MetricPoint[]; rejected: string[]; rejectedCount: number };

/** Walks ExportMetricsServiceRequest (either encoding) into the GenAI histogram points it carries. */
export function collectMetricPoints(request: Record<string, unknown>, now = Date.now()): PointBatch {
  const out: PointBatch = { points: [], rejected: [], rejectedCount: 0 };
  const reject = (why: string) => {
    out.rejectedCount++;
    if (out.rejected.length < 5) out.rejected.push(why);
  };
  for (const rm of list(request.resourceMetrics)) {
    if (!isObj(rm)) continue;
    const resource = attributes(isObj(rm.resource) ? rm.resource.attributes : undefined);
    const resourceKey = canonical(resource);
    for (const sm of list(rm.scopeMetrics)) {
      if (!isObj(sm)) continue;
      const scope = isObj(sm.scope) && typeof sm.scope.name === "string" ? sm.scope.name : "";
      for (const m of list(sm.metrics)) {
        if (!isObj(m) || typeof m.name !== "string" || !GENAI_METRICS.has(m.name)) continue;
        const h = isObj(m.histogram) ? m.histogram : null;
        if (!h) {
          const n = ["gauge", "sum", "exponentialHistogram", "summary"].map((k) => (isObj(m[k]) ? list((m[k] as Record<string, unknown>).dataPoints).length : 0)).reduce((a, b) => a + b, 0);
          for (let i = 0; i < n; i++) reject(`${m.name}: expected an explicit-bucket histogram (as the semantic conventions define it)`);
          continue;
        }
        const temporality = int64(h.aggregationTemporality);
        for (const dp of list(h.dataPoints)) {
          const r = readPoint(m.name, dp, temporality, resource, `${resourceKey}|${scope}`, now);
          if (typeof r === "string") reject(r);
          else out.points.push(r);
        }
      }
    }
  }
  return out;
}

function readPoint(metric: string, dp: unknown, temporality: number | null, resource: Attributes, context: string, now: number): MetricPoint | string {
  if (!isObj(dp)) return `${metric}: a data point must be an object`;
  if (temporality !== 1 && temporality !== 2) return `${metric}: aggregationTemporality must be 1 (delta) or 2 (cumulative)`;
  const a = attributes(dp.attributes);
  const timeMs = nanosToMs(dp.timeUnixNano);
  if (!timeMs) return `${metric}: timeUnixNano is required`;
  if (timeMs < now - MAX_AGE_MS || timeMs > now + MAX_FUTURE_MS) return `${metric}: timeUnixNano ${new Date(timeMs).toISOString()} is more than 31 days old or in the future`;
  const count = int64(dp.count);
  const sum = typeof dp.sum === "number" ? dp.sum : 0;
  const bounds = list(dp.explicitBounds).map(Number);
  const bucketCounts = list(dp.bucketCounts).map((c) => int64(c) ?? -1);
  if (count === null || count < 0) return `${metric}: count must be a non-negative integer`;
  if (bucketCounts.length && bucketCounts.length !== bounds.length + 1) return `${metric}: bucketCounts must have one more entry than explicitBounds`;
  if (bucketCounts.some((c) => c < 0) || bounds.some((b) => !Number.isFinite(b))) return `${metric}: bucketCounts and explicitBounds must be numbers`;
  const providerRaw = (text(a, "gen_ai.provider.name") || text(a, "gen_ai.system") || text(resource, "gen_ai.provider.name")).toLowerCase();
  const startMs = nanosToMs(dp.startTimeUnixNano) ?? 0;
  return {
    metric,
    hourMs: Math.floor(timeMs / 3_600_000) * 3_600_000,
    provider: PROVIDER_IDS[providerRaw] ?? providerRaw,
    model: text(a, "gen_ai.response.model") || text(a, "gen_ai.request.model"),
    tokenType: text(a, "gen_ai.token.type"),
    operation: text(a, "gen_ai.operation.name"),
    seriesKey: seriesKey(`${context}|${metric}|${canonical(a)}`),
    startNs: String(Math.round(startMs * 1e6)),
    temporality,
    timeNs: String(Math.round(timeMs * 1e6)),
    count,
    sum: Number.isFinite(sum) ? sum : 0,
    bounds,
    bucketCounts,
  };
}

function canonical(a: Attributes): string {
  return JSON.stringify([...a.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
}

/** A UInt64 (decimal string) naming one time series: resource, scope, metric and point attributes. */
function seriesKey(s: string): string {
  return createHash("sha1").update(s).digest().readBigUInt64BE(0).toString();
}
