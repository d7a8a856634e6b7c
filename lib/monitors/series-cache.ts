/**
 * What a monitor has learned about its series, kept between passes so a pass reads only the hours
 * since the last one. It is a cache of a pure function of the ledger: dropped when the monitor's
 * configuration changes, when the clock goes backwards, and once a day (so late events and backfills
 * into settled hours are picked up); a restart rebuilds it from the last 28 days. No alert state
 * lives here: the detector's incident memory only decides whether a point is "suppressed" (the same
 * incident) or new, and a condition holds in both cases.
 */
import { createDetectorRegistry, type DetectorRegistry } from "@/lib/anomalies/registry";
import type { PointResult } from "@/lib/anomalies/detector";
import type { Sensitivity } from "./types";

export const HISTORY_HOURS = 28 * 24;
/** Hourly spend and requests kept per series: 8 days, for the 7-day minimum-spend average and cost per request. */
export const RING_HOURS = 8 * 24;
/** Points of the chart sent with an alert (with the expected band). */
export const BAND_HOURS = 72;
/** An hour is fed to the detector (learned from) once this long after it ends: late events settle first. */
export const SETTLE_MS = 5 * 60_000;
export const REBUILD_AFTER_MS = 24 * 3_600_000;

/** Score at which a point alerts: the detector's own 0.6 at "medium". */
export const THRESHOLDS: Record<Sensitivity, number> = { low: 0.7, medium: 0.6, high: 0.5 };

export class SeriesState {
  /** first hour index fed */
  firstHour = -1;
  cost = new Float32Array(RING_HOURS);
  priced = new Float32Array(RING_HOURS);
  expected = new Float32Array(BAND_HOURS).fill(NaN);
  lower = new Float32Array(BAND_HOURS).fill(NaN);
  upper = new Float32Array(BAND_HOURS).fill(NaN);
  /** the verdict of the last hour fed */
  last: PointResult | null = null;
  lastHour = -1;

  costAt(h: number): number {
    return h <= this.lastHour && h > this.lastHour - RING_HOURS && h >= this.firstHour ? this.cost[h % RING_HOURS] : 0;
  }
  pricedAt(h: number): number {
    return h <= this.lastHour && h > this.lastHour - RING_HOURS && h >= this.firstHour ? this.priced[h % RING_HOURS] : 0;
  }
  bandAt(h: number): { expected: number; lower: number; upper: number } | null {
    if (h > this.lastHour || h <= this.lastHour - BAND_HOURS || h < this.firstHour) return null;
    const i = h % BAND_HOURS;
    return Number.isNaN(this.expected[i]) ? null : { expected: this.expected[i], lower: this.lower[i], upper: this.upper[i] };
  }
}

export type MonitorCache = {
  /** the configuration it was built for */
  version: string;
  builtAt: number;
  /** every hour below this is fed */
  fedThrough: number;
  registry: DetectorRegistry;
  series: Map<string, SeriesState>;
};

export function newMonitorCache(version: string, sensitivity: Sensitivity, now: number, fedThrough: number): MonitorCache {
  return {
    version,
    builtAt: now,
    fedThrough,
    registry: createDetectorRegistry({ direction: "up", threshold: THRESHOLDS[sensitivity] }),
    series: new Map(),
  };
}

/** Feeds hour `h` of a series to its detector and keeps the numbers the evaluator reads back. */
export function feedHour(cache: MonitorCache, key: string, h: number, costUsd: number, pricedRequests: number): void {
  let s = cache.series.get(key);
  if (!s) {
    s = new SeriesState();
    s.firstHour = h;
    cache.series.set(key, s);
  }
  const r = cache.registry.update(key, h * 3_600_000, costUsd);
  s.cost[h % RING_HOURS] = costUsd;
  s.priced[h % RING_HOURS] = pricedRequests;
  const b = h % BAND_HOURS;
  s.expected[b] = Number.isFinite(r.expected) ? r.expected : NaN;
  s.lower[b] = r.lower;
  s.upper[b] = r.upper;
  s.last = r;
  s.lastHour = h;
}

const caches = new Map<string, MonitorCache>();

export function monitorCache(monitorId: string): MonitorCache | undefined {
  return caches.get(monitorId);
}
export function setMonitorCache(monitorId: string, cache: MonitorCache): void {
  caches.set(monitorId, cache);
}
export function dropMonitorCache(monitorId: string): void {
  caches.delete(monitorId);
}
