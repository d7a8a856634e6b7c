import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { sqliteUrl } from "./url";

const KEY = Symbol.for("llm-finops.prisma");
const store = globalThis as unknown as Record<symbol, PrismaClient | undefined>;

/** One Prisma client per process (kept on globalThis so Next.js module graphs share it). */
export function db(): PrismaClient {
  let client = store[KEY];
  if (!client) {
    client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: sqliteUrl() }) });
    store[KEY] = client;
  }
  return client;
}

export async function closeDb(): Promise<void> {
  const c = store[KEY];
  store[KEY] = undefined;
  if (c) await c.$disconnect();
}
