/**
 * A fresh, migrated configuration database (SQLite) in a temporary DATA_DIR, for tests of lib/auth
 * that need no ClickHouse. Import it first: its top level points DATA_DIR at the new directory
 * before anything reads the environment. One per test process (node:test runs each file alone).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { provisionTestDatabase } from "@/lib/testing/test-database";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "llm-finops-auth-test-"));
process.env.DATA_DIR = dir;
process.env.DEMO_DATA = "0";
delete process.env.DATABASE_URL;
process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));

export type ConfigDb = { dir: string; orgId: string; close(): Promise<void> };

let opened: Promise<ConfigDb> | null = null;

export function openConfigDb(): Promise<ConfigDb> {
  return (opened ??= (async () => {
    const { migrateConfigDb } = await import("@/lib/db/migrate");
    const { db, closeDb } = await import("@/lib/db/prisma");
    const dropDatabase = await provisionTestDatabase();
    await migrateConfigDb();
    const orgId = (await db().organization.create({ data: { name: "Test org" } })).id;
    return { dir, orgId, close: async () => { await closeDb(); await dropDatabase(); } };
  })());
}

/** A user with a known password (scrypt, as in production). */
export async function makeUser(orgId: string, email: string, role: string, password = "correct horse battery") {
  const { createUser } = await import("@/lib/bootstrap/users");
  return (await createUser({ orgId, email, name: email, role: role as never, password })).user;
}
