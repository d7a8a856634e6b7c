import "server-only";
import { chQuery } from "@/lib/clickhouse/query";
import { SPEND_HOURLY } from "@/lib/clickhouse/tables";

/**
 * A token that changes whenever what the hourly rollup holds may have changed: every insert (ingest,
 * re-cost, repair) and every mutation writes a new part with a higher block number or data version.
 * Merges change it too, which only costs a cache a miss. Read from the engine's own table of parts,
 * so it sees every writer, whoever it is. One process's view of its local parts: meaningful for the
 * embedded engine, where this process is the only one that opens the store.
 */
export async function rollupVersion(): Promise<string> {
  const [r] = await chQuery<Record<string, string>>(
    `SELECT max(max_block_number) AS block, max(data_version) AS version, count() AS parts, sum(rows) AS rows
     FROM system.parts
     WHERE database = currentDatabase() AND table = '${SPEND_HOURLY}' AND active`,
    { tag: "analytics.rollup_version" },
  );
  return `${r?.block}:${r?.version}:${r?.parts}:${r?.rows}`;
}
