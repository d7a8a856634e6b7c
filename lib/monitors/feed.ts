import "server-only";
import { HOUR_MS, readHourlySeries, type HourlyPoint } from "./ledger-reads";
import {
  feedHour,
  HISTORY_HOURS,
  monitorCache,
  newMonitorCache,
  REBUILD_AFTER_MS,
  SETTLE_MS,
  setMonitorCache,
  type MonitorCache,
} from "./series-cache";
import type { MonitorConfig } from "./types";

/** The clock of one pass, in hour indexes (ms / HOUR_MS). */
export type PassClock = {
  now: number;
  /** the hour in progress */
  current: number;
  /** hours below this are settled and fed to the detectors */
  settled: number;
  /** elapsed share of the current hour, (0, 1] */
  fraction: number;
};

export function passClock(now: Date): PassClock {
  const t = now.getTime();
  const current = Math.floor(t / HOUR_MS);
  return { now: t, current, settled: Math.floor((t - SETTLE_MS) / HOUR_MS), fraction: Math.max(1 / 3600, (t - current * HOUR_MS) / HOUR_MS) };
}

/** Spend of the unsettled hours (the one just ended, for a few minutes, and the one in progress) per series. */
export type LiveHours = Map<string, Map<number, HourlyPoint>>;

/**
 * Brings the monitor's detectors up to the last settled hour (reading only the hours since the last
 * pass, or 28 days on a cold start) and returns the spend of the hours not settled yet.
 */
export async function feedMonitor(m: MonitorConfig, clock: PassClock): Promise<{ cache: MonitorCache; live: LiveHours }> {
  const version = `${m.updatedAt.getTime()}:${m.sensitivity}:${m.dimension}:${JSON.stringify(m.scope)}`;
  let cache = monitorCache(m.id);
  if (!cache || cache.version !== version || clock.now < cache.builtAt || clock.now - cache.builtAt > REBUILD_AFTER_MS || clock.settled < cache.fedThrough) {
    cache = newMonitorCache(version, m.sensitivity, clock.now, clock.settled - HISTORY_HOURS);
    setMonitorCache(m.id, cache);
  }
  const rows = await readHourlySeries(m.orgId, m.dimension, m.scope, cache.fedThrough, clock.current + 1);
  const settled = new Map<string, Map<number, HourlyPoint>>();
  const live: LiveHours = new Map();
  for (const r of rows) {
    const into = r.hour < clock.settled ? settled : live;
    let byHour = into.get(r.value);
    if (!byHour) into.set(r.value, (byHour = new Map()));
    byHour.set(r.hour, r);
  }
  if (clock.settled > cache.fedThrough) {
    const keys = new Set([...cache.series.keys(), ...settled.keys()]);
    for (const key of keys) {
      const points = settled.get(key);
      // A series is followed from its first hour with spend; after that an hour without rows is $0.
      const start = cache.series.has(key) ? cache.fedThrough : Math.min(...points!.keys());
      for (let h = start; h < clock.settled; h++) {
        const p = points?.get(h);
        feedHour(cache, key, h, p?.costUsd ?? 0, p?.pricedRequests ?? 0);
      }
    }
    cache.fedThrough = clock.settled;
  }
  return { cache, live };
}
