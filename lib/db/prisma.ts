import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/prisma-postgresql/client";
import { databaseUrl, isPostgresUrl } from "./url";

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
    const url = databaseUrl();
    const transactionOptions = { maxWait: 20_000, timeout: 30_000 };
    // Both clients are generated from one model (lib/db/postgres-schema.ts), so the PostgreSQL one
    // has the same API; the code is typed against the SQLite one.
    client = isPostgresUrl(url)
      ? (new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }), transactionOptions }) as unknown as PrismaClient)
      : new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 20_000 }), transactionOptions });
    store[KEY] = client;
  }
  return client;
}

/** Whether the configuration database is PostgreSQL (for the few statements whose locking differs). */
export function usesPostgres(): boolean {
  // Called in every locked transaction: the default (a SQLite file in DATA_DIR) is never PostgreSQL,
  // so the variable alone decides, without databaseUrl()'s directory check.
  return isPostgresUrl(process.env.DATABASE_URL ?? "");
}

export async function closeDb(): Promise<void> {
  const c = store[KEY];
  store[KEY] = undefined;
  if (c) await c.$disconnect();
}
