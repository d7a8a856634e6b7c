/**
 * What a collector (a provider usage puller, a Prometheus scraper) is to the sources framework.
 *
 * Types only, below every capability: lib/sources owns source rows, credentials, schedules, leases,
 * state and progress, and runs whichever collector a source's type names; the collectors
 * (lib/provider-billing, lib/selfhosted) know their wire formats and their tables and never import
 * lib/sources. A collector is a function of (config, cursor, now): everything it must remember between
 * runs is in the cursor it returns, which the framework stores only after the run succeeded, so a crash
 * mid-run repeats the run from the previous cursor. Collectors therefore write idempotently (upsert by a
 * natural key, never append), which is also what re-pulling a provider's still-open buckets needs.
 */
import type { z } from "zod";

export const SOURCE_TYPES = ["openai", "anthropic", "prometheus_scrape", "prometheus_api"] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/**
 * backfilling: the first pull of `backfill_days` is under way; ok: the last run succeeded;
 * retrying: the last run failed in a way that may pass (429, 5xx, a timeout) and a retry is scheduled;
 * stopped: a failure that will not pass by waiting (a refused credential, an invalid config), so the
 * source waits for its configuration to change; paused: switched off by a person.
 */
export const SOURCE_STATES = ["backfilling", "ok", "retrying", "stopped", "paused"] as const;
export type SourceState = (typeof SOURCE_STATES)[number];

export type CollectorRun = {
  orgId: string;
  sourceId: string;
  sourceName: string;
  /** validated by the collector's configSchema, secrets already decrypted */
  config: Record<string, unknown>;
  /** what the last successful run returned; null before the first one */
  cursor: unknown;
  now: Date;
  /** aborted when the run's lease is lost or the process stops */
  signal: AbortSignal;
  log: (line: string) => void;
  /** backfill progress 0..1, shown as a bar on the Sources page; cheap to call often */
  progress: (fraction: number) => Promise<void>;
};

export type CollectorOutcome = {
  /** stored only because this run succeeded; handed back as `cursor` next time (plain JSON) */
  cursor: unknown;
  /** true once the initial backfill window has been pulled completely */
  backfillDone: boolean;
  /** counts for the run history, e.g. { buckets: 24, rows: 310 } */
  stats?: Record<string, number>;
  /** sooner than the regular interval when a backfill has more pages to go */
  nextRunAt?: Date;
};

export type CollectorErrorKind = "auth" | "config" | "rate_limited" | "unavailable" | "bad_response";

/**
 * A failure a person can act on. `message` is shown on the Sources page as is, so it says what happened
 * and what to do ("OpenAI refused the admin key (401): create an admin key at ... and paste it again"),
 * and never contains a credential. auth and config stop the source until its configuration changes;
 * the others are retried with backoff, no sooner than `retryAfterMs` when the server said so.
 */
export class CollectorError extends Error {
  constructor(
    message: string,
    public readonly kind: CollectorErrorKind,
    public readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "CollectorError";
  }

  get stopsSource(): boolean {
    return this.kind === "auth" || this.kind === "config";
  }
}

/**
 * `instanceof` is not enough: Next.js loads the route handlers and the worker loop as separate module
 * graphs in one process, and the collector registry (kept on globalThis) holds whichever graph's
 * collectors came first, so their errors can be instances of another copy of this class. A refused
 * key was then taken for an unexpected error and retried forever instead of stopping its source.
 */
export function isCollectorError(err: unknown): err is CollectorError {
  if (err instanceof CollectorError) return true;
  if (!(err instanceof Error) || err.name !== "CollectorError") return false;
  const kind = (err as { kind?: unknown }).kind;
  return kind === "auth" || kind === "config" || kind === "rate_limited" || kind === "unavailable" || kind === "bad_response";
}

export type Collector = {
  type: SourceType;
  /** validates `config` as sent to POST/PATCH /api/v1/sources; its messages name the field */
  configSchema: z.ZodType<Record<string, unknown>>;
  /** config keys encrypted at rest, never returned by the API nor logged (admin_key, bearer_token) */
  secretFields: readonly string[];
  /** time between runs once the backfill is done (interval_s for scrapes, a few minutes for pullers) */
  intervalMs: (config: Record<string, unknown>) => number;
  run: (ctx: CollectorRun) => Promise<CollectorOutcome>;
};
