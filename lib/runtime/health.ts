import "server-only";
import { chQuery } from "@/lib/clickhouse/query";
import { db } from "@/lib/db/prisma";
import { isEmbedded } from "@/lib/config/env";
import { startServerRuntime } from "./server-runtime";
import { storedIdIndex } from "@/lib/ingest/stored-id-index";

/** Ready means start-up finished (migrations, seeding) and both stores answer. */
export async function checkHealth(): Promise<{ ok: boolean; clickhouse: string; config_db: string; mode: string; ingest_id_index: string }> {
  await startServerRuntime();
  const clickhouse = await chQuery("SELECT 1 AS one", { tag: "health" }).then(
    () => "ok",
    (e: unknown) => `error: ${e instanceof Error ? e.message : String(e)}`,
  );
  const configDb = await db().organization.count().then(
    () => "ok",
    (e: unknown) => `error: ${e instanceof Error ? e.message : String(e)}`,
  );
  const index = storedIdIndex();
  // "loading": ingest works, checking every id in ClickHouse until the index is ready.
  const idIndex = !index ? "off" : index.filter() ? "ready" : "loading";
  return { ok: clickhouse === "ok" && configDb === "ok", clickhouse, config_db: configDb, mode: isEmbedded() ? "embedded" : "server", ingest_id_index: idIndex };
}
