import "server-only";
import { chQuery } from "@/lib/clickhouse/query";
import { DIMENSIONS, type Dimension } from "@/lib/domain/event";
import { SPEND_HOURLY } from "@/lib/clickhouse/tables";

/** The values of each dimension seen in the ledger (last 90 days, costliest first), for the scope picker. */
export async function dimensionValuesSeen(orgId: string, perDimension = 200): Promise<Record<Dimension, string[]>> {
  const from = Math.floor(Date.now() / 1000) - 90 * 86_400;
  const parts = DIMENSIONS.map(
    (d) => `SELECT '${d}' AS dim, ${d} AS value, sum(cost_pico) AS c FROM ${SPEND_HOURLY} WHERE org_id = {org:String} AND hour >= toDateTime({from:UInt32}, 'UTC') AND ${d} != '' GROUP BY ${d} ORDER BY c DESC LIMIT {n:UInt32}`,
  );
  const rows = await chQuery<{ dim: Dimension; value: string }>(`SELECT dim, value FROM (${parts.join(" UNION ALL ")})`, {
    tag: "budgets.dimension-values",
    params: { org: orgId, from, n: perDimension },
  });
  const out = Object.fromEntries(DIMENSIONS.map((d) => [d, [] as string[]])) as Record<Dimension, string[]>;
  for (const r of rows) out[r.dim].push(r.value);
  for (const d of DIMENSIONS) out[d].sort((a, b) => a.localeCompare(b));
  return out;
}
