export type WorkerContext = { log: (line: string) => void };

export type Worker = {
  name: string;
  intervalMs: number;
  /** One pass. Returns true when it did work and should run again at once (a queue not yet empty). */
  run: (ctx: WorkerContext) => Promise<boolean>;
  /** Called once when the process stops, after the loop's last pass: end work still in flight. */
  stop?: () => Promise<void>;
};
