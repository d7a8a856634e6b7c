/**
 * Which configuration database a test uses. By default its own SQLite file in the test's DATA_DIR.
 * With TEST_DATABASE_URL set to a PostgreSQL server (CI sets it for a second pass of the suites),
 * each test process, e2e server and crash-test server gets a database of its own on that server, so
 * tests stay as isolated as they are with SQLite files.
 */
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import pg from "pg";

export type TestDatabase = { url: string; drop(): Promise<void> };

/** A new, empty database on TEST_DATABASE_URL's server, or null when that is not set (SQLite). */
export async function createTestDatabase(label: string): Promise<TestDatabase | null> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) return null;
  const name = databaseName(label);
  await adminQuery(server, `CREATE DATABASE "${name}"`);
  return { url: databaseUrlFor(server, name), drop: () => adminQuery(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/**
 * The same, for synchronous callers (Playwright's configuration file): the database is dropped when
 * this process exits, after the servers it started have stopped.
 */
export function createTestDatabaseSync(label: string): string | null {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) return null;
  const name = databaseName(label);
  adminQuerySync(server, `CREATE DATABASE "${name}"`);
  process.once("exit", () => {
    try {
      adminQuerySync(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } catch {
      // the server may be gone already; a leftover test database is harmless
    }
  });
  return databaseUrlFor(server, name);
}

function adminQuerySync(server: string, sql: string): void {
  const script = 'import pg from "pg"; const c = new pg.Client({ connectionString: process.argv[1] }); await c.connect(); await c.query(process.argv[2]); await c.end();';
  execFileSync(process.execPath, ["--input-type=module", "-e", script, server, sql], {
    cwd: path.resolve(import.meta.dirname, "..", ".."),
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** Sets DATABASE_URL for this test process (and the children it starts); returns how to drop it again. */
export async function provisionTestDatabase(): Promise<() => Promise<void>> {
  delete process.env.DATABASE_URL; // a developer's shell must not point tests at a real database
  const created = await createTestDatabase("unit");
  if (!created) return async () => undefined;
  process.env.DATABASE_URL = created.url;
  return async () => {
    delete process.env.DATABASE_URL;
    await created.drop();
  };
}

function databaseName(label: string): string {
  return `finops_${label}_${process.pid}_${crypto.randomBytes(4).toString("hex")}`;
}

function databaseUrlFor(server: string, name: string): string {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(server: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
