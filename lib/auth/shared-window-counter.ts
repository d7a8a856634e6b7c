import "server-only";
import { addToCounter, readCounter } from "./rate-counter";

export type TakeResult = { ok: true } | { ok: false; retryAfterMs: number };

type Entry = {
  windowStart: number;
  /** the count in the database at the last sync (includes what this process flushed) */
  base: number;
  /** taken here since the last flush */
  pending: number;
  loaded: Promise<void>;
  lastUse: number;
};

/**
 * Counters over fixed, clock-aligned windows (a minute, a UTC day) that every server process
 * shares through the configuration database without a write per request: each process decides from
 * the last known total plus what it took itself, and adds its takes to the shared row about once a
 * second. One process is exact; with N processes a key can go over by what the other N-1 took in
 * the last second. The row survives restarts, so a daily quota does too.
 */
export class SharedWindowCounters {
  private entries = new Map<string, Entry>();
  private timer: NodeJS.Timeout | null = null;
  private syncing: Promise<void> | null = null;

  constructor(private readonly syncEveryMs = 1000) {}

  async take(key: string, limit: number, windowMs: number, n: number, now = Date.now()): Promise<TakeResult> {
    const windowStart = Math.floor(now / windowMs) * windowMs;
    const entry = this.entry(key, windowStart);
    await entry.loaded;
    if (entry.base + entry.pending + n > limit) return { ok: false, retryAfterMs: windowStart + windowMs - now };
    entry.pending += n;
    entry.lastUse = now;
    this.schedule();
    return { ok: true };
  }

  private entry(key: string, windowStart: number): Entry {
    const id = `${key}@${windowStart}`;
    let e = this.entries.get(id);
    if (!e) {
      const fresh: Entry = { windowStart, base: 0, pending: 0, lastUse: Date.now(), loaded: Promise.resolve() };
      fresh.loaded = readCounter(key, windowStart).then(
        (s) => void (fresh.base = s?.count ?? 0),
        (err) => console.error(`[limits] could not read ${key}:`, err instanceof Error ? err.message : err),
      );
      this.entries.set(id, fresh);
      e = fresh;
    }
    return e;
  }

  private schedule() {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.sync();
    }, this.syncEveryMs);
    this.timer.unref?.();
  }

  /** Flushes what this process took and learns what the others did. Also used by tests. */
  sync(now = Date.now()): Promise<void> {
    this.syncing ??= this.syncOnce(now).finally(() => (this.syncing = null));
    return this.syncing;
  }

  private async syncOnce(now: number) {
    for (const [id, e] of this.entries) {
      const key = id.slice(0, id.lastIndexOf("@"));
      const taken = e.pending;
      e.pending = 0;
      try {
        if (taken > 0) e.base = (await addToCounter(key, taken, e.windowStart, e.windowStart)).count;
        else e.base = (await readCounter(key, e.windowStart))?.count ?? e.base;
      } catch (err) {
        e.pending += taken;
        console.error(`[limits] could not sync ${key}:`, err instanceof Error ? err.message : err);
        continue;
      }
      // A counter nobody used for a while is dropped once flushed; the database keeps its total.
      if (e.pending === 0 && now - e.lastUse > 5_000) this.entries.delete(id);
    }
    if ([...this.entries.values()].some((e) => e.pending > 0)) this.schedule();
  }
}
