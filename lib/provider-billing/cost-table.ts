import "server-only";
import { chInsert, chQuery } from "@/lib/clickhouse/query";
import type { BillingProvider, CostBucketRow } from "./types";
import { chTime, fromChTime, nextVersion } from "./version";
import { PROVIDER_COST_DAILY } from "@/lib/clickhouse/tables";

/**
 * Owner of `provider_cost_daily`: the providers' cost reports, one row per (org, source, day,
 * project/workspace, line item, ...) in exact pico-dollars. Re-pulled days replace stored ones
 * (ReplacingMergeTree on `version`, reads with FINAL).
 */
const TABLE = PROVIDER_COST_DAILY;

export async function upsertCosts(orgId: string, sourceId: string, provider: BillingProvider, rows: CostBucketRow[]): Promise<void> {
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
      line_item: r.lineItem,
      model: r.model,
      cost_type: r.costType,
      token_type: r.tokenType,
      service_tier: r.serviceTier,
      context_window: r.contextWindow,
      amount_pico: r.amountPico.toString(),
      version,
    })),
    { tag: "provider-billing.cost.upsert", ledgerUnchanged: true },
  );
}

const RANGE = "org_id = {org:String} AND bucket_start >= toDateTime({from:UInt32}, 'UTC') AND bucket_start < toDateTime({to:UInt32}, 'UTC')";
const rangeParams = (orgId: string, from: Date, to: Date) => ({ org: orgId, from: Math.floor(from.getTime() / 1000), to: Math.floor(to.getTime() / 1000) });

/** Exact total of one source (or every source) in [from, to), with the row count. */
export async function costTotals(orgId: string, from: Date, to: Date, sourceId?: string): Promise<{ amountPico: bigint; rows: number }> {
  const [r] = await chQuery<{ amount: string; rows: string }>(
    `SELECT toString(sum(amount_pico)) AS amount, count() AS rows FROM ${TABLE} FINAL WHERE ${RANGE} ${sourceId ? "AND source_id = {source:String}" : ""}`,
    { tag: "provider-billing.cost.totals", params: { ...rangeParams(orgId, from, to), source: sourceId ?? "" } },
  );
  return { amountPico: BigInt(r?.amount ?? "0"), rows: Number(r?.rows ?? 0) };
}

export type DailyCost = { day: Date; sourceId: string; provider: BillingProvider; projectId: string; model: string; amountPico: bigint };

/** Cost per day, source, project/workspace and model ("" when the line item names none). */
export async function costByDay(orgId: string, from: Date, to: Date): Promise<DailyCost[]> {
  const rows = await chQuery<{ day: string; source_id: string; provider: BillingProvider; project_id: string; model: string; amount: string }>(
    `SELECT toStartOfDay(bucket_start) AS day, source_id, provider, project_id, model, toString(sum(amount_pico)) AS amount
     FROM ${TABLE} FINAL WHERE ${RANGE}
     GROUP BY day, source_id, provider, project_id, model
     ORDER BY day, source_id, project_id, model`,
    { tag: "provider-billing.cost.by-day", params: rangeParams(orgId, from, to) },
  );
  return rows.map((r) => ({ day: fromChTime(r.day), sourceId: r.source_id, provider: r.provider, projectId: r.project_id, model: r.model, amountPico: BigInt(r.amount) }));
}

/** Providers with any cost stored for the org. */
export async function costProviders(orgId: string): Promise<BillingProvider[]> {
  const rows = await chQuery<{ provider: BillingProvider }>(`SELECT DISTINCT provider FROM ${TABLE} WHERE org_id = {org:String}`, {
    tag: "provider-billing.cost.providers",
    params: { org: orgId },
  });
  return rows.map((r) => r.provider);
}
