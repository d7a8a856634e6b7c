import "server-only";
import { chQuery } from "@/lib/clickhouse/query";
import { rawRollupMismatchesSql, type HourMismatch } from "./consistency-sql";

export type { HourMismatch } from "./consistency-sql";

/**
 * The ledger's one invariant, checked whole: per organization and hour the rollup holds exactly what
 * the raw events add up to. Reads both tables entirely: for tests and diagnosis, not a hot path.
 */
export async function rawRollupMismatches(orgId?: string): Promise<HourMismatch[]> {
  return chQuery<HourMismatch>(rawRollupMismatchesSql(orgId === undefined ? "" : "WHERE org_id = {org:String}"), {
    tag: "ledger.consistency",
    params: orgId === undefined ? {} : { org: orgId },
    timeoutSeconds: 300,
  });
}
