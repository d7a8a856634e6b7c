import "server-only";
import { chInsert, chQuery } from "@/lib/clickhouse/query";
import type { BillingProvider, BilledTokens, UsageBucketRow } from "./types";
import { chTime, fromChTime, nextVersion } from "./version";
import { PROVIDER_USAGE_HOURLY } from "@/lib/clickhouse/tables";

/**
 * Owner of `provider_usage_hourly`: provider usage buckets keyed by (org, source, bucket start,
 * grouping keys). A re-pulled bucket replaces the stored one (ReplacingMergeTree on `version`), and
 * every read goes through FINAL, so overlapping pulls never count a token twice.
 */
const TABLE = PROVIDER_USAGE_HOURLY;

export async function upsertUsage(orgId: string, sourceId: string, provider: BillingProvider, rows: UsageBucketRow[]): Promise<void> {
  if (!rows.length) return;
  const version = nextVersion();
  await chInsert(
    TABLE,
    rows.map((r) => ({
      org_id: orgId,
      source_id: sourceId,
      provider,
      bucket_start: chTime(r.bucketStart),
      project_id: r.projectId,
      api_key_id: r.apiKeyId,
      model: r.model,
      batch: r.batch,
      service_tier: r.serviceTier,
      context_window: r.contextWindow,
      input_uncached_tokens: r.tokens.inputUncached,
      cache_read_tokens: r.tokens.cacheRead,
      cache_write_5m_tokens: r.tokens.cacheWrite5m,
      cache_write_1h_tokens: r.tokens.cacheWrite1h,
      output_tokens: r.tokens.output,
      requests: r.requests,
      web_search_requests: r.webSearchRequests,
      version,
    })),
    { tag: "provider-billing.usage.upsert", ledgerUnchanged: true },
  );
}

const SUMS = `
  sum(input_uncached_tokens) AS input_uncached,
  sum(cache_read_tokens) AS cache_read,
  sum(cache_write_5m_tokens) AS cache_write_5m,
  sum(cache_write_1h_tokens) AS cache_write_1h,
  sum(output_tokens) AS output,
  sum(requests) AS requests`;

type SumRow = Record<"input_uncached" | "cache_read" | "cache_write_5m" | "cache_write_1h" | "output" | "requests", string>;

const tokensOf = (r: SumRow): BilledTokens => ({
  inputUncached: Number(r.input_uncached ?? 0),
  cacheRead: Number(r.cache_read ?? 0),
  cacheWrite5m: Number(r.cache_write_5m ?? 0),
  cacheWrite1h: Number(r.cache_write_1h ?? 0),
  output: Number(r.output ?? 0),
});

const RANGE = "org_id = {org:String} AND bucket_start >= toDateTime({from:UInt32}, 'UTC') AND bucket_start < toDateTime({to:UInt32}, 'UTC')";
const rangeParams = (orgId: string, from: Date, to: Date) => ({ org: orgId, from: Math.floor(from.getTime() / 1000), to: Math.floor(to.getTime() / 1000) });

/** Totals of one source (or every source of the org) in [from, to): what tests and the benchmark compare. */
export async function usageTotals(orgId: string, from: Date, to: Date, sourceId?: string): Promise<BilledTokens & { requests: number; rows: number }> {
  const [r] = await chQuery<SumRow & { rows: string }>(
    `SELECT ${SUMS}, count() AS rows FROM ${TABLE} FINAL WHERE ${RANGE} ${sourceId ? "AND source_id = {source:String}" : ""}`,
    { tag: "provider-billing.usage.totals", params: { ...rangeParams(orgId, from, to), source: sourceId ?? "" } },
  );
  return { ...tokensOf(r), requests: Number(r.requests ?? 0), rows: Number(r.rows ?? 0) };
}

export type DailyUsage = {
  day: Date;
  sourceId: string;
  provider: BillingProvider;
  projectId: string;
  apiKeyId: string;
  model: string;
  tokens: BilledTokens;
  requests: number;
};

/** Usage per UTC day, source, project/workspace, api key and model: the billed side's finest grain. */
export async function usageByDay(orgId: string, from: Date, to: Date): Promise<DailyUsage[]> {
  const rows = await chQuery<SumRow & { day: string; source_id: string; provider: BillingProvider; project_id: string; api_key_id: string; model: string }>(
    `SELECT toStartOfDay(bucket_start) AS day, source_id, provider, project_id, api_key_id, model, ${SUMS}
     FROM ${TABLE} FINAL WHERE ${RANGE}
     GROUP BY day, source_id, provider, project_id, api_key_id, model
     ORDER BY day, source_id, project_id, api_key_id, model`,
    { tag: "provider-billing.usage.by-day", params: rangeParams(orgId, from, to) },
  );
  return rows.map((r) => ({
    day: fromChTime(r.day),
    sourceId: r.source_id,
    provider: r.provider,
    projectId: r.project_id,
    apiKeyId: r.api_key_id,
    model: r.model,
    tokens: tokensOf(r),
    requests: Number(r.requests ?? 0),
  }));
}

/** Providers with any usage stored for the org. */
export async function usageProviders(orgId: string): Promise<BillingProvider[]> {
  const rows = await chQuery<{ provider: BillingProvider }>(`SELECT DISTINCT provider FROM ${TABLE} WHERE org_id = {org:String}`, {
    tag: "provider-billing.usage.providers",
    params: { org: orgId },
  });
  return rows.map((r) => r.provider);
}
