import "server-only";
import { chQuery } from "@/lib/clickhouse/query";
import { chDateTime } from "@/lib/clickhouse/time";
import { reportedCacheStats } from "./cache-stats-store";
import { LLM_EVENTS, SPEND_HOURLY } from "@/lib/clickhouse/tables";

/**
 * Application and semantic caches: hits and lookups the events carry (`cache: hit|miss`) and what
 * caches report through POST /api/v1/cache-stats. The $ a hit saved is an ESTIMATE: the average cost
 * of a call that went to the provider (an event not marked as a cache hit) for the same feature and
 * model in the same range, from the ledger. With no such priced call, the saving is unknown (null),
 * never $0. A report without a model falls back to the feature's average over its models, one
 * without a feature to the model's average over features.
 */
export type AppCacheRow = {
  cache: string;
  kind: string;
  feature: string;
  model: string;
  hits: number;
  lookups: number;
  saved_pico: bigint | null;
  /** pico-dollars one miss cost on average, the basis of saved_pico */
  miss_cost_pico: bigint | null;
  latency_ms_p50: number | null;
  latency_ms_p95: number | null;
  bytes_stored: number | null;
};

/** The name under which cache hits carried by events are shown (they do not say which cache). */
export const EVENTS_CACHE = "(from events)";

type MissCost = { cost: bigint; n: bigint };

async function missCosts(orgId: string, from: Date, to: Date) {
  // Signed sums over raw rows are right whether or not re-cost rows have merged yet.
  const rows = await chQuery<{ feature: string; model: string; cost: string; n: string }>(
    `SELECT feature, model, sum(toInt128(cost_pico) * sign) AS cost, sum(toInt64(sign)) AS n
     FROM ${LLM_EVENTS}
     WHERE org_id = {org:String} AND ts >= {from:DateTime64(3)} AND ts < {to:DateTime64(3)} AND app_cache != 'hit' AND priced = 1
     GROUP BY feature, model
     LIMIT 100000`,
    { tag: "caches.miss-cost", params: { org: orgId, from: chDateTime(from), to: chDateTime(to) } },
  );
  const exact = new Map<string, MissCost>();
  const byFeature = new Map<string, MissCost>();
  const byModel = new Map<string, MissCost>();
  const add = (m: Map<string, MissCost>, k: string, c: bigint, n: bigint) => {
    const prev = m.get(k) ?? { cost: 0n, n: 0n };
    m.set(k, { cost: prev.cost + c, n: prev.n + n });
  };
  for (const r of rows) {
    const c = BigInt(r.cost);
    const n = BigInt(r.n);
    add(exact, `${r.feature}\u0000${r.model}`, c, n);
    add(byFeature, r.feature, c, n);
    add(byModel, r.model, c, n);
  }
  const avg = (m: MissCost | undefined) => (m && m.n > 0n ? (m.cost + m.n / 2n) / m.n : null);
  return (feature: string, model: string): bigint | null => {
    if (feature && model) return avg(exact.get(`${feature}\u0000${model}`));
    if (feature) return avg(byFeature.get(feature));
    if (model) return avg(byModel.get(model));
    return null;
  };
}

async function eventCacheCounts(orgId: string, from: Date, to: Date) {
  return chQuery<{ feature: string; model: string; hits: string; lookups: string }>(
    `SELECT feature, model, sum(app_cache_hits) AS hits, sum(app_cache_lookups) AS lookups
     FROM ${SPEND_HOURLY}
     WHERE org_id = {org:String} AND hour >= toDateTime({from:UInt32}, 'UTC') AND hour < toDateTime({to:UInt32}, 'UTC')
     GROUP BY feature, model
     HAVING lookups > 0
     LIMIT 100000`,
    { tag: "caches.app-events", params: { org: orgId, from: Math.floor(from.getTime() / 1000), to: Math.ceil(to.getTime() / 1000) } },
  );
}

export async function appCacheRows(orgId: string, from: Date, to: Date): Promise<AppCacheRow[]> {
  const [missCost, events, reported] = await Promise.all([missCosts(orgId, from, to), eventCacheCounts(orgId, from, to), reportedCacheStats(orgId, from, to)]);
  const saved = (hits: number, feature: string, model: string) => {
    const per = missCost(feature, model);
    return { miss_cost_pico: per, saved_pico: per === null ? null : per * BigInt(hits) };
  };
  const fromEvents: AppCacheRow[] = events.map((e) => ({
    cache: EVENTS_CACHE,
    kind: "events",
    feature: e.feature,
    model: e.model,
    hits: Number(e.hits),
    lookups: Number(e.lookups),
    ...saved(Number(e.hits), e.feature, e.model),
    latency_ms_p50: null,
    latency_ms_p95: null,
    bytes_stored: null,
  }));
  const fromReports: AppCacheRow[] = reported.map((r) => ({
    cache: r.cache,
    kind: r.kind,
    feature: r.feature,
    model: r.model,
    hits: r.hits,
    lookups: r.hits + r.misses,
    ...saved(r.hits, r.feature, r.model),
    latency_ms_p50: r.latency_ms_p50,
    latency_ms_p95: r.latency_ms_p95,
    bytes_stored: r.bytes_stored,
  }));
  return [...fromEvents, ...fromReports];
}
