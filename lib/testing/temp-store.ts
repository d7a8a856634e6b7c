/**
 * A fresh, fully migrated pair of stores (embedded ClickHouse + SQLite, or a PostgreSQL database of
 * its own under TEST_DATABASE_URL) in a temporary DATA_DIR, for integration tests.
 *
 * Import this module BEFORE anything that reads the environment: its top level points DATA_DIR at a
 * new mkdtemp directory, and the modules under test read it lazily (env() caches on first call).
 * chdb allows one connection per data directory per process and the client is a process-wide
 * singleton, so a test file opens ONE store (node:test runs each file in its own process).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { provisionTestDatabase } from "./test-database";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "llm-finops-test-"));
process.env.DATA_DIR = dir;
process.env.DEMO_DATA = "0";
process.env.INGEST_FLUSH_MS = "1";
// Also removed if a test file dies before close() (a failing before() hook, an uncaught error).
process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
// A developer's shell must not redirect the tests to a real database or ClickHouse server.
delete process.env.DATABASE_URL; // set again by provisionTestDatabase under TEST_DATABASE_URL
delete process.env.CLICKHOUSE_URL;

export type TempStore = {
  dir: string;
  orgId: string;
  /** Creates another organization (for isolation checks). */
  createOrg(name: string): Promise<string>;
  close(): Promise<void>;
};

let opened: Promise<TempStore> | null = null;

/** Migrates both stores and creates an organization; the same store for every call in a process. */
export function openTempStore(): Promise<TempStore> {
  return (opened ??= open());
}

async function open(): Promise<TempStore> {
  const { migrateConfigDb } = await import("@/lib/db/migrate");
  const { migrateClickhouse } = await import("@/lib/clickhouse/migrate");
  const { closeClickhouse } = await import("@/lib/clickhouse/client");
  const { db, closeDb } = await import("@/lib/db/prisma");
  const { env } = await import("@/lib/config/env");
  if (path.resolve(env().DATA_DIR) !== dir) {
    throw new Error(`temp-store: env() was read before DATA_DIR was set (it points at ${env().DATA_DIR}); import lib/testing/temp-store first`);
  }
  const dropDatabase = await provisionTestDatabase();
  await migrateConfigDb();
  await migrateClickhouse();
  const createOrg = async (name: string) => (await db().organization.create({ data: { name } })).id;
  const orgId = await createOrg("Test org");
  let closed = false;
  return {
    dir,
    orgId,
    createOrg,
    async close() {
      if (closed) return;
      closed = true;
      try {
        const { eventWriter } = await import("@/lib/ingest/writer");
        await eventWriter().drain();
      } finally {
        await closeDb();
        await dropDatabase();
        await closeClickhouse();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
