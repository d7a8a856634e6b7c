import "server-only";
import { ledgerGeneration } from "@/lib/clickhouse/ledger-generation";
import { isEmbedded } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import { yieldEvery } from "@/lib/scheduling/yield-slices";
import { scopeKey } from "./config";
import { groupByDimensions, totalsByWindow, type Window } from "./ledger";
import { percentOf, picoUsd, usdToPico } from "./money";
import { periodContaining, type PeriodBounds } from "./period";
import { listBudgets } from "./repository";
import type { BudgetConfig } from "./types";

/**
 * What the gateway check answers from: every budget's spend in its current period, and nothing else
 * (no forecast, no previous period, no local dates). A rebuild runs on the server's own thread, so it
 * is kept to the ledger reads (off-thread, in the engine) and a few milliseconds of JavaScript:
 *  - the budget list is read again only when the table changed (its row count or latest update moved,
 *    which a create, an edit or a soft delete in any process does);
 *  - a calendar's current period is computed once and kept until it ends (Intl's zone conversions
 *    were the largest JavaScript cost of a full status pass);
 *  - in embedded mode, where this process is the ledger's only writer, the ledger is not read again
 *    while no write has finished since the last read (ledgerGeneration), the budget list is the same
 *    and no period has ended: the last entries are still exact.
 */

export type CheckAnswer = {
  id: string;
  name: string;
  period: string;
  amount_usd: string;
  spent_usd: string;
  remaining_usd: string;
  percent: number;
  block_at: number;
  blocked: boolean;
  period_end: string;
};
export type CheckEntry = { budget: BudgetConfig; answer: CheckAnswer };
export type CheckSnapshot = { builtAt: number; entries: CheckEntry[] };

type Listing = { version: string; budgets: BudgetConfig[]; amounts: Map<string, bigint> };
type Calendar = { cur: PeriodBounds; end: string };

type Kept = Map<string, { entry: CheckEntry; spent: bigint; end: string }>;
/** What the last rebuild read: the ledger's write count before its reads, and when its first period ends. */
type LastRead = { generation: number; listing: Listing; until: number; entries: CheckEntry[] };
type Caches = { listings: Map<string, Listing>; calendars: Map<string, Calendar>; entries: Map<string, Kept>; reads: Map<string, LastRead> };
const KEY = Symbol.for("llm-finops.budget-check-caches");
const caches: Caches = ((globalThis as unknown as Record<symbol, Caches>)[KEY] ??= { listings: new Map(), calendars: new Map(), entries: new Map(), reads: new Map() });
caches.reads ??= new Map(); // a process whose caches predate this field (development reloads)

/**
 * Raw SQL rather than a Prisma aggregate: this runs every few seconds on the thread that answers the
 * gateway check, and the query compiler took 2-3 ms of it per call (the raw statement about 0.25 ms).
 * The value is only compared for equality, so the driver's types for count and date do not matter.
 */
async function tableVersion(orgId: string): Promise<string> {
  const [row] = await db().$queryRaw<{ n: unknown; m: unknown }[]>`SELECT COUNT(*) AS n, MAX("updatedAt") AS m FROM "Budget" WHERE "orgId" = ${orgId}`;
  return `${String(row?.n)}:${String(row?.m)}`;
}

/** The organization's live budgets, read again only when the table changed; `force` after a write here. */
async function listing(orgId: string, force: boolean): Promise<Listing> {
  const version = await tableVersion(orgId);
  const known = caches.listings.get(orgId);
  if (known && !force && known.version === version) return known;
  const budgets = await listBudgets(orgId);
  const fresh = { version, budgets, amounts: new Map(budgets.map((b) => [b.id, usdToPico(b.amountUsd)])) };
  caches.listings.set(orgId, fresh);
  return fresh;
}

function calendarOf(b: BudgetConfig, now: Date): Calendar {
  const key = `${b.period}|${b.timezone}|${b.fiscalYearStartMonth}|${b.weekStartsOn}`;
  let c = caches.calendars.get(key);
  if (!c || now.getTime() >= c.cur.end.getTime() || now.getTime() < c.cur.start.getTime()) {
    const cur = periodContaining(now, b);
    caches.calendars.set(key, (c = { cur, end: cur.end.toISOString() }));
  }
  return c;
}

export async function buildCheckSnapshot(orgId: string, opts: { force: boolean; now?: Date }): Promise<CheckSnapshot> {
  const now = opts.now ?? new Date();
  // Read before the ledger is: a write that finishes during the reads below makes the next rebuild read again.
  const generation = ledgerGeneration();
  const list = await listing(orgId, opts.force);
  const last = caches.reads.get(orgId);
  if (isEmbedded() && !opts.force && last && last.generation === generation && last.listing === list && now.getTime() < last.until) {
    return { builtAt: now.getTime(), entries: last.entries };
  }
  const { budgets, amounts } = list;
  const calendars = new Map(budgets.map((b) => [b.id, calendarOf(b, now)]));
  const spent = new Map<string, bigint>();
  await Promise.all(
    [...groupByDimensions(budgets).values()].map(async ({ dims, budgets: group }) => {
      const index = new Map<string, number>();
      const windows: Window[] = [];
      const windowOf = (b: BudgetConfig) => {
        const { start, end } = calendars.get(b.id)!.cur;
        const k = `${start.getTime()}:${end.getTime()}`;
        let i = index.get(k);
        if (i === undefined) {
          index.set(k, (i = windows.length));
          windows.push({ start: start.getTime(), end: end.getTime() });
        }
        return i;
      };
      const needs = group.map((b) => ({ scope: b.scope, windows: [windowOf(b)] }));
      const totals = await totalsByWindow(orgId, dims, needs, windows, { background: true });
      group.forEach((b, i) => {
        spent.set(b.id, totals.get(scopeKey(dims, b.scope))?.get(needs[i].windows[0])?.costPico ?? 0n);
      });
    }),
  );
  // An entry whose budget, period and spend are what the last rebuild saw is kept as it was (most are,
  // five seconds later), and the rest are made in slices: this runs on the thread that answers requests.
  const previous = caches.entries.get(orgId);
  const pause = yieldEvery(2);
  const entries: CheckEntry[] = [];
  const kept = new Map<string, { entry: CheckEntry; spent: bigint; end: string }>();
  for (const b of budgets) {
    const cal = calendars.get(b.id)!;
    const s = spent.get(b.id) ?? 0n;
    const last = previous?.get(b.id);
    const entry = last && last.entry.budget === b && last.spent === s && last.end === cal.end ? last.entry : entryOf(b, amounts.get(b.id)!, s, cal);
    entries.push(entry);
    kept.set(b.id, { entry, spent: s, end: cal.end });
    await pause();
  }
  caches.entries.set(orgId, kept);
  const until = Math.min(...[...calendars.values()].map((c) => c.cur.end.getTime()));
  caches.reads.set(orgId, { generation, listing: list, until, entries });
  return { builtAt: now.getTime(), entries };
}

function entryOf(b: BudgetConfig, amount: bigint, spent: bigint, calendar: Calendar): CheckEntry {
  const percent = percentOf(spent, amount);
  return {
    budget: b,
    answer: {
      id: b.id,
      name: b.name,
      period: b.period,
      amount_usd: b.amountUsd,
      spent_usd: picoUsd(spent),
      remaining_usd: picoUsd(amount > spent ? amount - spent : 0n),
      percent,
      block_at: b.blockAtPercent,
      blocked: percent >= b.blockAtPercent,
      period_end: calendar.end,
    },
  };
}
