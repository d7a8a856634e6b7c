import "server-only";

/**
 * The embedded engine runs one statement at a time, in whatever order they reach it, so a dashboard
 * read that arrives while a group commit is inserting waits for the whole insert. Here reads go first:
 * a write (or a background read) about to start waits while any read is running or queued, for at
 * most MAX_WAIT_MS so that writes still progress under a steady stream of readers. Writes are cut
 * into bounded inserts (lib/ledger/insert-plan.ts), small while readers are present (readRecently)
 * and larger when none are, so a read that arrives mid-insert waits for one small insert, not a
 * whole flush. Measured with `npm run bench` (README, issue 10): the overview's p95 during ingestion
 * fell by about a third, and ingestion while a reader asks by about 30%.
 *
 * Process-wide on globalThis: route handlers and the in-process workers are separate module graphs
 * but share the one engine.
 */
export const MAX_WAIT_MS = 250;

/** A read within this long counts as readers being present (a dashboard page asks its queries within seconds). */
export const RECENT_READ_MS = 5_000;

/** reads: every read running or queued; readers: those of them asked for a person (not the write path's own lookups). */
type Turns = { reads: number; readers: number; waiting: Set<() => void>; lastReadEnd: number };
const KEY = Symbol.for("llm-finops.clickhouse.engine-turns");
const turns: Turns = ((globalThis as Record<symbol, Turns>)[KEY] ??= { reads: 0, readers: 0, waiting: new Set(), lastReadEnd: -Infinity });

/**
 * Runs a read that someone is waiting for; writes hold back while it runs. `forWrite` marks the write
 * path's own lookups (ingest's duplicate check): they go first too, but are not readers, so they do not
 * make writes cut themselves small (readRecently).
 */
export async function asRead<T>(run: () => Promise<T>, forWrite = false): Promise<T> {
  turns.reads++;
  if (!forWrite) turns.readers++;
  try {
    return await run();
  } finally {
    if (!forWrite) {
      turns.readers--;
      turns.lastReadEnd = performance.now();
    }
    if (--turns.reads === 0) for (const wake of [...turns.waiting]) wake();
  }
}

/** Runs a write or a background read once no read is running or queued (or MAX_WAIT_MS has passed). */
export async function afterReads<T>(run: () => Promise<T>): Promise<T> {
  if (turns.reads > 0) {
    await new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        turns.waiting.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, MAX_WAIT_MS);
      turns.waiting.add(wake);
    });
  }
  return run();
}

/** Whether a reader's read is running or queued, or ended within RECENT_READ_MS: writes then go in small pieces. */
export function readRecently(now = performance.now()): boolean {
  return turns.readers > 0 || now - turns.lastReadEnd < RECENT_READ_MS;
}

/** Reads running or queued now (for tests). */
export function readsInFlight(): number {
  return turns.reads;
}
