import "server-only";
import { chInsert } from "@/lib/clickhouse/query";
import { isEmbedded } from "@/lib/config/env";
import { readRecently } from "@/lib/clickhouse/engine-turns";
import { EMBEDDED_INSERT_ROWS, EMBEDDED_INSERT_ROWS_WHILE_READ, MAX_ROWS_PER_INSERT, planInserts, takeInsert } from "./insert-plan";
import { intentLog } from "./intents";
import { ledgerLock } from "./lock";
import { orgHoursOf } from "./org-hours";
import { repairRollup } from "./rollup-repair";
import { LLM_EVENTS } from "@/lib/clickhouse/tables";

/**
 * The one way rows get into llm_events (ingest and re-costs alike). An INSERT and its materialized
 * view are not atomic, and a failed INSERT may have stored part of its rows (some partitions, or the
 * raw part without its view), so every write:
 *  1. has the org-hours it touches covered by a stored intent before inserting (intents.ts), cleared
 *     only once no write on those hours is in flight; a crash leaves it for the start-up repair;
 *  2. is cut into INSERTs of a bounded number of months and rows (planInserts), so any span is
 *     accepted and, in embedded mode, a dashboard read waits for at most one bounded INSERT (a
 *     small one while reads are being asked, merged pieces while none are: takeInsert);
 *  3. on failure, repairs the rollup of the hours it touched before throwing, so whatever it did
 *     store is counted exactly once and the caller may retry the rest.
 */
export type LedgerRow = { org_id: string; ts: string } & Record<string, unknown>;

export class LedgerWriteError extends Error {
  constructor(readonly cause: unknown) {
    super(`${LLM_EVENTS} write failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** Each group is written by one INSERT (its rows must share a month); see planInserts. */
export async function writeLedgerRows(groups: LedgerRow[][], opts: { tag: string; maxPartitions?: number }): Promise<void> {
  const embedded = isEmbedded();
  const pieces = planInserts(groups, opts.maxPartitions, embedded ? EMBEDDED_INSERT_ROWS_WHILE_READ : MAX_ROWS_PER_INSERT);
  if (!pieces.length) return;
  const orgHours = orgHoursOf(pieces.flat());
  const outcome = await ledgerLock().shared(async () => {
    const lease = await intentLog().acquire(orgHours, opts.tag); // throws before anything is written
    try {
      for (let i = 0; i < pieces.length; ) {
        // Decided before each INSERT: a reader who arrived during the last one gets small pieces from now on.
        const maxRows = !embedded ? MAX_ROWS_PER_INSERT : readRecently() ? EMBEDDED_INSERT_ROWS_WHILE_READ : EMBEDDED_INSERT_ROWS;
        const { rows, next } = takeInsert(pieces, i, maxRows, opts.maxPartitions);
        await chInsert(LLM_EVENTS, rows, { tag: opts.tag });
        i = next;
      }
    } catch (err) {
      return { lease, err };
    }
    intentLog().release(lease);
    return null;
  });
  if (!outcome) return;
  if (isEmbedded()) {
    // Every writer is in this process, so the exclusive lock makes the repair exact. If the repair
    // fails too, the lease is never released: the intent stays open and the next start repairs.
    try {
      await ledgerLock().exclusive(() => repairRollup(orgHours));
      intentLog().release(outcome.lease);
    } catch (repairErr) {
      const why = repairErr instanceof Error ? repairErr.message : String(repairErr);
      console.error(`[ledger] rollup repair after a failed write failed; it runs again at the next start: ${why.slice(0, 300)}`);
    }
  }
  throw new LedgerWriteError(outcome.err);
}
