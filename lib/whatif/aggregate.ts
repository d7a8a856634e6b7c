import "server-only";
/**
 * The two reads of a replay. Ten million events never reach JS: the engine sums the window's events
 * (with sign, so every event counts once at its latest version) by everything pricing depends on,
 * and the replay prices each group once:
 * - provider, model, feature;
 * - the UTC day (the hour for self-hosted deployments, whose measured rate changes hourly), split
 *   further at the instants and times of day where a price changes (price-boundaries.ts);
 * - the stored `priced` flag and which token buckets are non-zero (a bucket without a price leaves a
 *   request unpriced, so requests are grouped by the buckets they use);
 * - the request's tier class (how many tier starts its prompt exceeds, after a trim when trimming);
 * - for prompt caching, whether the request is large enough to be cached.
 */
import { chQuery } from "@/lib/clickhouse/query";
import { DIMENSIONS, type Dimension } from "@/lib/domain/event";
import { LLM_EVENTS, SPEND_HOURLY } from "@/lib/clickhouse/tables";

export type ReplayWindow = { orgId: string; fromMs: number; toMs: number; scope: Partial<Record<Dimension, string>> };

function scopeWhere(w: ReplayWindow, time: "ts" | "hour" = "ts") {
  const params: Record<string, unknown> = { org: w.orgId, fromMs: w.fromMs, toMs: w.toMs };
  const clauses = [
    "org_id = {org:String}",
    `${time} >= fromUnixTimestamp64Milli({fromMs:Int64}, 'UTC')`,
    `${time} < fromUnixTimestamp64Milli({toMs:Int64}, 'UTC')`,
  ];
  for (const dim of DIMENSIONS) {
    const value = w.scope[dim];
    if (value === undefined) continue;
    params[`s_${dim}`] = value;
    clauses.push(`${dim} = {s_${dim}:String}`);
  }
  return { where: clauses.join(" AND "), params };
}

/**
 * The (provider, model) pairs of the scope's events in the window: what the grouping must price. Read
 * from the hourly rollup (the window is whole hours, and the rollup holds the same signed sums), a
 * fraction of the raw rows.
 */
export async function pairsInScope(w: ReplayWindow): Promise<{ provider: string; model: string }[]> {
  const { where, params } = scopeWhere(w, "hour");
  return chQuery<{ provider: string; model: string }>(
    `SELECT provider, model FROM ${SPEND_HOURLY} WHERE ${where} GROUP BY provider, model HAVING sum(requests) != 0`,
    { tag: "whatif.pairs", params },
  );
}

export type GroupingParams = {
  /** providers priced per hour (self-hosted deployments) */
  hourlyProviders: string[];
  instants: number[];
  dayOffsets: number[];
  tierStarts: number[];
  /** the tier class is taken on the prompt scaled by keepPpm / 1e6 (trim_input); 1e6 otherwise */
  keepPpm: number;
  /** false when the change needs only the stored cost (app_cache): the token columns are not read */
  tokens: boolean;
  /** output cap per request (max_tokens); 0 = none */
  cap: number;
  /** prompt_cache: minimum cacheable prompt per provider; null = eligibility not needed */
  minCacheable: { providers: string[]; tokens: number[]; fallback: number } | null;
};

/** One group of events that every scenario prices alike. Counts and sums are decimal strings. */
export type EventGroup = {
  provider: string;
  model: string;
  feature: string;
  /** start of the group's day or hour, epoch ms */
  bucket_ms: string;
  /** the earliest event of the group: prices are looked up at this instant */
  at_ms: string;
  /** which stretch between price-change instants, and between times of day, the group lies in */
  seg: number;
  tod: number;
  priced: number;
  tier: number;
  eligible: number;
  requests: string;
  input_uncached: string;
  cache_read: string;
  cache_write_5m: string;
  cache_write_1h: string;
  output: string;
  capped_output: string;
  cost_pico: string;
};

const PROMPT = "(input_uncached_tokens + cache_read_tokens + cache_write_5m_tokens + cache_write_1h_tokens)";
const signedSum = (col: string) => `toString(sum(toInt64(sign) * toInt64(${col})))`;

/**
 * How many of `bounds` the expression passes, as a sum of comparisons with bound parameters: with the
 * few bounds a window has, this costs a fraction of an arrayCount lambda over ten million rows.
 */
function countAbove(expr: string, op: ">" | ">=", prefix: string, type: string, bounds: (number | bigint)[], params: Record<string, unknown>): string {
  if (bounds.length === 0) return "toUInt8(0)";
  return `(${bounds
    .map((b, i) => {
      params[`${prefix}${i}`] = typeof b === "bigint" ? b.toString() : b;
      return `(${expr} ${op} {${prefix}${i}:${type}})`;
    })
    .join(" + ")})`;
}

export async function eventGroups(w: ReplayWindow, g: GroupingParams): Promise<EventGroup[]> {
  const { where, params } = scopeWhere(w);
  const eligible = g.minCacheable
    ? `toUInt8(input_uncached_tokens > 0 AND ${PROMPT} >= transform(provider, {mcP:Array(String)}, {mcT:Array(UInt64)}, toUInt64({mcF:UInt64})))`
    : "toUInt8(0)";
  const signed = (col: string) => (g.tokens ? signedSum(col) : "'0'");
  const mask = g.tokens
    ? `toUInt8((input_uncached_tokens > 0) + 2 * (cache_read_tokens > 0) + 4 * (cache_write_5m_tokens > 0)
        + 8 * (cache_write_1h_tokens > 0) + 16 * (output_tokens > 0))`
    : "toUInt8(0)";
  const sql = `
    SELECT provider, model, feature,
      toInt64(toUnixTimestamp(if(provider IN {hourly:Array(String)}, toStartOfHour(ts), toStartOfDay(ts)))) * 1000 AS bucket_ms,
      ${countAbove("toUnixTimestamp64Milli(ts)", ">=", "i", "Int64", g.instants, params)} AS seg,
      ${countAbove("toUnixTimestamp64Milli(ts) % 86400000", ">=", "d", "Int64", g.dayOffsets, params)} AS tod,
      priced,
      ${mask} AS mask,
      ${countAbove(`toUInt128(${PROMPT}) * {keepPpm:UInt64}`, ">", "t", "UInt128", g.tierStarts.map((t) => BigInt(t) * 1_000_000n), params)} AS tier,
      ${eligible} AS eligible,
      toString(min(toUnixTimestamp64Milli(ts))) AS at_ms,
      toString(sum(toInt64(sign))) AS requests,
      ${signed("input_uncached_tokens")} AS input_uncached,
      ${signed("cache_read_tokens")} AS cache_read,
      ${signed("cache_write_5m_tokens")} AS cache_write_5m,
      ${signed("cache_write_1h_tokens")} AS cache_write_1h,
      ${signed("output_tokens")} AS output,
      ${g.cap > 0 ? "toString(sum(toInt64(sign) * toInt64(least(output_tokens, {cap:UInt64}))))" : "'0'"} AS capped_output,
      toString(sum(toInt128(cost_pico) * sign)) AS cost_pico
    FROM ${LLM_EVENTS}
    WHERE ${where}
    GROUP BY provider, model, feature, bucket_ms, seg, tod, priced, mask, tier, eligible
    HAVING sum(toInt64(sign)) != 0`;
  const rows = await chQuery<EventGroup & { bucket_ms: string | number }>(sql, {
    tag: "whatif.groups",
    params: {
      ...params,
      hourly: g.hourlyProviders,
      keepPpm: g.keepPpm,
      cap: g.cap > 0 ? g.cap : Number.MAX_SAFE_INTEGER,
      mcP: g.minCacheable?.providers ?? [],
      mcT: g.minCacheable?.tokens ?? [],
      mcF: g.minCacheable?.fallback ?? 0,
    },
  });
  return rows.map((r) => ({ ...r, bucket_ms: String(r.bucket_ms), priced: Number(r.priced), seg: Number(r.seg), tod: Number(r.tod), tier: Number(r.tier), eligible: Number(r.eligible) }));
}
