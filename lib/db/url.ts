import fs from "node:fs";
import path from "node:path";

/** DATA_DIR (default .data) holds every local store. */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR ?? ".data");
}

/**
 * The configuration database: DATABASE_URL (`file:...` for SQLite, `postgresql://...` for
 * PostgreSQL), or by default a SQLite file in DATA_DIR.
 */
export function databaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const dir = dataDir();
  fs.mkdirSync(dir, { recursive: true });
  return `file:${path.join(dir, "app.db")}`;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** Which schema, migrations and generated client serve a URL (both are rendered from one model). */
export function databaseFlavor(url = databaseUrl()): { provider: "sqlite" | "postgresql"; schema: string; migrations: string } {
  return isPostgresUrl(url)
    ? { provider: "postgresql", schema: path.join("prisma", "postgresql", "schema.prisma"), migrations: path.join("prisma", "postgresql", "migrations") }
    : { provider: "sqlite", schema: path.join("prisma", "schema.prisma"), migrations: path.join("prisma", "migrations") };
}
