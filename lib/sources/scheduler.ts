import "server-only";
import { claimDue } from "./lease";
import { runClaim } from "./run-one";
import { sourceRunSettings, type SourceRunSettings } from "./settings";

type Log = (line: string) => void;

/**
 * Runs due sources, up to `concurrency` at once per process. A pass claims only as many as there are
 * free slots and does not wait for runs to end: a slow or hanging source holds one slot (until its
 * timeout) and never delays the others, which are claimed at the next pass.
 */
export class SourceScheduler {
  private readonly inflight = new Map<string, Promise<void>>();
  private readonly stopping = new AbortController();

  constructor(private readonly settings: SourceRunSettings = sourceRunSettings()) {}

  get running(): number {
    return this.inflight.size;
  }

  /** One pass; true while runs are in flight (after waiting up to `waitMs` for one to end), so the loop comes back soon. */
  async pass(log: Log, waitMs = 1000): Promise<boolean> {
    if (this.stopping.signal.aborted) return false;
    const free = this.settings.concurrency - this.inflight.size;
    const claims = await claimDue(new Date(), free, this.settings.leaseMs, new Set(this.inflight.keys()));
    for (const c of claims) {
      const p = runClaim(c, this.settings, log, this.stopping.signal)
        .then(() => undefined)
        .catch((err) => log(`source ${c.sourceId}: the run could not be recorded: ${err instanceof Error ? err.message : String(err)}`))
        .finally(() => this.inflight.delete(c.sourceId));
      this.inflight.set(c.sourceId, p);
    }
    if (this.inflight.size === 0) return false;
    await Promise.race([new Promise((r) => setTimeout(r, waitMs).unref?.()), ...this.inflight.values()]);
    return true;
  }

  /** Aborts the runs in flight (their leases are released to expiry) and waits for them to settle. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled(this.inflight.values());
  }

  /** Waits for every run in flight to end (tests, `--once`). */
  async idle(): Promise<void> {
    while (this.inflight.size) await Promise.allSettled(this.inflight.values());
  }
}
