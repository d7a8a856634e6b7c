import "server-only";
/**
 * Owner of the serving_samples table (schema: lib/clickhouse/migrations/selfhosted.ts): one row per
 * serving engine instance per scrape, counters as increases since the previous scrape.
 */
import { chInsert, chQuery } from "@/lib/clickhouse/query";
import { chTime } from "./ch-time";
import type { ServingSample, SourceRows } from "./types";
import { SERVING_SAMPLES } from "@/lib/clickhouse/tables";

export { SERVING_SAMPLES };

export const SERVING_SAMPLES_FINAL = `${SERVING_SAMPLES} FINAL`;

const int = (v: number) => Math.max(0, Math.round(v));

/** Rows of any number of sources, in one INSERT. */
export async function insertServingSamples(groups: SourceRows<ServingSample>[]): Promise<void> {
  await chInsert(
    SERVING_SAMPLES,
    groups.flatMap(({ orgId, sourceId, rows }) => rows.map((s) => ({
      org_id: orgId,
      source_id: sourceId,
      series_key: s.seriesKey,
      prev_ts: chTime(s.prevTsMs),
      ts: chTime(s.tsMs),
      covered_ms: Math.round(s.coveredMs),
      engine: s.engine,
      model: s.model,
      prompt_tokens: int(s.promptTokens),
      generation_tokens: int(s.generationTokens),
      requests: int(s.requests),
      preemptions: int(s.preemptions),
      prefix_queries: int(s.prefixQueries),
      prefix_hits: int(s.prefixHits),
      prefill_seconds: s.prefillSeconds,
      decode_seconds: s.decodeSeconds,
      running: s.running,
      waiting: s.waiting,
      kv_cache: s.kvCache,
    }))),
    { tag: "selfhosted.serving.insert", ledgerUnchanged: true },
  );
}

export type ServingHourRow = {
  hour: string;
  prompt_tokens: string | number;
  generation_tokens: string | number;
  requests: string | number;
  preemptions: string | number;
  prefill_seconds: number;
  decode_seconds: number;
  covered_ms: string | number;
  running: number | null;
  waiting: number | null;
  kv_cache: number | null;
};

/**
 * Serving figures per hour of the given endpoints: counter increases summed; gauges averaged per
 * engine instance, then running and waiting added across instances (the queue of the deployment) and
 * KV-cache use averaged.
 */
export async function servingHours(orgId: string, sourceIds: string[], fromMs: number, toMs: number): Promise<ServingHourRow[]> {
  if (sourceIds.length === 0) return [];
  return chQuery<ServingHourRow>(
    `SELECT hour, sum(p) AS prompt_tokens, sum(g) AS generation_tokens, sum(r) AS requests, sum(pre) AS preemptions,
       sum(pf) AS prefill_seconds, sum(dc) AS decode_seconds, max(cov) AS covered_ms,
       sum(run) AS running, sum(wait) AS waiting, avg(kv) AS kv_cache
     FROM (
       SELECT toStartOfHour(ts) AS hour, source_id, series_key,
         sum(prompt_tokens) AS p, sum(generation_tokens) AS g, sum(requests) AS r, sum(preemptions) AS pre,
         sum(prefill_seconds) AS pf, sum(decode_seconds) AS dc, sum(covered_ms) AS cov,
         avg(running) AS run, avg(waiting) AS wait, avg(kv_cache) AS kv
       FROM ${SERVING_SAMPLES_FINAL}
       WHERE org_id = {org:String} AND source_id IN {src:Array(String)} AND ts >= {from:DateTime64(3, 'UTC')} AND ts < {to:DateTime64(3, 'UTC')}
       GROUP BY hour, source_id, series_key)
     GROUP BY hour ORDER BY hour`,
    { tag: "selfhosted.serving.hours", params: { org: orgId, src: sourceIds, from: chTime(fromMs), to: chTime(toMs) } },
  );
}

export type PrefixRow = { source_id: string; engine: string; model: string; queries: string | number; hits: string | number };

/** Prefix-cache lookups and hits (tokens) per endpoint, engine and model. */
export async function prefixCacheTotals(orgId: string, fromMs: number, toMs: number): Promise<PrefixRow[]> {
  return chQuery<PrefixRow>(
    `SELECT source_id, engine, model, sum(prefix_queries) AS queries, sum(prefix_hits) AS hits
     FROM ${SERVING_SAMPLES_FINAL}
     WHERE org_id = {org:String} AND ts >= {from:DateTime64(3, 'UTC')} AND ts < {to:DateTime64(3, 'UTC')} AND engine IN ('vllm', 'sglang')
     GROUP BY source_id, engine, model ORDER BY source_id, engine, model`,
    { tag: "selfhosted.serving.prefix", params: { org: orgId, from: chTime(fromMs), to: chTime(toMs) } },
  );
}
