import "server-only";
import { isEmbedded } from "@/lib/config/env";
import { intentLog } from "./intents";
import { ledgerLock } from "./lock";
import { countHours, mergeOrgHours } from "./org-hours";
import { repairRollup } from "./rollup-repair";

type Log = (line: string) => void;

/**
 * Start-up, before the server serves: every write to llm_events that a crash cut short left its
 * intent behind; the rollup of the hours it touched is recomputed from the raw rows, so each event
 * is either counted or not stored at all. A crash during this repair leaves the intents open and the
 * next start repairs again (the repair is idempotent).
 */
export async function repairInterruptedWrites({ log }: { log: Log }): Promise<{ intents: number; rows: number; requests: number }> {
  const open = await intentLog().listOpen();
  if (!open.length) return { intents: 0, rows: 0, requests: 0 };
  const orgHours = mergeOrgHours(open.map((i) => i.orgHours));
  if (!isEmbedded()) {
    // Other processes may be writing these hours right now, and only a lock they all honour makes a
    // repair exact; until there is one, report rather than risk counting a write twice.
    log(`ledger: ${countHours(orgHours)} org-hours of possibly unfinished writes not checked: with a ClickHouse server the repair needs every writer stopped`);
    return { intents: open.length, rows: 0, requests: 0 };
  }
  const t0 = Date.now();
  const result = await ledgerLock().exclusive(() => repairRollup(orgHours));
  await intentLog().clearStored(open);
  // Intents outlive their writes by a few seconds (intents.ts), so after a clean stop this checks
  // the last hours written and finds them complete; after a crash it adds what the view missed.
  log(
    `ledger: rollup of ${countHours(orgHours)} org-hours written before the last stop checked in ${Date.now() - t0} ms; ` +
      (result.rows ? `${result.rows} rollup rows repaired (${result.requests} requests added)` : "complete"),
  );
  return { intents: open.length, ...result };
}
