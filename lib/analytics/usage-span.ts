import "server-only";
import { chQuery } from "@/lib/clickhouse/query";
import { SPEND_HOURLY } from "@/lib/clickhouse/tables";

/**
 * The first hour with stored usage for the organization, or null when there is none. A re-cost
 * starting earlier than this would only scan empty windows, so callers clamp their range to it.
 */
export async function firstUsageHour(orgId: string): Promise<Date | null> {
  const rows = await chQuery<{ first: string; n: string }>(
    `SELECT min(hour) AS first, count() AS n FROM ${SPEND_HOURLY} WHERE org_id = {org:String}`,
    { tag: "analytics.first_usage_hour", params: { org: orgId } },
  );
  if (!rows[0] || Number(rows[0].n) === 0) return null;
  return new Date(String(rows[0].first).replace(" ", "T") + "Z");
}

/** [from, to) clamped to start no earlier than the first stored usage; null when nothing can be in it. */
export async function clampToUsage(orgId: string, from: Date, to: Date): Promise<{ from: Date; to: Date } | null> {
  const first = await firstUsageHour(orgId);
  if (!first) return null;
  const start = from < first ? first : from;
  return start < to ? { from: start, to } : null;
}
