import "server-only";
import { yieldEvery } from "@/lib/scheduling/yield-slices";
import { forecastPeriodEnd } from "@/lib/forecast/period-forecast";
import { scopeKey } from "./config";
import { groupByDimensions, hourlyHistory, totalsByWindow, type Window } from "./ledger";
import { percentOf, picoNumber, picoUsd, usdToPico } from "./money";
import { addLocal, daysElapsed, formatLocalDate, localDateOf, periodContaining, previousPeriod, type PeriodBounds } from "./period";
import type { BudgetConfig, BudgetStatus, BudgetWithStatus, PeriodTotals } from "./types";

/**
 * The status of every budget of one organization from the ledger, with a few grouped queries per
 * pass (two per distinct set of scope dimensions), never one per budget.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Two weeks of hourly history give the forecast its time-of-week shape. */
export const HISTORY_DAYS = 14;
const ZERO: PeriodTotals = { costPico: 0n, requests: 0, unpricedRequests: 0, unpricedTokens: 0 };

export type StatusOptions = {
  now?: Date;
  /** false: spend only (the gateway check needs no forecast and must be cheap) */
  forecast?: boolean;
};

export async function budgetStatuses(orgId: string, budgets: BudgetConfig[], opts: StatusOptions = {}): Promise<BudgetWithStatus[]> {
  const now = opts.now ?? new Date();
  const withForecast = opts.forecast ?? true;
  // Budgets share calendars (period, zone, fiscal start, week start): each calendar is computed once
  // per pass, since Intl's zone conversions are most of a pass's JavaScript time at 1,000 budgets.
  const calendars = new Map<string, { cur: PeriodBounds; prev: PeriodBounds | null; elapsed: number }>();
  const periods = new Map<string, { cur: PeriodBounds; prev: PeriodBounds | null; elapsed: number }>();
  // A pass shares the server's thread in embedded mode: a thousand forecasts computed in one go would
  // hold every request for most of a second, and so did the calendars of 1,000 budgets on mixed
  // zones and fiscal years (about 40 ms of Intl calls): both hand the thread back every few ms.
  const pause = yieldEvery();
  for (const b of budgets) {
    const key = `${b.period}|${b.timezone}|${b.fiscalYearStartMonth}|${b.weekStartsOn}`;
    let c = calendars.get(key);
    if (!c) {
      await pause();
      const cur = periodContaining(now, b);
      calendars.set(key, (c = { cur, prev: withForecast ? previousPeriod(now, b) : null, elapsed: daysElapsed(now, cur, b.timezone) }));
    }
    periods.set(b.id, c);
  }

  const statuses = new Map<string, BudgetStatus>();
  const spentPico = new Map<string, bigint>();
  for (const { dims, budgets: group } of groupByDimensions(budgets).values()) {
    // Distinct windows: budgets on the same calendar share one.
    const windowIndex = new Map<string, number>();
    const windows: Window[] = [];
    const indexOf = (p: PeriodBounds) => {
      const k = `${p.start.getTime()}:${p.end.getTime()}`;
      let i = windowIndex.get(k);
      if (i === undefined) {
        windowIndex.set(k, (i = windows.length));
        windows.push({ start: p.start.getTime(), end: p.end.getTime() });
      }
      return i;
    };
    const windowsOf = (b: BudgetConfig) => {
      const p = periods.get(b.id)!;
      return p.prev ? [indexOf(p.cur), indexOf(p.prev)] : [indexOf(p.cur)];
    };
    for (const b of group) windowsOf(b);
    const hourStart = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
    const restKey = (b: BudgetConfig) => `${orgId}|${dims.join(",")}|${scopeKey(dims, b.scope)}|${periods.get(b.id)!.cur.start.getTime()}|${periods.get(b.id)!.cur.end.getTime()}|${hourStart}`;
    // The forecast's input is the history up to the current hour, so it is computed once an hour per
    // scope and period; every pass in between reuses it and skips the history read.
    const needHistory = withForecast && group.some((b) => !restCache.has(restKey(b)));
    const [totals, history] = await Promise.all([
      totalsByWindow(orgId, dims, group.map((b) => ({ scope: b.scope, windows: windowsOf(b) })), windows),
      needHistory ? hourlyHistory(orgId, dims, group, now.getTime() - HISTORY_DAYS * DAY_MS, now.getTime()) : Promise.resolve(null),
    ]);
    for (const b of group) {
      await pause();
      const p = periods.get(b.id)!;
      const k = scopeKey(dims, b.scope);
      const cur = totals.get(k)?.get(indexOf(p.cur)) ?? ZERO;
      const prev = p.prev ? (totals.get(k)?.get(indexOf(p.prev)) ?? ZERO) : ZERO;
      spentPico.set(b.id, cur.costPico);
      let rest: Rest | null = null;
      if (withForecast) {
        const rk = restKey(b);
        rest = restCache.get(rk) ?? forecastRest(history?.get(k) ?? [], p.cur, hourStart);
        restCache.set(rk, rest);
      }
      statuses.set(b.id, statusOf(b, p.cur, p.elapsed, cur, prev, rest, now));
    }
  }
  pruneRestCache(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
  const out = budgets.map((b) => ({ ...b, status: statuses.get(b.id)! }));
  addChildren(out, spentPico);
  return out;
}

function statusOf(
  b: BudgetConfig,
  period: PeriodBounds,
  elapsed: number,
  cur: PeriodTotals,
  prev: PeriodTotals,
  rest: Rest | null,
  now: Date,
): BudgetStatus {
  const amount = usdToPico(b.amountUsd);
  const spent = cur.costPico;
  const spentUsd = picoNumber(spent);
  const amountUsd = picoNumber(amount);
  const remainingDays = Math.max(0, period.days - elapsed);
  // The rest of the period was forecast from the start of the current hour; the part of this hour
  // already gone is in `spent`, so it is taken off the forecast pro rata.
  const end = period.end.getTime();
  const hourStart = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  const share = end > hourStart ? Math.max(0, (end - now.getTime()) / (end - hourStart)) : 0;
  const f = rest
    ? { point: spentUsd + rest.point * share, low: spentUsd + rest.low * share, high: spentUsd + rest.high * share }
    : { point: spentUsd, low: spentUsd, high: spentUsd };
  const rate = elapsed > 0 ? spentUsd / elapsed : 0;
  let runsOutOn: string | null = null;
  if (spent < amount && rate > 0) {
    const daysLeft = (amountUsd - spentUsd) / rate;
    const when = now.getTime() + daysLeft * DAY_MS;
    if (when < period.end.getTime()) runsOutOn = formatLocalDate(localDateOf(new Date(when), b.timezone));
  }
  const percent = percentOf(spent, amount);
  return {
    periodStart: period.start.toISOString(),
    periodEnd: period.end.toISOString(),
    periodStartDate: formatLocalDate(period.startDate),
    periodEndDate: formatLocalDate(addLocal(period.startDate, { days: period.days - 1 })),
    spentUsd: picoUsd(spent),
    remainingUsd: picoUsd(amount > spent ? amount - spent : 0n),
    percent,
    forecastUsd: round(f.point),
    forecastLowUsd: round(f.low),
    forecastHighUsd: round(f.high),
    forecastPercent: amountUsd > 0 ? round((f.point / amountUsd) * 100) : 0,
    dailyAllowedUsd: remainingDays > 0 ? round(Math.max(0, amountUsd - spentUsd) / remainingDays) : 0,
    runsOutOn,
    previousPeriodUsd: picoUsd(prev.costPico),
    requests: cur.requests,
    unpricedRequests: cur.unpricedRequests,
    unpricedTokens: cur.unpricedTokens,
    daysElapsed: round(elapsed),
    daysRemaining: round(remainingDays),
    blocked: percent >= b.blockAtPercent,
    children: { count: 0, amountUsd: "0", spentUsd: "0", amountOverParent: false, spentOverParent: false },
    asOf: now.toISOString(),
  };
}

type Rest = { point: number; low: number; high: number };
const REST_KEY = Symbol.for("llm-finops.budget-forecast-rest");
const restCache: Map<string, Rest> = ((globalThis as unknown as Record<symbol, Map<string, Rest>>)[REST_KEY] ??= new Map());

function pruneRestCache(hourStart: number) {
  const suffix = `|${hourStart}`;
  for (const k of restCache.keys()) if (!k.endsWith(suffix)) restCache.delete(k);
}

/**
 * The forecast of what the rest of the period adds, from the start of the current hour (whole hours
 * of history only). Spent so far comes exactly from the period totals, not from this history, which
 * reaches back only HISTORY_DAYS.
 */
function forecastRest(history: { timestamp: number; value: number }[], period: PeriodBounds, hourStart: number): Rest {
  const end = period.end.getTime();
  if (history.length === 0 || end <= hourStart) return { point: 0, low: 0, high: 0 };
  const f = forecastPeriodEnd({ history, periodStart: period.start.getTime(), periodEnd: end, asOf: hourStart });
  const rest = (x: number) => Math.max(0, x - f.actualToDate);
  return { point: rest(f.expectedTotal), low: rest(f.lower), high: rest(f.upper) };
}

/** Direct children's amounts and spend summed onto each parent, and whether either passes the parent's amount. */
function addChildren(all: BudgetWithStatus[], spentPico: Map<string, bigint>) {
  const byId = new Map(all.map((b) => [b.id, b]));
  const sums = new Map<string, { count: number; amount: bigint; spent: bigint }>();
  for (const b of all) {
    if (!b.parentId || !byId.has(b.parentId)) continue;
    const s = sums.get(b.parentId) ?? { count: 0, amount: 0n, spent: 0n };
    s.count++;
    s.amount += usdToPico(b.amountUsd);
    s.spent += spentPico.get(b.id) ?? 0n;
    sums.set(b.parentId, s);
  }
  for (const [id, s] of sums) {
    const parent = byId.get(id)!;
    const amount = usdToPico(parent.amountUsd);
    parent.status.children = {
      count: s.count,
      amountUsd: picoUsd(s.amount),
      spentUsd: picoUsd(s.spent),
      amountOverParent: s.amount > amount,
      spentOverParent: s.spent > amount,
    };
  }
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
