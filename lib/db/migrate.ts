import "server-only";
import { execFileSync } from "node:child_process";
import path from "node:path";

/**
 * Applies Prisma migrations with the Prisma CLI (`migrate deploy`), the documented way to reach a
 * schema; used by start-up and by tests so every path runs the same migrations.
 */
export function migrateConfigDb(): void {
  const bin = path.resolve(/*turbopackIgnore: true*/ process.cwd(), "node_modules", ".bin", "prisma");
  execFileSync(bin, ["migrate", "deploy"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}
