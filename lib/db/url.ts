import fs from "node:fs";
import path from "node:path";

/** SQLite file URL for configuration data; DATA_DIR (default .data) holds every local store. */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR ?? ".data");
}

export function sqliteUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const dir = dataDir();
  fs.mkdirSync(dir, { recursive: true });
  return `file:${path.join(dir, "app.db")}`;
}
