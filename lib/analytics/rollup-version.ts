import "server-only";
import { chQuery } from "@/lib/clickhouse/query";
import { SPEND_HOURLY } from "@/lib/clickhouse/tables";
import { localName } from "@/lib/clickhouse/schema/render";
import { env } from "@/lib/config/env";

/**
 * A token that changes whenever what the hourly rollup holds may have changed: every insert (ingest,
 * re-cost, repair) and every mutation writes a new part with a higher block number or data version.
 * Merges change it too, which only costs a cache a miss. Read from the engine's own table of parts,
 * so it sees every writer, whoever it is. On a cluster the rollup's parts are those of its local
 * table on every replica, read through clusterAllReplicas.
 */
export async function rollupVersion(): Promise<string> {
  const cluster = env().CLICKHOUSE_CLUSTER ?? null;
  const parts = cluster ? `clusterAllReplicas('${cluster}', system.parts)` : "system.parts";
  const [r] = await chQuery<Record<string, string>>(
    `SELECT max(max_block_number) AS block, max(data_version) AS version, count() AS parts, sum(rows) AS rows
     FROM ${parts}
     WHERE database = currentDatabase() AND table = {table:String} AND active`,
    { tag: "analytics.rollup_version", params: { table: localName(SPEND_HOURLY, { cluster }) } },
  );
  return `${r?.block}:${r?.version}:${r?.parts}:${r?.rows}`;
}
