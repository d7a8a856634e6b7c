import "server-only";
import { groupByDimensions, totalsByWindow, type Window } from "@/lib/budgets/ledger";
import { usdToPico as amountToPico } from "@/lib/budgets/money";
import { periodContaining, startOfLocalDate, type PeriodBounds } from "@/lib/budgets/period";
import { listBudgets } from "@/lib/budgets/repository";
import { scopeKey } from "@/lib/budgets/config";
import type { BudgetConfig } from "@/lib/budgets/types";
import { percent, usd } from "../money";
import type { QuarterBounds } from "./quarter";
import type { BudgetPeriodVariance, BudgetVariance } from "./types";

/**
 * Budget variance per budget: each of the budget's own periods (in its time zone and fiscal calendar)
 * that overlaps the quarter and has started, its amount against the ledger's actual spend for that
 * period, read with lib/budgets' ledger query. A period reaching outside the quarter (a year budget, a
 * week across the quarter's edge) is counted whole and marked `partial`.
 */

const MAX_PERIODS = 100; // a daily budget has at most 92 in a quarter

/** The budget's periods overlapping the quarter's local dates (its own zone), started by `now`. */
export function periodsInQuarter(b: BudgetConfig, q: QuarterBounds, now: Date): (PeriodBounds & { partial: boolean })[] {
  const rule = { period: b.period, timezone: b.timezone, fiscalYearStartMonth: b.fiscalYearStartMonth, weekStartsOn: b.weekStartsOn };
  const first = startOfLocalDate({ y: q.year, m: (q.q - 1) * 3 + 1, d: 1 }, b.timezone);
  const endMonth = q.q * 3 + 1;
  const last = startOfLocalDate(endMonth > 12 ? { y: q.year + 1, m: 1, d: 1 } : { y: q.year, m: endMonth, d: 1 }, b.timezone);
  const out: (PeriodBounds & { partial: boolean })[] = [];
  let p = periodContaining(first, rule);
  while (p.start < last && p.start <= now && out.length < MAX_PERIODS) {
    out.push({ ...p, partial: p.start < first || p.end > last });
    p = periodContaining(p.end, rule);
  }
  return out;
}

export async function budgetVariance(orgId: string, q: QuarterBounds, now: Date): Promise<BudgetVariance[]> {
  const budgets = await listBudgets(orgId);
  if (budgets.length === 0) return [];
  const periods = new Map(budgets.map((b) => [b.id, periodsInQuarter(b, q, now)]));
  // Distinct windows shared by budgets on the same calendar: one ledger query per scope shape.
  const windows: Window[] = [];
  const windowIndex = new Map<string, number>();
  const indexOf = (p: PeriodBounds) => {
    const k = `${p.start.getTime()}-${p.end.getTime()}`;
    let i = windowIndex.get(k);
    if (i === undefined) {
      i = windows.push({ start: p.start.getTime(), end: p.end.getTime() }) - 1;
      windowIndex.set(k, i);
    }
    return i;
  };
  const actuals = new Map<string, bigint[]>();
  for (const { dims, budgets: group } of groupByDimensions(budgets).values()) {
    const needs = group.map((b) => ({ scope: b.scope, windows: periods.get(b.id)!.map(indexOf) }));
    const totals = await totalsByWindow(orgId, dims, needs, windows);
    for (const b of group) {
      const byWindow = totals.get(scopeKey(dims, b.scope));
      actuals.set(b.id, periods.get(b.id)!.map((p) => byWindow?.get(indexOf(p))?.costPico ?? 0n));
    }
  }
  return budgets.map((b) => {
    const amount = amountToPico(b.amountUsd);
    const spent = actuals.get(b.id) ?? [];
    const rows: BudgetPeriodVariance[] = periods.get(b.id)!.map((p, i) => {
      const actual = spent[i] ?? 0n;
      return {
        period_start: p.start.toISOString(),
        period_end: p.end.toISOString(),
        amount_usd: usd(amount),
        actual_usd: usd(actual),
        variance_usd: usd(actual - amount),
        variance_percent: percent(actual - amount, amount),
        partial: p.partial,
        in_progress: p.end > now,
      };
    });
    const totalAmount = amount * BigInt(rows.length);
    const totalActual = spent.reduce((s, v) => s + v, 0n);
    return {
      id: b.id,
      name: b.name,
      scope: b.scope as Record<string, string>,
      period: b.period,
      timezone: b.timezone,
      amount_usd: usd(amount),
      periods: rows,
      total_amount_usd: usd(totalAmount),
      total_actual_usd: usd(totalActual),
      total_variance_usd: usd(totalActual - totalAmount),
      total_variance_percent: percent(totalActual - totalAmount, totalAmount),
      over_budget_periods: spent.filter((v) => v > amount).length,
    };
  });
}
