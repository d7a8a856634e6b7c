import "server-only";
import { chQuery } from "@/lib/clickhouse/query";

/** Whether any event was ever stored for the organization (raw table, so it is true right after an insert). */
export async function orgHasEvents(orgId: string): Promise<boolean> {
  const rows = await chQuery<{ one: number }>("SELECT 1 AS one FROM llm_events WHERE org_id = {org:String} LIMIT 1", {
    tag: "analytics.org_has_events",
    params: { org: orgId },
  });
  return rows.length > 0;
}
