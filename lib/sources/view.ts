import "server-only";
import type { SourceState, SourceType } from "@/lib/source-contract/collector";
import { parseStoredConfig, redactConfig } from "./config";
import type { RunView } from "./run-history";
import { workerOf } from "@/lib/db/leases";

export type SourceRow = {
  id: string;
  orgId: string;
  type: string;
  name: string;
  config: string;
  state: string;
  cursor: string | null;
  backfillDone: boolean;
  backfillProgress: number;
  lastRunAt: Date | null;
  lastSuccessAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  consecutiveFailures: number;
  nextRunAt: Date | null;
  leaseOwner: string | null;
  leaseUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

/** What the API answers and the pages show of a source: never a secret; of the lease, only the worker process holding it. */
export type SourceView = {
  id: string;
  type: SourceType;
  name: string;
  config: Record<string, unknown>;
  state: SourceState;
  running: boolean;
  /** `host:pid` of the worker running it now (null when not running). */
  worker: string | null;
  last_success_at: string | null;
  last_run_at: string | null;
  next_run_at: string | null;
  backfill_done: boolean;
  backfill_progress: number;
  last_error: string | null;
  last_error_at: string | null;
  consecutive_failures: number;
  lag_seconds: number | null;
  created_at: string;
  updated_at: string;
  runs?: RunView[];
};

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * How far behind the data is: from the newest data the collector's cursor reports (`dataUntil`, an ISO
 * time) when it has one, else from the last successful run; null before any success.
 */
export function lagSeconds(row: Pick<SourceRow, "cursor" | "lastSuccessAt">, now: Date): number | null {
  let from: Date | null = null;
  if (row.cursor) {
    try {
      const c = JSON.parse(row.cursor) as { dataUntil?: unknown };
      if (typeof c?.dataUntil === "string" && !Number.isNaN(Date.parse(c.dataUntil))) from = new Date(c.dataUntil);
    } catch {
      // a cursor that is not JSON falls back to the last success
    }
  }
  from ??= row.lastSuccessAt;
  return from ? Math.max(0, Math.round((now.getTime() - from.getTime()) / 1000)) : null;
}

export function toView(row: SourceRow, now = new Date()): SourceView {
  const running = row.leaseOwner !== null && !!row.leaseUntil && row.leaseUntil > now;
  return {
    id: row.id,
    type: row.type as SourceType,
    name: row.name,
    config: redactConfig(parseStoredConfig(row.config)),
    state: row.state as SourceState,
    running,
    worker: running ? workerOf(row.leaseOwner!) : null,
    last_success_at: iso(row.lastSuccessAt),
    last_run_at: iso(row.lastRunAt),
    next_run_at: iso(row.nextRunAt),
    backfill_done: row.backfillDone,
    backfill_progress: row.backfillProgress,
    last_error: row.lastError,
    last_error_at: iso(row.lastErrorAt),
    consecutive_failures: row.consecutiveFailures,
    lag_seconds: lagSeconds(row, now),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/** What the audit log keeps: the redacted config (secrets only as set), never a lease or cursor. */
export function auditView(row: SourceRow) {
  return { id: row.id, type: row.type, name: row.name, state: row.state, config: redactConfig(parseStoredConfig(row.config)) };
}
