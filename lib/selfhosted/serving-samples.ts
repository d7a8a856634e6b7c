import "server-only";
/**
 * Owner of the serving_samples table (schema: lib/clickhouse/migrations/selfhosted.ts): one row per
 * serving engine instance per scrape, counters as increases since the previous scrape.
 */
import { chInsert } from "@/lib/clickhouse/query";
import { chTime } from "./ch-time";
import type { ServingSample } from "./types";

export const SERVING_SAMPLES = "serving_samples";
export const SERVING_SAMPLES_FINAL = "serving_samples FINAL";

const int = (v: number) => Math.max(0, Math.round(v));

export async function insertServingSamples(orgId: string, sourceId: string, rows: ServingSample[]): Promise<void> {
  await chInsert(
    SERVING_SAMPLES,
    rows.map((s) => ({
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
    })),
    { tag: "selfhosted.serving.insert" },
  );
}
