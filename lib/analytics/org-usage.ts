import "server-only";
import { chQuery } from "@/lib/clickhouse/query";
import { SPEND_HOURLY } from "@/lib/clickhouse/tables";

/**
 * Whether the organization ever stored usage: separates "never sent data" from "nothing in this
 * view", and tells start-up whether the demo organization still needs its seed. The rollup is fed
 * by the insert itself, so it is true as soon as an event is stored.
 */
export async function orgHasUsage(orgId: string): Promise<boolean> {
  const rows = await chQuery<{ one: number }>(`SELECT 1 AS one FROM ${SPEND_HOURLY} WHERE org_id = {org:String} LIMIT 1`, {
    tag: "analytics.org_has_usage",
    params: { org: orgId },
  });
  return rows.length > 0;
}
