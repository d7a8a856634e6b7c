/**
 * Burn rates and the multiwindow alert table of the SRE Workbook (../shared/reference/
 * alerting-budgets-slos.md): burn = error ratio / (1 - target). Pure: slices in, numbers out, so the
 * alert rules are tested on generated SLIs without a database.
 */
import { BURN_WINDOW_MS, type BurnWindow, type FiringRule, type Slice, type SloState } from "./types";

export const SLICE_MS = 5 * 60_000;

export type BurnRule = { severity: "critical" | "warning"; name: string; long: BurnWindow; short: BurnWindow; factor: number };

/** AND within a row, OR across rows. */
export const BURN_RULES: BurnRule[] = [
  { severity: "critical", name: "page: 2% of the budget in 1 h", long: "1h", short: "5m", factor: 14.4 },
  { severity: "critical", name: "page: 5% of the budget in 6 h", long: "6h", short: "30m", factor: 6 },
  { severity: "warning", name: "ticket: 10% of the budget in 3 days", long: "3d", short: "6h", factor: 1 },
];

export const BURN_WINDOWS = Object.keys(BURN_WINDOW_MS) as BurnWindow[];

/**
 * Good and total over the last `windowMs`. Windows are whole slices ending with the current (partial)
 * one: a 5-minute window is the slice in progress plus the one before, so the short window never
 * reads empty just after a slice boundary (which would clear and re-open an alert every 5 minutes).
 */
export function sumWindow(slices: Slice[], now: number, windowMs: number): { good: number; total: number } {
  const from = Math.floor(now / SLICE_MS) * SLICE_MS - windowMs;
  let good = 0;
  let total = 0;
  for (const s of slices) {
    if (s.start < from || s.start > now) continue;
    good += s.good;
    total += s.total;
  }
  return { good, total };
}

/** Error ratio over the allowed ratio; null without any unit in the window. */
export function burnRate(good: number, total: number, targetPercent: number): number | null {
  if (total <= 0) return null;
  // (100 - t) / 100, not 1 - t / 100: 1 - 0.99 is 0.010000000000000009, which puts an exact 14.4x under 14.4.
  const allowed = (100 - targetPercent) / 100;
  const bad = Math.max(0, total - good) / total;
  return allowed > 0 ? bad / allowed : bad > 0 ? Infinity : 0;
}

export function burnRates(slices: Slice[], now: number, targetPercent: number): Record<BurnWindow, number | null> {
  const out = {} as Record<BurnWindow, number | null>;
  for (const w of BURN_WINDOWS) {
    const { good, total } = sumWindow(slices, now, BURN_WINDOW_MS[w]);
    out[w] = burnRate(good, total, targetPercent);
  }
  return out;
}

/** The rows of the table that fire now: both windows of a row at or above its factor. */
export function firingRules(burn: Record<BurnWindow, number | null>): FiringRule[] {
  const out: FiringRule[] = [];
  for (const r of BURN_RULES) {
    const longBurn = burn[r.long];
    const shortBurn = burn[r.short];
    if (longBurn !== null && shortBurn !== null && longBurn >= r.factor && shortBurn >= r.factor) out.push({ ...r, longBurn, shortBurn });
  }
  return out;
}

export function stateOf(firing: FiringRule[], hasData: boolean): SloState {
  if (firing.some((f) => f.severity === "critical")) return "page";
  if (firing.length) return "ticket";
  return hasData ? "ok" : "no_data";
}

/** Share of the error budget left: 1 untouched, 0 spent, negative overspent; null without data. */
export function budgetRemaining(good: number, total: number, targetPercent: number): number | null {
  if (total <= 0) return null;
  const allowedBad = ((100 - targetPercent) / 100) * total;
  const bad = Math.max(0, total - good);
  if (allowedBad <= 0) return bad > 0 ? -Infinity : 1;
  return 1 - bad / allowedBad;
}
