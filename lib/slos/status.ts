/**
 * An SLO's status from its slices: attainment and error budget over its window, burn rates over the
 * alert windows, the rows of the alert table that fire. Pure (window arithmetic and sums); the
 * reading is in status-load.ts.
 */
import { BURN_WINDOW_MS, type Slice, type SloConfig, type SloStatus } from "./types";
import { SLICE_MS, budgetRemaining, burnRates, firingRules, stateOf } from "./burn";

const DAY_MS = 86_400_000;

export function windowOf(slo: Pick<SloConfig, "windowType" | "windowDays">, now: Date): { from: Date; to: Date } {
  if (slo.windowType === "calendar_month") return { from: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)), to: now };
  return { from: new Date(now.getTime() - slo.windowDays * DAY_MS), to: now };
}

/** What must be read to judge the SLO now: its window, and at least the longest burn window before now. */
export function readRange(slo: Pick<SloConfig, "windowType" | "windowDays">, now: Date): { from: Date; to: Date } {
  const w = windowOf(slo, now);
  const burnFrom = Math.floor(now.getTime() / SLICE_MS) * SLICE_MS - BURN_WINDOW_MS["3d"];
  return { from: new Date(Math.min(w.from.getTime(), burnFrom)), to: new Date(now.getTime() + 1) };
}

export function statusFromSlices(slo: Pick<SloConfig, "target" | "windowType" | "windowDays" | "enabled">, slices: Slice[], now: Date): SloStatus {
  const w = windowOf(slo, now);
  let good = 0;
  let total = 0;
  for (const s of slices) {
    // Whole slices only: one straddling the window's start counts when its middle is inside.
    if (s.start + SLICE_MS / 2 < w.from.getTime() || s.start > now.getTime()) continue;
    good += s.good;
    total += s.total;
  }
  const burn = burnRates(slices, now.getTime(), slo.target);
  const firing = slo.enabled ? firingRules(burn) : [];
  return {
    windowStart: w.from,
    windowEnd: w.to,
    good,
    total,
    attainment: total > 0 ? good / total : null,
    budgetRemaining: budgetRemaining(good, total, slo.target),
    burn,
    state: slo.enabled ? stateOf(firing, total > 0) : "disabled",
    firing,
  };
}

export type ChartPoint = { ts: string; burn_1h: number | null; budget_remaining: number | null };

/**
 * Hourly points over the window: the hour's burn rate, and the budget left at the end of the hour
 * (cumulative from the window's start), for the burn and budget charts.
 */
export function chartSeries(slo: Pick<SloConfig, "target" | "windowType" | "windowDays">, slices: Slice[], now: Date): ChartPoint[] {
  const w = windowOf(slo, now);
  const byHour = new Map<number, { good: number; total: number }>();
  for (const s of slices) {
    if (s.start < w.from.getTime() || s.start > now.getTime()) continue;
    const h = Math.floor(s.start / 3_600_000) * 3_600_000;
    const cur = byHour.get(h) ?? { good: 0, total: 0 };
    cur.good += s.good;
    cur.total += s.total;
    byHour.set(h, cur);
  }
  const out: ChartPoint[] = [];
  let good = 0;
  let total = 0;
  const allowed = (100 - slo.target) / 100;
  for (let h = Math.floor(w.from.getTime() / 3_600_000) * 3_600_000; h <= now.getTime(); h += 3_600_000) {
    const c = byHour.get(h);
    if (c) {
      good += c.good;
      total += c.total;
    }
    const hourBurn = c && c.total > 0 && allowed > 0 ? (c.total - c.good) / c.total / allowed : null;
    out.push({ ts: new Date(h).toISOString(), burn_1h: hourBurn, budget_remaining: budgetRemaining(good, total, slo.target) });
  }
  return out;
}
