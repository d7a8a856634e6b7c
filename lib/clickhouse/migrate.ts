import "server-only";
import { chCommand, chQuery } from "./query";
import { migrations } from "./migrations";
import { migrateCluster } from "./migrate-cluster";
import { env } from "@/lib/config/env";

/** Applies pending migrations in order and records each; safe to call on every start. */
export async function migrateClickhouse(): Promise<number[]> {
  const cluster = env().CLICKHOUSE_CLUSTER;
  if (cluster) {
    await migrateCluster(cluster);
    return [];
  }
  await chCommand(
    `CREATE TABLE IF NOT EXISTS schema_migrations (
       version UInt32, name String, applied_at DateTime('UTC') DEFAULT now()
     ) ENGINE = MergeTree ORDER BY version`,
    { tag: "migrate.bootstrap" },
  );
  const done = new Set(
    (await chQuery<{ version: number }>("SELECT version FROM schema_migrations", { tag: "migrate.list" })).map((r) =>
      Number(r.version),
    ),
  );
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(m.version)) continue;
    for (const sql of m.statements) await chCommand(sql, { tag: `migrate.${m.version}` });
    await chCommand("INSERT INTO schema_migrations (version, name) VALUES ({v:UInt32}, {n:String})", {
      tag: "migrate.record",
      params: { v: m.version, n: m.name },
    });
    applied.push(m.version);
  }
  return applied;
}
