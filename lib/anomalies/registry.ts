/**
 * Many series, one detector each, keyed by a series id such as
 * seriesKey({ metric: "cost", dimension: "feature", value: "chat", step: "5m" }).
 * Every series gets the same options: nothing is tuned per series.
 */
import { createDetector, resolveDetectorOptions, type DetectorOptions, type PointResult, type SeriesDetector } from "./detector";

export interface SeriesKeyParts {
  /** What is measured: "cost", "tokens", "requests"... */
  metric: string;
  /** Breakdown dimension ("feature", "team", "model", "provider", "user", "api_key") or "org" for the total. */
  dimension: string;
  value: string;
  /** Bucket size label, e.g. "5m" or "1h"; different steps are different series. */
  step: string;
}

/** A stable id; "|" in parts is escaped so distinct parts never collide. */
export function seriesKey(p: SeriesKeyParts): string {
  return [p.metric, p.dimension, p.value, p.step].map((s) => s.replace(/[\\|]/g, (c) => `\\${c}`)).join("|");
}

export interface DetectorRegistry {
  /** Feed a point to the series' detector (created on first use). */
  update(seriesId: string, timestamp: number, value: number): PointResult;
  /** Score only: the hot path when most points are not anomalous. */
  score(seriesId: string, timestamp: number, value: number): number;
  /** The bucket in progress (see SeriesDetector.peek); a series never updated yet has no verdict. */
  peek(seriesId: string, timestamp: number, partialValue: number, fraction: number): PointResult;
  has(seriesId: string): boolean;
  delete(seriesId: string): boolean;
  readonly size: number;
  ids(): IterableIterator<string>;
}

export function createDetectorRegistry(options: Partial<DetectorOptions> = {}): DetectorRegistry {
  // Resolved once and shared by every series' detector.
  const shared = resolveDetectorOptions(options);
  const detectors = new Map<string, SeriesDetector>();
  const get = (id: string): SeriesDetector => {
    let d = detectors.get(id);
    if (!d) {
      d = createDetector(shared);
      detectors.set(id, d);
    }
    return d;
  };
  return {
    update: (id, ts, v) => get(id).update(ts, v),
    score: (id, ts, v) => get(id).score(ts, v),
    peek: (id, ts, v, f) => get(id).peek(ts, v, f),
    has: (id) => detectors.has(id),
    delete: (id) => detectors.delete(id),
    get size() {
      return detectors.size;
    },
    ids: () => detectors.keys(),
  };
}
