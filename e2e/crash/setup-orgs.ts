/**
 * Prepares a test's data directory before its servers first start: two organizations with a key
 * each, of the scopes in SETUP_SCOPES (comma-separated; ingest when unset). Run as `DATA_DIR=... node --conditions=react-server --import tsx e2e/crash/setup-orgs.ts`;
 * prints the organizations as JSON after a marker (product modules may print before it).
 */
import { migrateConfigDb } from "@/lib/db/migrate";
import { db, closeDb } from "@/lib/db/prisma";
import { createApiKey } from "@/lib/auth/api-keys";

export type CrashOrgs = { id: string; key: string }[];

await migrateConfigDb();
const orgs: CrashOrgs = [];
for (const name of ["crash A", "crash B"]) {
  const org = await db().organization.create({ data: { name } });
  const { key } = await createApiKey({ orgId: org.id, name: "crash test", scopes: (process.env.SETUP_SCOPES ?? "ingest").split(",") as ("ingest" | "read" | "manage")[] });
  orgs.push({ id: org.id, key });
}
process.stdout.write(`\n@@crash-orgs@@${JSON.stringify(orgs)}\n`);
await closeDb();
