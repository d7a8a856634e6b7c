import "server-only";
import { isEmbedded } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import { takeWriteLock } from "@/lib/db/write-lock";

/**
 * Exactly-once across writer processes. A flush checks which ids are stored and inserts the rest;
 * two processes doing that for the same id at the same moment would both find it absent and both
 * insert it. So on the server path a flush runs its check and insert holding a lock per shard of
 * organizations, taken in the configuration database (PostgreSQL's transaction-scoped advisory locks,
 * or SQLite's write lock) where every web server and worker already connects:
 *
 * - it holds whatever the ClickHouse side is (one server, or a cluster whose Distributed insert is
 *   synchronous), because the lock is released only after the insert has returned, when the rows are
 *   visible to the next holder's check;
 * - a writer that dies holding it loses its database connection and with it the lock; its insert was
 *   never acknowledged, and the retry's check credits whatever part of it was stored;
 * - writers of organizations in different shards do not wait for each other.
 *
 * The embedded engine admits one process, whose flushes already run one at a time: no lock there.
 */
const SHARDS = 64;

/** FNV-1a of the organization id, so every process maps an organization to the same shard. */
export function orgShard(orgId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < orgId.length; i++) h = Math.imul(h ^ orgId.charCodeAt(i), 0x01000193);
  return (h >>> 0) % SHARDS;
}

export async function withIdLocks<T>(orgIds: Iterable<string>, fn: () => Promise<T>): Promise<T> {
  if (isEmbedded()) return fn();
  // Sorted, so two flushes needing overlapping shards take them in one order and cannot deadlock.
  const shards = [...new Set([...orgIds].map(orgShard))].sort((a, b) => a - b);
  // The transaction must outlive the inserts it guards: were it to time out first, the lock would be
  // released while rows are still being written. Each INSERT (one per month a flush spans) is bounded
  // by the client's request timeout; half an hour is longer than any flush gets to run.
  return db().$transaction(
    async (tx) => {
      for (const s of shards) await takeWriteLock(tx, `ingest-ids:${s}`);
      return fn();
    },
    { maxWait: 60_000, timeout: 30 * 60_000 },
  );
}
