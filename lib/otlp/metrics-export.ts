import "server-only";
import type { ExportResult } from "./codec";
import { collectMetricPoints } from "./metric-points";
import { chTime, insertMetricPoints, CUMULATIVE } from "./metric-store";

/** Stores the GenAI histogram points of one request; other metrics are ignored. Metrics never add to spend (spans do). */
export async function exportMetrics(orgId: string, request: Record<string, unknown>): Promise<ExportResult> {
  const batch = collectMetricPoints(request);
  await insertMetricPoints(
    batch.points.map((p) => ({
      org_id: orgId,
      metric: p.metric,
      hour: chTime(new Date(p.hourMs)),
      provider: p.provider,
      model: p.model,
      token_type: p.tokenType,
      operation: p.operation,
      series_key: p.seriesKey,
      start_ns: p.startNs,
      temporality: p.temporality,
      // A cumulative series keeps its last point per hour (key 0, replaced by later ones); delta points are each kept once.
      point_key: p.temporality === CUMULATIVE ? "0" : p.timeNs,
      time_ns: p.timeNs,
      count: p.count,
      sum: p.sum,
      bounds: p.bounds,
      bucket_counts: p.bucketCounts,
    })),
  );
  const more = batch.rejectedCount > batch.rejected.length ? ` (and ${batch.rejectedCount - batch.rejected.length} more)` : "";
  return {
    rejected: batch.rejectedCount,
    errorMessage: batch.rejectedCount ? `${batch.rejectedCount} GenAI data point(s) rejected${more}: ${batch.rejected.join(" | ")}` : "",
  };
}
