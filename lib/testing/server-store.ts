/**
 * The server path for integration tests: a ClickHouse HTTP front (the test fixture in
 * clickhouse-http-front.ts) in a child process of its own, holding the engine's data directory, or a
 * real server's database of its own with CLICKHOUSE_TEST_URL (test-clickhouse.ts), and this process
 * pointed at it with CLICKHOUSE_URL, as a web server or a worker is in production.
 * Import it first: its top level sets DATA_DIR and CLICKHOUSE_URL before anything reads them.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { provisionTestDatabase } from "./test-database";
import { openTestClickhouse } from "./test-clickhouse";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "llm-finops-server-test-"));
process.env.DATA_DIR = dir;
process.env.DEMO_DATA = "0";
process.env.INGEST_FLUSH_MS = "1";
process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));

const clickhouse = await openTestClickhouse(path.join(dir, "clickhouse"));
process.env.CLICKHOUSE_URL = clickhouse.url;
process.env.CLICKHOUSE_DATABASE = clickhouse.database;
delete process.env.CLICKHOUSE_CLUSTER;

export type ServerStore = { dir: string; url: string; database: string; orgId: string; close(): Promise<void> };

export async function openServerStore(): Promise<ServerStore> {
  const { migrateConfigDb } = await import("@/lib/db/migrate");
  const { migrateClickhouse } = await import("@/lib/clickhouse/migrate");
  const { closeClickhouse } = await import("@/lib/clickhouse/client");
  const { db, closeDb } = await import("@/lib/db/prisma");
  const dropDatabase = await provisionTestDatabase();
  await migrateConfigDb();
  await migrateClickhouse();
  const orgId = (await db().organization.create({ data: { name: "Server path org" } })).id;
  return {
    dir,
    url: clickhouse.url,
    database: clickhouse.database,
    orgId,
    async close() {
      await closeDb();
      await dropDatabase();
      await closeClickhouse();
      await clickhouse.close();
    },
  };
}
