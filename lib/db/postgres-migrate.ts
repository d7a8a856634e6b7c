import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

/**
 * Applies prisma/postgresql/migrations to a PostgreSQL database. Prisma 6's offline schema engine
 * cannot run `migrate deploy` through the pg adapter (it fails reading catalog columns of type
 * `name`: prisma/orm#27403), so this does what it would: each folder not yet recorded in
 * `_prisma_migrations` runs in its own transaction together with its record (PostgreSQL's DDL is
 * transactional, so a killed process leaves a migration wholly applied or not at all), under
 * Prisma's own advisory lock so that processes starting together apply each folder once. The table
 * has Prisma's shape, so `prisma migrate status` and later Prisma versions read it as their own.
 */
const PRISMA_MIGRATE_LOCK = 72707369;

export type PostgresMigrateResult = { applied: string[] };

export async function migratePostgres(url: string, migrationsDir: string): Promise<PostgresMigrateResult> {
  const folders = fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const done = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT "migration_name", "checksum" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
    );
    const recorded = new Map(done.rows.map((r) => [r.migration_name, r.checksum]));
    const applied: string[] = [];
    for (const name of folders) {
      const sql = fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
      const checksum = crypto.createHash("sha256").update(sql).digest("hex");
      const known = recorded.get(name);
      if (known !== undefined) {
        // Migrations are written once: an edited folder would leave databases that differ.
        if (known !== checksum) throw new Error(`PostgreSQL migration ${name} was changed after it was applied (checksum ${known} recorded, ${checksum} on disk)`);
        continue;
      }
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "applied_steps_count") VALUES ($1, $2, now(), $3, 1)`,
          [crypto.randomUUID(), checksum, name],
        );
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw new Error(`PostgreSQL migration ${name} failed: ${(err as Error).message}`);
      }
      applied.push(name);
    }
    return { applied };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]).catch(() => undefined);
    await client.end();
  }
}
