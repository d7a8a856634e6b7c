import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { usesPostgres } from "./prisma";

/**
 * Makes a transaction's read-check-write exclusive among the transactions that take the same lock,
 * in every process, so that a check ("another admin remains", "this condition has no open alert")
 * still holds when the write commits.
 *
 * - SQLite starts a transaction as a reader and cannot upgrade it to a writer while another process
 *   writes: it fails at once rather than wait (waiting could deadlock). A write as the first
 *   statement takes the database's write lock up front, where SQLite does wait (busy timeout).
 * - PostgreSQL's default isolation (read committed) would let two such transactions both pass their
 *   check; a transaction-scoped advisory lock named by `name` queues them instead, and is released
 *   at commit or rollback.
 */
export async function takeWriteLock(tx: Prisma.TransactionClient, name: string): Promise<void> {
  if (usesPostgres()) {
    // The lock function returns void, which the driver cannot read back: select around it.
    await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${name}))) AS l`;
    return;
  }
  await tx.$executeRaw`UPDATE "Organization" SET "id" = "id" WHERE 1 = 0`;
}
