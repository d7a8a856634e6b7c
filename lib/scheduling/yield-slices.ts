/**
 * Lets long chains of awaits give the event loop back every few milliseconds. The configuration
 * database's driver is synchronous, so a loop of its queries resolves entirely in microtasks and no
 * waiting HTTP request is served until the loop ends; in embedded mode the workers share that thread
 * with the web server. Call the returned function once per step.
 *
 * The slice is shared by every loop of the process. Each loop used to keep its own: loops that
 * yielded together (the budget, monitor and SLO passes, the gateway check's rebuild) were resumed
 * together, one after the other in the same turn of the event loop, so a request waited for the sum
 * of their slices (measured: the check's p99 went from 3 ms to 7-14 ms while three passes ran). Now
 * one waiting loop is resumed per turn, and whichever loops run in that turn share its few milliseconds.
 */
export function yieldEvery(ms = 2): () => Promise<void> {
  const s = sharedScheduler();
  return async () => {
    await s.pause(ms);
  };
}

type Clock = () => number;
type Defer = (resume: () => void) => void;

export class SliceScheduler {
  private readonly waiting: (() => void)[] = [];
  private turnQueued = false;
  private sliceStart: number;

  /** `defer` must run its callback in a later turn of the event loop, after pending I/O (setImmediate). */
  constructor(
    private readonly now: Clock = () => performance.now(),
    private readonly defer: Defer = (resume) => void setImmediate(resume),
  ) {
    this.sliceStart = now();
  }

  /** Undefined while the current slice lasts; otherwise a promise settled when this caller's turn comes. */
  pause(ms: number): Promise<void> | undefined {
    if (this.now() - this.sliceStart < ms) return undefined;
    return new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      this.queueTurn();
    });
  }

  /** Loops waiting for a turn (for tests). */
  get waiters(): number {
    return this.waiting.length;
  }

  private queueTurn(): void {
    if (this.turnQueued || this.waiting.length === 0) return;
    this.turnQueued = true;
    this.defer(() => {
      this.turnQueued = false;
      this.sliceStart = this.now();
      this.waiting.shift()!();
      // Queued from inside the deferred callback, so the next one waits for the next turn.
      this.queueTurn();
    });
  }
}

// On globalThis: Next.js bundles route handlers and instrumentation (where the workers run)
// separately, each with its own copy of this module, and they must share one slice.
const g = globalThis as typeof globalThis & { __finopsSlices?: SliceScheduler };
const sharedScheduler = () => (g.__finopsSlices ??= new SliceScheduler());
