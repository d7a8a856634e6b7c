/**
 * The detector's public surface: createDetector() (streaming-detector.ts), its options and
 * verdict types (detector-options.ts), and whole-series helpers.
 */
import type { DetectorOptions, PointResult } from "./detector-options";
import { createDetector } from "./streaming-detector";

export { createDetector } from "./streaming-detector";
export {
  DEFAULT_DETECTOR_OPTIONS,
  resolveDetectorOptions,
  type AnomalyReason,
  type DetectorOptions,
  type PointResult,
  type SeriesDetector,
} from "./detector-options";

/** Run a detector over a whole series; one score per point. */
export function scoreSeries(timestamps: ArrayLike<number>, values: ArrayLike<number>, options?: Partial<DetectorOptions>): Float64Array {
  const d = createDetector(options);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = d.score(timestamps[i], values[i]);
  return out;
}

/** Run a detector over a series and return only the alerts (one per incident). */
export function detectAnomalies(points: { timestamp: number; value: number }[], options?: Partial<DetectorOptions>): PointResult[] {
  const d = createDetector(options);
  const alerts: PointResult[] = [];
  for (const p of points) {
    const r = d.update(p.timestamp, p.value);
    if (r.isAnomaly) alerts.push(r);
  }
  return alerts;
}
