import "server-only";
import { randomUUID } from "node:crypto";
import { chInsert, chQuery } from "@/lib/clickhouse/query";
import type { OrgHours } from "./org-hours";
import { LEDGER_INTENTS } from "@/lib/clickhouse/tables";

/**
 * The ledger's write-ahead record. Before rows go into llm_events, the org-hours they touch must be
 * covered by an intent stored in `ledger_intents` (+1); an intent is cleared (-1, which the
 * CollapsingMergeTree folds away) only once no write touching its hours is in flight. An intent
 * still open at start-up marks hours whose rollup may lack part of a write that a crash cut short,
 * and the start-up repair recomputes exactly those hours.
 *
 * An open intent is reused: a write whose hours are all covered already costs no INSERT, and an
 * intent is cleared after its hours have been idle for `quietMs`. Steady ingest into the current
 * hours thus adds about one small INSERT per organization and hour instead of one per flush (each
 * costs a new part, 5-25 ms measured on the embedded engine); the price is that a crash makes the
 * start-up check the hours written in the last few seconds, which are few and find nothing to do.
 */
export type Intent = { id: string; orgHours: OrgHours };
export type IntentLease = { keys: string[] };

type HourState = { intentId: string; inflight: number; idleSince: number; open: boolean; ready: Promise<void> };
type IntentRow = { intent_id: string; org_id: string; hours: string[]; writer: string; sign: number };

const SEP = "\u0000";

export class IntentLog {
  /** "org\0hour" -> the intent covering it (opening or open, never one being cleared). */
  private readonly hours = new Map<string, HourState>();
  private readonly intents = new Map<string, string[]>();
  private clears: Intent[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly quietMs = 5000) {}

  /** Resolves once every hour of `orgHours` is durably covered; throws if that cannot be done. */
  async acquire(orgHours: OrgHours, writer: string): Promise<IntentLease> {
    const keys = [...orgHours].flatMap(([org, hours]) => [...hours].map((h) => `${org}${SEP}${h}`));
    const fresh: string[] = [];
    const waits = new Set<Promise<void>>();
    // Synchronous up to the first await: a sweep cannot clear an hour counted here.
    for (const key of keys) {
      let state = this.hours.get(key);
      if (!state) {
        state = { intentId: "", inflight: 0, idleSince: 0, open: false, ready: Promise.resolve() };
        this.hours.set(key, state);
        fresh.push(key);
      }
      state.inflight++;
      if (!state.open) waits.add(state.ready);
    }
    if (fresh.length) waits.add(this.open(fresh, writer));
    try {
      await Promise.all(waits);
    } catch (err) {
      this.release({ keys });
      throw err;
    }
    return { keys };
  }

  /** The write holding the lease is over: its rows and their view are stored (or repaired). */
  release(lease: IntentLease): void {
    const now = Date.now();
    for (const key of lease.keys) {
      const state = this.hours.get(key);
      if (!state) continue;
      state.inflight--;
      state.idleSince = now;
    }
    this.schedule();
  }

  /** Clears every intent whose hours are idle now, without waiting for the quiet time (tests, shutdown). */
  async flushClears(): Promise<void> {
    this.sweep(0);
    const clears = this.takeClears();
    if (!clears.length) return;
    try {
      await chInsert(LEDGER_INTENTS, clears.flatMap((c) => rowsOf(c, "", -1)), { tag: "ledger.intent.clear" });
    } catch (err) {
      this.clears.unshift(...clears);
      throw err;
    }
  }

  /** Intents stored and never cleared: at start-up, the writes a crash may have cut short. */
  async listOpen(): Promise<Intent[]> {
    const rows = await chQuery<{ intent_id: string; org_id: string; hours: string[] }>(
      `SELECT intent_id, org_id, argMax(hours, sign) AS hours FROM ${LEDGER_INTENTS}
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

  /** Clears intents read by listOpen once their hours are repaired (start-up, nothing in flight). */
  async clearStored(intents: Intent[]): Promise<void> {
    if (intents.length) await chInsert(LEDGER_INTENTS, intents.flatMap((c) => rowsOf(c, "", -1)), { tag: "ledger.intent.clear" });
  }

  private async open(keys: string[], writer: string): Promise<void> {
    const id = randomUUID();
    const intent: Intent = { id, orgHours: toOrgHours(keys) };
    const clears = this.takeClears();
    const ready = chInsert(LEDGER_INTENTS, [...rowsOf(intent, writer, 1), ...clears.flatMap((c) => rowsOf(c, "", -1))], { tag: "ledger.intent.open" });
    for (const key of keys) Object.assign(this.hours.get(key)!, { intentId: id, ready });
    this.intents.set(id, keys);
    try {
      await ready;
    } catch (err) {
      // Never stored: forget it, so the next write opens its hours again.
      this.clears.unshift(...clears);
      for (const key of keys) this.hours.delete(key);
      this.intents.delete(id);
      throw err;
    }
    for (const key of keys) {
      const state = this.hours.get(key);
      if (state) state.open = true;
    }
  }

  /** Moves intents idle for `quietMs` to the clears; synchronous, so no write can join one meanwhile. */
  private sweep(quietMs: number) {
    const now = Date.now();
    for (const [id, keys] of this.intents) {
      const idle = keys.every((k) => {
        const s = this.hours.get(k);
        return s !== undefined && s.open && s.inflight === 0 && now - s.idleSince >= quietMs;
      });
      if (!idle) continue;
      for (const k of keys) this.hours.delete(k);
      this.intents.delete(id);
      this.clears.push({ id, orgHours: toOrgHours(keys) });
    }
  }

  private schedule() {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.sweep(this.quietMs);
      if (this.clears.length) void this.flushClears().catch(() => undefined); // left open: checked at the next start
      if (this.intents.size) this.schedule();
    }, this.quietMs);
    this.timer.unref?.();
  }

  private takeClears(): Intent[] {
    const out = this.clears;
    this.clears = [];
    return out;
  }
}

function toOrgHours(keys: string[]): OrgHours {
  const out: OrgHours = new Map();
  for (const key of keys) {
    const [org, hour] = key.split(SEP);
    let hours = out.get(org);
    if (!hours) out.set(org, (hours = new Set()));
    hours.add(hour);
  }
  return out;
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
