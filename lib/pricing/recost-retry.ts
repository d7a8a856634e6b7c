/**
 * When a re-cost job that failed runs again. A failure is most often the store being briefly away
 * (a ClickHouse restart, a timeout under load), which a later run gets past; a job that fails every
 * time (or whose worker dies every time) must stop eventually and say why, rather than loop forever.
 * A re-run is always safe: it starts again from the beginning of its range, and events already
 * re-costed have their new price and are skipped.
 */

/** Runs, counting the first, before a job is failed for good. */
export const RECOST_MAX_ATTEMPTS = 5;

const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 3_600_000;

/** The wait after the given (1-based) attempt failed: 30 s, 2 min, 8 min, 32 min, then at most an hour. */
export function recostRetryDelayMs(failedAttempt: number): number {
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 4 ** Math.max(0, failedAttempt - 1));
}

export type RecostFailureOutcome =
  | { status: "queued"; nextAttemptAt: Date; error: string }
  | { status: "failed"; finishedAt: Date; error: string };

/** What becomes of a job whose run number `attempt` failed with `message`. */
export function afterRecostFailure(attempt: number, message: string, now = new Date()): RecostFailureOutcome {
  const error = message.slice(0, 2000);
  if (attempt >= RECOST_MAX_ATTEMPTS) return { status: "failed", finishedAt: now, error: `gave up after ${attempt} attempts: ${error}`.slice(0, 2000) };
  return { status: "queued", nextAttemptAt: new Date(now.getTime() + recostRetryDelayMs(attempt)), error };
}
