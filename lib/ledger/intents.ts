import "server-only";
import { randomUUID } from "node:crypto";
import { chInsert, chQuery } from "@/lib/clickhouse/query";
import type { OrgHours } from "./org-hours";

/**
 * The write-ahead record of the ledger: before rows go into llm_events, the org-hours they touch are
 * stored in `ledger_intents` (+1); once the rows and their materialized view are both written, the
 * intent is cleared (-1, CollapsingMergeTree folds the pair away). An intent still open at start-up
 * marks hours whose rollup may lack (part of) a write cut short by a crash; the repair recomputes
 * exactly those hours.
 *
 * Clearing is lazy: clears ride along with the next intent's INSERT (or a timer when idle), so a
 * write costs one extra small INSERT, not two. An intent cleared in memory but not yet on disk when
 * the process dies is merely checked again at start-up, which finds nothing to repair.
 */
export type Intent = { id: string; orgHours: OrgHours };

type IntentRow = { intent_id: string; org_id: string; hours: string[]; writer: string; sign: number };

const CLEAR_DELAY_MS = 1000;

export class IntentLog {
  private clears: Intent[] = [];
  private timer: NodeJS.Timeout | null = null;

  /** Durably records the hours a write is about to touch. Throws when it cannot: then write nothing. */
  async open(orgHours: OrgHours, writer: string): Promise<Intent> {
    const intent: Intent = { id: randomUUID(), orgHours };
    const clears = this.takeClears();
    try {
      await chInsert("ledger_intents", [...rowsOf(intent, writer, 1), ...clears.flatMap((c) => rowsOf(c, "", -1))], { tag: "ledger.intent.open" });
    } catch (err) {
      this.clears.unshift(...clears);
      throw err;
    }
    return intent;
  }

  /** The write and its rollup are complete (or repaired): forget the intent, soon. */
  close(intent: Intent): void {
    this.clears.push(intent);
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flushClears().catch(() => undefined), CLEAR_DELAY_MS);
      this.timer.unref?.();
    }
  }

  /** Writes pending clears now. A failure leaves them open, so the next start checks them again. */
  async flushClears(): Promise<void> {
    const clears = this.takeClears();
    if (!clears.length) return;
    try {
      await chInsert("ledger_intents", clears.flatMap((c) => rowsOf(c, "", -1)), { tag: "ledger.intent.clear" });
    } catch (err) {
      this.clears.unshift(...clears);
      throw err;
    }
  }

  /** Intents recorded and never cleared: at start-up, the writes a crash may have cut short. */
  async listOpen(): Promise<Intent[]> {
    const rows = await chQuery<{ intent_id: string; org_id: string; hours: string[] }>(
      `SELECT intent_id, org_id, argMax(hours, sign) AS hours FROM ledger_intents
       GROUP BY intent_id, org_id HAVING sum(sign) > 0`,
      { tag: "ledger.intent.list", timeoutSeconds: 300 },
    );
    const byId = new Map<string, Intent>();
    for (const r of rows) {
      let intent = byId.get(r.intent_id);
      if (!intent) byId.set(r.intent_id, (intent = { id: r.intent_id, orgHours: new Map() }));
      intent.orgHours.set(r.org_id, new Set(r.hours));
    }
    return [...byId.values()];
  }

  private takeClears(): Intent[] {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const out = this.clears;
    this.clears = [];
    return out;
  }
}

/** One row per organization; a clear (-1) repeats the sorting key, which is all the fold needs. */
function rowsOf(intent: Intent, writer: string, sign: 1 | -1): IntentRow[] {
  return [...intent.orgHours].map(([org, hours]) => ({ intent_id: intent.id, org_id: org, hours: sign === 1 ? [...hours] : [], writer, sign }));
}

const KEY = Symbol.for("llm-finops.ledger-intents");
const g = globalThis as unknown as Record<symbol, IntentLog | undefined>;

export function intentLog(): IntentLog {
  return (g[KEY] ??= new IntentLog());
}
