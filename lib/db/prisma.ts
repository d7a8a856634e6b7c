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
    // Several processes share the database (the server with its workers, the CLI, `npm run workers`),
    // and the alert store's transactions hold SQLite's write lock while a loaded server works: wait for
    // the lock (busy timeout) and let a transaction wait and run that long too, rather than failing a
    // person's change after the defaults of 5 s and 2 s.
    client = new PrismaClient({
      adapter: new PrismaBetterSQLite3({ url: sqliteUrl(), timeout: 20_000 }),
      transactionOptions: { maxWait: 20_000, timeout: 30_000 },
    });
    store[KEY] = client;
  }
  return client;
}

export async function closeDb(): Promise<void> {
  const c = store[KEY];
  store[KEY] = undefined;
  if (c) await c.$disconnect();
}
