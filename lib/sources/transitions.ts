import { CollectorError, isCollectorError, type CollectorOutcome, type SourceState } from "@/lib/source-contract/collector";
import type { SourceRunSettings } from "./settings";

/** What a finished run changes on its source row; pure, so every transition is testable without a worker. */
export type RunVerdict = {
  runOutcome: "ok" | "retrying" | "stopped";
  state: SourceState;
  nextRunAt: Date | null;
  consecutiveFailures: number;
  error: string | null;
  cursor?: unknown;
  backfillDone?: boolean;
  stats?: Record<string, number>;
};

/** Delay before retry number `failures`: 30 s doubling to 30 min (by default), never sooner than the server asked. */
export function backoffMs(failures: number, s: Pick<SourceRunSettings, "retryBaseMs" | "retryMaxMs">, retryAfterMs?: number): number {
  const exp = Math.min(s.retryMaxMs, s.retryBaseMs * 2 ** Math.max(0, Math.min(30, failures - 1)));
  return Math.max(exp, retryAfterMs ?? 0);
}

export function afterSuccess(outcome: CollectorOutcome, now: Date, intervalMs: number): RunVerdict {
  return {
    runOutcome: "ok",
    state: outcome.backfillDone ? "ok" : "backfilling",
    nextRunAt: outcome.nextRunAt ?? new Date(now.getTime() + intervalMs),
    consecutiveFailures: 0,
    error: null,
    cursor: outcome.cursor,
    backfillDone: outcome.backfillDone,
    stats: outcome.stats,
  };
}

/**
 * A failed run. A CollectorError's message is written for people and shown as is; anything else is an
 * internal fault whose text may hold internals (paths, SQL, a URL with a token), so the page gets a
 * fixed sentence and the details go to the server log only.
 */
export function afterFailure(err: unknown, failuresBefore: number, now: Date, s: SourceRunSettings, timedOut = false): RunVerdict {
  const failures = failuresBefore + 1;
  if (isCollectorError(err) && (err.kind === "auth" || err.kind === "config")) {
    return { runOutcome: "stopped", state: "stopped", nextRunAt: null, consecutiveFailures: failures, error: err.message };
  }
  const delay = backoffMs(failures, s, isCollectorError(err) ? err.retryAfterMs : undefined);
  const when = `retrying in ${humanDuration(delay)}`;
  let reason: string;
  if (timedOut) reason = `The run took longer than ${humanDuration(s.timeoutMs)} and was stopped`;
  else if (isCollectorError(err)) reason = err.message.replace(/[.\s]+$/, "");
  else reason = "The collector failed unexpectedly (an internal error; the server log has the details)";
  return { runOutcome: "retrying", state: "retrying", nextRunAt: new Date(now.getTime() + delay), consecutiveFailures: failures, error: `${reason}; ${when}.` };
}

export function humanDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 120) return `${m} min`;
  return `${Math.round(m / 60)} h`;
}
