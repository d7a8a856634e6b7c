import "server-only";
import { chCommand, chQuery } from "./query";
import { TABLES, VIEWS } from "./schema";
import { localName, renderSchema } from "./schema/render";

/**
 * A cluster gets today's schema from the definitions (lib/clickhouse/schema), created ON CLUSTER
 * with IF NOT EXISTS, so every start may run it. The single-node migrations are not replayed there:
 * they rebuild derived tables in place, which on a cluster is an operation to plan, not a start-up
 * step. A cluster created by an older version that lacks a column of today's definitions is
 * refused with what to add, rather than failing later on the first query that needs it.
 */
export async function migrateCluster(cluster: string): Promise<void> {
  for (const sql of renderSchema(TABLES, VIEWS, { cluster })) await chCommand(sql, { tag: "migrate.cluster" });
  const rows = await chQuery<{ table: string; name: string }>(
    "SELECT table, name FROM system.columns WHERE database = currentDatabase()",
    { tag: "migrate.cluster.check" },
  );
  const have = new Set(rows.map((r) => `${r.table}.${r.name}`));
  const missing = TABLES.flatMap((t) => {
    const local = localName(t.name, { cluster });
    return t.columns.map((c) => c.split(" ")[0]).filter((c) => !have.has(`${local}.${c}`)).map((c) => `${local}.${c}`);
  });
  if (missing.length) {
    throw new Error(
      `ClickHouse cluster ${cluster}: the schema is older than this version; missing columns ${missing.join(", ")}. ` +
        "Add them with ALTER TABLE <table>_local ON CLUSTER and ALTER TABLE <table> ON CLUSTER as in lib/clickhouse/schema.",
    );
  }
}
