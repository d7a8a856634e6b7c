/**
 * The ledger's process-wide lock. Writes to llm_events share it; a rollup repair takes it alone.
 * A repair reads the raw rows and the rollup of some hours and inserts the difference, so a write
 * landing between those reads (its raw part visible, its view's part not yet) would be counted
 * twice: once by the repair and once by its own view. Writes among themselves need no exclusion.
 *
 * In embedded mode every writer lives in this process, so this lock is enough. Several processes
 * on a ClickHouse server need a lock they all see (see README, "Ledger integrity").
 *
 * Waiting exclusive holders go first, so a steady stream of writes cannot starve a repair.
 * Kept on globalThis: Next.js loads route handlers and instrumentation as separate module graphs.
 */
type Waiter = { exclusive: boolean; grant: () => void };

export class SharedExclusiveLock {
  private sharedHolders = 0;
  private exclusiveHeld = false;
  private readonly waiting: Waiter[] = [];

  shared<T>(fn: () => Promise<T>): Promise<T> {
    return this.run(false, fn);
  }

  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return this.run(true, fn);
  }

  private async run<T>(exclusive: boolean, fn: () => Promise<T>): Promise<T> {
    await this.acquire(exclusive);
    try {
      return await fn();
    } finally {
      this.release(exclusive);
    }
  }

  private acquire(exclusive: boolean): Promise<void> {
    const free = exclusive ? !this.exclusiveHeld && this.sharedHolders === 0 : !this.exclusiveHeld && this.waiting.length === 0;
    if (free) {
      this.take(exclusive);
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push({ exclusive, grant: resolve }));
  }

  private take(exclusive: boolean) {
    if (exclusive) this.exclusiveHeld = true;
    else this.sharedHolders++;
  }

  private release(exclusive: boolean) {
    if (exclusive) this.exclusiveHeld = false;
    else this.sharedHolders--;
    while (this.waiting.length && !this.exclusiveHeld) {
      const next = this.waiting[0];
      if (next.exclusive && this.sharedHolders > 0) break;
      this.waiting.shift();
      this.take(next.exclusive);
      next.grant();
      if (next.exclusive) break;
    }
  }
}

const KEY = Symbol.for("llm-finops.ledger-lock");
const g = globalThis as unknown as Record<symbol, SharedExclusiveLock | undefined>;

export function ledgerLock(): SharedExclusiveLock {
  return (g[KEY] ??= new SharedExclusiveLock());
}
