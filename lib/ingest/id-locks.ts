import "server-only";
import { isEmbedded } from "@/lib/config/env";
import { db, usesPostgres } from "@/lib/db/prisma";
import { PROCESS_HOLDER, extendLease, releaseLease, tryAcquireLease } from "@/lib/db/leases";
import { takeWriteLock } from "@/lib/db/write-lock";

/**
 * Exactly-once across writer processes. A flush checks which ids are stored and inserts the rest;
 * two processes doing that for the same id at the same moment would both find it absent and both
 * insert it. So on the server path a flush runs its check and insert holding a lock per shard of
 * organizations, kept in the configuration database that every web server and worker already uses:
 *
 * - PostgreSQL: transaction-scoped advisory locks, held by a transaction open around the check and
 *   insert. A writer that dies loses its connection and with it the locks at once.
 * - SQLite: lease rows (lib/db/leases), taken and released by short writes. Holding SQLite's write
 *   lock across a ClickHouse insert instead would stop every other process's writes (sessions, rate
 *   counters, the workers' leases) for as long as ingest runs. A writer that dies holds its shards
 *   until the lease expires (ID_LEASE_MS); the lease is extended while the insert runs, and a flush
 *   that finds it lost (a stall past expiry) fails before inserting and is retried by its client.
 *
 * Either way the lock is released only after the insert has returned, when the rows are visible to
 * the next holder's check (one server, or a cluster whose inserts are synchronous with a quorum), and
 * writers of organizations in different shards do not wait for each other. The embedded engine
 * admits one process, whose flushes already run one at a time: no lock there.
 */
const SHARDS = 64;
const ID_LEASE_MS = 15_000;
const ID_LEASE_WAIT_MS = 60_000;
const HOLDER = `${PROCESS_HOLDER}:ingest`;

/** FNV-1a of the organization id, so every process maps an organization to the same shard. */
export function orgShard(orgId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < orgId.length; i++) h = Math.imul(h ^ orgId.charCodeAt(i), 0x01000193);
  return (h >>> 0) % SHARDS;
}

export async function withIdLocks<T>(orgIds: Iterable<string>, fn: () => Promise<T>): Promise<T> {
  if (isEmbedded()) return fn();
  // Sorted, so two flushes needing overlapping shards take them in one order and cannot deadlock.
  const names = [...new Set([...orgIds].map(orgShard))].sort((a, b) => a - b).map((s) => `ingest-ids:${s}`);
  return usesPostgres() ? underAdvisoryLocks(names, fn) : underLeases(names, fn);
}

function underAdvisoryLocks<T>(names: string[], fn: () => Promise<T>): Promise<T> {
  // The transaction must outlive the inserts it guards: were it to time out first, the locks would be
  // released while rows are still being written. Each INSERT (one per month a flush spans) is bounded
  // by the client's request timeout; half an hour is longer than any flush gets to run.
  return db().$transaction(
    async (tx) => {
      for (const name of names) await takeWriteLock(tx, name);
      return fn();
    },
    { maxWait: ID_LEASE_WAIT_MS, timeout: 30 * 60_000 },
  );
}

async function underLeases<T>(names: string[], fn: () => Promise<T>): Promise<T> {
  const held: string[] = [];
  let lost = false;
  const beat = setInterval(() => {
    for (const name of held) extendLease(name, HOLDER, ID_LEASE_MS).then((ok) => (lost ||= !ok), () => undefined);
  }, ID_LEASE_MS / 5);
  beat.unref();
  try {
    const deadline = Date.now() + ID_LEASE_WAIT_MS;
    for (const name of names) {
      while (!(await tryAcquireLease(name, HOLDER, ID_LEASE_MS))) {
        if (Date.now() > deadline) throw new Error("ingest: another writer has held this organization's id lock for a minute; retry the batch");
        await new Promise((r) => setTimeout(r, 5 + Math.random() * 10));
      }
      held.push(name);
    }
    // A stall past expiry may have let another writer in: check before writing anything.
    for (const name of held) lost ||= !(await extendLease(name, HOLDER, ID_LEASE_MS));
    if (lost) throw new Error("ingest: this writer stalled past its id lock's expiry; retry the batch");
    return await fn();
  } finally {
    clearInterval(beat);
    for (const name of held) await releaseLease(name, HOLDER).catch(() => undefined);
  }
}
