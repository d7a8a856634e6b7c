import "server-only";

/**
 * The embedded engine runs one statement at a time, in whatever order they reach it, so a dashboard
 * read that arrives while a group commit is inserting waits for the whole insert. Here reads go first:
 * a write (or a background read) about to start waits while any read is running or queued, for at
 * most MAX_WAIT_MS so that writes still progress under a steady stream of readers. Writes are cut
 * into bounded inserts (see EMBEDDED_INSERT_ROWS in lib/ledger/insert-plan.ts), so a read that
 * arrives mid-insert waits for one bounded insert, not a whole flush.
 *
 * Process-wide on globalThis: route handlers and the in-process workers are separate module graphs
 * but share the one engine.
 */
export const MAX_WAIT_MS = 250;

type Turns = { reads: number; waiting: Set<() => void> };
const KEY = Symbol.for("llm-finops.clickhouse.engine-turns");
const turns: Turns = ((globalThis as Record<symbol, Turns>)[KEY] ??= { reads: 0, waiting: new Set() });

/** Runs a read that someone is waiting for; writes hold back while it runs. */
export async function asRead<T>(run: () => Promise<T>): Promise<T> {
  turns.reads++;
  try {
    return await run();
  } finally {
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

/** Reads running or queued now (for tests). */
export function readsInFlight(): number {
  return turns.reads;
}
