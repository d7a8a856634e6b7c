export type WorkerContext = { log: (line: string) => void };

export type Worker = {
  name: string;
  intervalMs: number;
  /** One pass. Returns true when it did work and should run again at once (a queue not yet empty). */
  run: (ctx: WorkerContext) => Promise<boolean>;
  /**
   * Passes that must not run in two processes at once (evaluations that read and then write alerts):
   * with a ClickHouse server, where any number of worker processes run, one of them holds the loop's
   * lease and runs it; the others skip their passes until that one stops or dies. Loops that claim
   * their own items (re-cost jobs, sources, deliveries) run everywhere.
   */
  exclusive?: boolean;
  /** Called once when the process stops, after the loop's last pass: end work still in flight. */
  stop?: () => Promise<void>;
};
