import "server-only";
import { chQuery } from "@/lib/clickhouse/query";
import { db } from "@/lib/db/prisma";
import { isEmbedded } from "@/lib/config/env";
import { startServerRuntime } from "./server-runtime";

/** Ready means start-up finished (migrations, seeding) and both stores answer. */
export async function checkHealth(): Promise<{ ok: boolean; clickhouse: string; config_db: string; mode: string }> {
  await startServerRuntime();
  const clickhouse = await chQuery("SELECT 1 AS one", { tag: "health" }).then(
    () => "ok",
    (e: unknown) => `error: ${e instanceof Error ? e.message : String(e)}`,
  );
  const configDb = await db().organization.count().then(
    () => "ok",
    (e: unknown) => `error: ${e instanceof Error ? e.message : String(e)}`,
  );
  return { ok: clickhouse === "ok" && configDb === "ok", clickhouse, config_db: configDb, mode: isEmbedded() ? "embedded" : "server" };
}
