import "server-only";
import { chQuery } from "@/lib/clickhouse/query";
import { chDateTime } from "@/lib/clickhouse/time";
import type { FinderContext } from "@/lib/recommendation-contract/candidate";
import { LLM_EVENTS } from "@/lib/clickhouse/tables";

/**
 * What the API-traffic finders look at, per provider, model and feature over the finder window, in one
 * scan of the raw events (the rollup has no output-size distribution and no tags). Sums use `sign`, so
 * re-costed events count once; the output quantiles read only `sign = 1` rows, where a re-costed event
 * appears once per version with the same tokens: its weight doubles, which moves a quantile by far less
 * than the finders' thresholds.
 */
export type TrafficRow = {
  provider: string;
  model: string;
  feature: string;
  team: string;
  requests: number;
  errors: number;
  costPico: bigint;
  errorCostPico: bigint;
  unpriced: number;
  inputUncached: number;
  cacheRead: number;
  cacheWrite: number;
  output: number;
  reasoning: number;
  outP50: number;
  outP95: number;
  outP99: number;
  outMax: number;
  /** mean input tokens per request (all input buckets) in the first and second half of the window */
  inputPerRequestEarly: number;
  inputPerRequestLate: number;
  requestsEarly: number;
  requestsLate: number;
  /** events carrying tags.request_hash, and how many distinct hashes among them */
  hashed: number;
  distinctHashes: number;
  appCacheHits: number;
  appCacheLookups: number;
};

type Raw = Record<string, string | number>;

const cache = new WeakMap<FinderContext, Promise<TrafficRow[]>>();

/** One scan per recomputation: every finder given the same context shares it. */
export function trafficProfile(ctx: FinderContext): Promise<TrafficRow[]> {
  let p = cache.get(ctx);
  if (!p) {
    p = load(ctx);
    cache.set(ctx, p);
  }
  return p;
}

async function load(ctx: FinderContext): Promise<TrafficRow[]> {
  const mid = new Date((ctx.from.getTime() + ctx.to.getTime()) / 2);
  const rows = await chQuery<Raw>(
    `SELECT provider, model, feature,
       topKIf(1)(team, team != '')[1] AS team_top,
       sum(sign) AS requests,
       sumIf(sign, status = 'error') AS errors,
       sum(toInt128(cost_pico) * sign) AS cost,
       sumIf(toInt128(cost_pico) * sign, status = 'error') AS error_cost,
       sumIf(sign, priced = 0) AS unpriced,
       sum(toInt64(input_uncached_tokens) * sign) AS input_uncached,
       sum(toInt64(cache_read_tokens) * sign) AS cache_read,
       sum(toInt64(cache_write_5m_tokens + cache_write_1h_tokens) * sign) AS cache_write,
       sum(toInt64(output_tokens) * sign) AS output,
       sum(toInt64(reasoning_tokens) * sign) AS reasoning,
       quantilesExactIf(0.5, 0.95, 0.99)(output_tokens, sign = 1 AND app_cache != 'hit') AS out_q,
       maxIf(output_tokens, sign = 1) AS out_max,
       sumIf(toInt64(input_uncached_tokens + cache_read_tokens + cache_write_5m_tokens + cache_write_1h_tokens) * sign, ts < {mid:DateTime64(3)} AND app_cache != 'hit') AS in_early,
       sumIf(sign, ts < {mid:DateTime64(3)} AND app_cache != 'hit') AS req_early,
       sumIf(toInt64(input_uncached_tokens + cache_read_tokens + cache_write_5m_tokens + cache_write_1h_tokens) * sign, ts >= {mid:DateTime64(3)} AND app_cache != 'hit') AS in_late,
       sumIf(sign, ts >= {mid:DateTime64(3)} AND app_cache != 'hit') AS req_late,
       countIf(sign = 1 AND tags['request_hash'] != '') AS hashed_rows,
       uniqExactIf(tags['request_hash'], sign = 1 AND tags['request_hash'] != '') AS distinct_hashes,
       sumIf(sign, app_cache = 'hit') AS app_hits,
       sumIf(sign, app_cache != '') AS app_lookups
     FROM ${LLM_EVENTS}
     WHERE org_id = {org:String} AND ts >= {from:DateTime64(3)} AND ts < {to:DateTime64(3)}
     GROUP BY provider, model, feature
     HAVING requests > 0
     LIMIT 100000`,
    {
      tag: "recommendations.traffic-profile",
      params: { org: ctx.orgId, from: chDateTime(ctx.from), to: chDateTime(ctx.to), mid: chDateTime(mid) },
      timeoutSeconds: 120,
    },
  );
  return rows.map(toRow);
}

function toRow(r: Raw): TrafficRow {
  const n = (k: string) => Number(r[k] ?? 0);
  const q = (r.out_q as unknown as (string | number)[]) ?? [];
  const reqEarly = n("req_early");
  const reqLate = n("req_late");
  return {
    provider: String(r.provider),
    model: String(r.model),
    feature: String(r.feature),
    team: String(r.team_top ?? ""),
    requests: n("requests"),
    errors: n("errors"),
    costPico: BigInt(r.cost ?? 0),
    errorCostPico: BigInt(r.error_cost ?? 0),
    unpriced: n("unpriced"),
    inputUncached: n("input_uncached"),
    cacheRead: n("cache_read"),
    cacheWrite: n("cache_write"),
    output: n("output"),
    reasoning: n("reasoning"),
    outP50: Number(q[0] ?? 0),
    outP95: Number(q[1] ?? 0),
    outP99: Number(q[2] ?? 0),
    outMax: n("out_max"),
    inputPerRequestEarly: reqEarly > 0 ? n("in_early") / reqEarly : 0,
    inputPerRequestLate: reqLate > 0 ? n("in_late") / reqLate : 0,
    requestsEarly: reqEarly,
    requestsLate: reqLate,
    hashed: n("hashed_rows"),
    distinctHashes: n("distinct_hashes"),
    appCacheHits: n("app_hits"),
    appCacheLookups: n("app_lookups"),
  };
}

/** Input tokens of every bucket. */
export function totalInput(r: TrafficRow): number {
  return r.inputUncached + r.cacheRead + r.cacheWrite;
}
