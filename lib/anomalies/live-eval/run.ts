/**
 * Run a detector over a generated live series the way a monitor would.
 *
 *  - "closed": one update() per bucket when the bucket ends (the alert is raised at its end);
 *  - "peek": the same, plus peek() every `peekEveryMinutes` during the bucket with the spend so
 *    far and the elapsed fraction (the hour in progress), as the monitor worker runs it.
 * The history before the evaluated month is fed with update() only; alerts are collected in the
 * month only.
 */
import { createDetector, type DetectorOptions } from "../detector";
import { MINUTE_MS, type LiveSeries } from "./generate";

export type FeedMode = "closed" | "peek";

export interface MonitorConfig {
  stepMinutes: number;
  mode: FeedMode;
  direction: "up" | "down";
  peekEveryMinutes?: number;
  /** Do not peek before this share of the bucket has elapsed. */
  minPeekFraction?: number;
  options?: Partial<DetectorOptions>;
}

export interface RaisedAlert {
  /** Wall-clock time the alert would be raised (ms). */
  raisedAt: number;
  /** Start of the bucket it concerns. */
  bucket: number;
  /** 1 when raised by update() at the bucket's end, less when by peek(). */
  fraction: number;
  score: number;
}

export function runMonitor(series: LiveSeries, cfg: MonitorConfig): RaisedAlert[] {
  const step = cfg.stepMinutes;
  const every = cfg.peekEveryMinutes ?? 1;
  const minFraction = cfg.minPeekFraction ?? 0;
  const d = createDetector({ ...cfg.options, direction: cfg.direction });
  const buckets = Math.floor(series.minuteCost.length / step);
  const alerts: RaisedAlert[] = [];
  for (let b = 0; b < buckets; b++) {
    const ts = series.start + b * step * MINUTE_MS;
    const live = ts >= series.evalStart;
    let sum = 0;
    for (let m = 0; m < step; m++) {
      sum += series.minuteCost[b * step + m];
      const elapsed = m + 1;
      if (!live || cfg.mode !== "peek" || elapsed === step || elapsed % every !== 0 || elapsed / step < minFraction) continue;
      const r = d.peek(ts, sum, elapsed / step);
      if (r.isAnomaly) alerts.push({ raisedAt: ts + elapsed * MINUTE_MS, bucket: ts, fraction: elapsed / step, score: r.score });
    }
    const r = d.update(ts, sum);
    if (live && r.isAnomaly) alerts.push({ raisedAt: ts + step * MINUTE_MS, bucket: ts, fraction: 1, score: r.score });
  }
  return alerts;
}
