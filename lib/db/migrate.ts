import "server-only";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { migratePostgres } from "./postgres-migrate";
import { databaseFlavor, databaseUrl } from "./url";

/**
 * Applies Prisma migrations with the Prisma CLI (`migrate deploy`), the documented way to reach a
 * schema; used by start-up, the CLI and tests so every path runs the same migrations. The CLI costs
 * a second or more per call (several under load), and every start and CLI command calls this, so a
 * database that already recorded every migration folder is left alone without starting it.
 * PostgreSQL's migrations are applied in process (see postgres-migrate.ts for why not by the CLI).
 */
export async function migrateConfigDb(): Promise<void> {
  const url = databaseUrl();
  const flavor = databaseFlavor(url);
  if (flavor.provider === "postgresql") {
    await migratePostgres(url, path.resolve(/*turbopackIgnore: true*/ process.cwd(), flavor.migrations));
    return;
  }
  if (upToDate(url)) return;
  const bin = path.resolve(/*turbopackIgnore: true*/ process.cwd(), "node_modules", ".bin", "prisma");
  execFileSync(bin, ["migrate", "deploy"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}

/** Every folder in prisma/migrations is recorded as applied (and not rolled back) in the SQLite file. */
function upToDate(url: string): boolean {
  if (!url.startsWith("file:")) return false;
  const file = url.slice("file:".length);
  if (!fs.existsSync(file)) return false;
  const dir = path.resolve(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations");
  const wanted = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL").all() as { migration_name: string }[];
    const applied = new Set(rows.map((r) => r.migration_name));
    return wanted.every((name) => applied.has(name));
  } catch {
    return false; // no migrations table yet, or unreadable: let the CLI decide
  } finally {
    db?.close();
  }
}
