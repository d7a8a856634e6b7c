import "server-only";
import { yieldEvery } from "@/lib/scheduling/yield-slices";
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
  // Settled hours in chunks: a cold start reads 28 days, which at 10,000 series is millions of rows.
  while (cache.fedThrough < clock.settled) {
    const to = Math.min(clock.settled, cache.fedThrough + FEED_CHUNK_HOURS);
    await feedRows(cache, byValue(await readHourlySeries(m.orgId, m.dimension, m.scope, cache.fedThrough, to)), to);
  }
  const live: LiveHours = byValue(await readHourlySeries(m.orgId, m.dimension, m.scope, clock.settled, clock.current + 1));
  return { cache, live };
}

const FEED_CHUNK_HOURS = 48;

function byValue(rows: HourlyPoint[]): Map<string, Map<number, HourlyPoint>> {
  const out = new Map<string, Map<number, HourlyPoint>>();
  for (const r of rows) {
    let byHour = out.get(r.value);
    if (!byHour) out.set(r.value, (byHour = new Map()));
    byHour.set(r.hour, r);
  }
  return out;
}

/** Feeds hours [cache.fedThrough, to) of every series; an hour without rows is $0 once a series has started. */
async function feedRows(cache: MonitorCache, settled: Map<string, Map<number, HourlyPoint>>, to: number): Promise<void> {
  // A cold start feeds 28 days of thousands of series: in slices, so the server's requests get through.
  const pause = yieldEvery();
  for (const key of new Set([...cache.series.keys(), ...settled.keys()])) {
    await pause();
    const points = settled.get(key);
    // A series is followed from its first hour with spend.
    const start = cache.series.has(key) ? cache.fedThrough : Math.min(...points!.keys());
    for (let h = start; h < to; h++) {
      const p = points?.get(h);
      feedHour(cache, key, h, p?.costUsd ?? 0, p?.pricedRequests ?? 0);
    }
  }
  cache.fedThrough = to;
}
