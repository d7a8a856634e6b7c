import "server-only";
import { chInsert, chQuery } from "@/lib/clickhouse/query";
import { chDateTime } from "@/lib/clickhouse/time";
import type { CacheStat } from "./cache-stats-schema";
import { CACHE_STATS } from "@/lib/clickhouse/tables";

/** Owner of the cache_stats table (migration 31): what caches report about themselves, per window. */

function chTime(d: Date): string {
  // DateTime (seconds) column: sub-second precision would make two reports of one window differ.
  return chDateTime(d).slice(0, 19);
}

/**
 * Stores reports; a window reported again (same cache, feature, model, start and end) replaces the
 * earlier one, so retries and corrections never count twice. received_at orders the versions.
 */
export async function storeCacheStats(orgId: string, stats: CacheStat[], receivedAt = new Date()): Promise<void> {
  const received = receivedVersion(receivedAt);
  await chInsert(
    CACHE_STATS,
    stats.map((s) => ({
      org_id: orgId,
      cache: s.cache,
      kind: s.kind,
      feature: s.feature,
      model: s.model,
      window_start: chTime(s.windowStart),
      window_end: chTime(s.windowEnd),
      hits: s.hits,
      misses: s.misses,
      latency_ms_p50: s.latencyMsP50,
      latency_ms_p95: s.latencyMsP95,
      bytes_stored: s.bytesStored,
      received_at: received,
    })),
    { tag: "caches.stats.insert", ledgerUnchanged: true },
  );
}

let lastMicros = 0;
/** Microseconds, strictly increasing within this process: two reports in one millisecond keep their order. */
function receivedVersion(at: Date): string {
  lastMicros = Math.max(at.getTime() * 1000, lastMicros + 1);
  const ms = Math.floor(lastMicros / 1000);
  return chDateTime(new Date(ms)) + String(lastMicros % 1000).padStart(3, "0");
}

export type ReportedCacheRow = {
  cache: string;
  kind: string;
  feature: string;
  model: string;
  hits: number;
  misses: number;
  /** hits-weighted mean of the windows' p50 / p95 (an approximation: quantiles do not add) */
  latency_ms_p50: number | null;
  latency_ms_p95: number | null;
  /** the latest window's bytes stored (a level, not a flow) */
  bytes_stored: number | null;
  windows: number;
};

/** Reported windows that start in [from, to), summed per cache, feature and model. */
export async function reportedCacheStats(orgId: string, from: Date, to: Date): Promise<ReportedCacheRow[]> {
  const rows = await chQuery<Record<string, string | number | null>>(
    `SELECT cache, any(kind) AS kind, feature, model,
       sum(hits) AS total_hits, sum(misses) AS total_misses, count() AS windows,
       if(sumIf(s.hits + s.misses, latency_ms_p50 IS NOT NULL) > 0,
          sumIf(latency_ms_p50 * (s.hits + s.misses), latency_ms_p50 IS NOT NULL) / sumIf(s.hits + s.misses, latency_ms_p50 IS NOT NULL), NULL) AS p50,
       if(sumIf(s.hits + s.misses, latency_ms_p95 IS NOT NULL) > 0,
          sumIf(latency_ms_p95 * (s.hits + s.misses), latency_ms_p95 IS NOT NULL) / sumIf(s.hits + s.misses, latency_ms_p95 IS NOT NULL), NULL) AS p95,
       argMaxIf(bytes_stored, window_end, bytes_stored IS NOT NULL) AS bytes
     FROM ${CACHE_STATS} AS s FINAL
     WHERE org_id = {org:String} AND window_start >= {from:DateTime} AND window_start < {to:DateTime}
     GROUP BY cache, feature, model
     ORDER BY cache, feature, model
     LIMIT 10000`,
    { tag: "caches.stats.read", params: { org: orgId, from: chTime(from), to: chTime(to) } },
  );
  const num = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);
  return rows.map((r) => ({
    cache: String(r.cache),
    kind: String(r.kind),
    feature: String(r.feature),
    model: String(r.model),
    hits: Number(r.total_hits),
    misses: Number(r.total_misses),
    latency_ms_p50: num(r.p50),
    latency_ms_p95: num(r.p95),
    bytes_stored: r.bytes === null ? null : Number(r.bytes),
    windows: Number(r.windows),
  }));
}

/** Bytes stored per cache over time (latest per day), for the storage chart. */
export async function cacheStorageSeries(orgId: string, from: Date, to: Date): Promise<{ day: string; cache: string; bytes_stored: number }[]> {
  const rows = await chQuery<{ day: string; cache: string; bytes: string }>(
    `SELECT toDate(window_start) AS day, cache, argMax(bytes_stored, window_end) AS bytes
     FROM ${CACHE_STATS} FINAL
     WHERE org_id = {org:String} AND window_start >= {from:DateTime} AND window_start < {to:DateTime} AND bytes_stored IS NOT NULL
     GROUP BY day, cache ORDER BY day, cache LIMIT 20000`,
    { tag: "caches.stats.storage", params: { org: orgId, from: chTime(from), to: chTime(to) } },
  );
  return rows.map((r) => ({ day: String(r.day), cache: String(r.cache), bytes_stored: Number(r.bytes) }));
}
