import "server-only";
import { scopeDimensions, scopeKey } from "./config";
import { hourlyHistory } from "./ledger";
import { dayStarts, periodContaining } from "./period";
import type { BudgetWithStatus } from "./types";

export type BudgetChartPoint = {
  /** local day start, ISO */
  day: string;
  /** cumulative actual spend at the end of the day (null after today) */
  actual: number | null;
  /** projected cumulative spend (from today to the period end), with its 80% band */
  forecast: number | null;
  band: [number, number] | null;
};

/**
 * The budget page's chart: cumulative spend per local day of the current period, then a projection
 * from today's total to the forecast at period end, its 80% interval widening linearly from today.
 */
export async function budgetChartSeries(b: BudgetWithStatus, now = new Date()): Promise<BudgetChartPoint[]> {
  const period = periodContaining(now, b);
  const dims = scopeDimensions(b.scope);
  const history = (await hourlyHistory(b.orgId, dims, [b], period.start.getTime(), now.getTime())).get(scopeKey(dims, b.scope)) ?? [];
  const starts = dayStarts(period, b.timezone).map((d) => d.getTime());
  const perDay = new Array<number>(starts.length).fill(0);
  for (const p of history) {
    let i = starts.length - 1;
    while (i > 0 && starts[i] > p.timestamp) i--;
    if (p.timestamp >= period.start.getTime() - 3_600_000) perDay[i] += p.value;
  }
  const today = starts.findLastIndex((s) => s <= now.getTime());
  const s = b.status;
  const spent = Number(s.spentUsd);
  const daysAfter = starts.length - 1 - today;
  let cumulative = 0;
  return starts.map((start, i) => {
    cumulative += perDay[i];
    const point: BudgetChartPoint = { day: new Date(start).toISOString(), actual: i <= today ? round(cumulative) : null, forecast: null, band: null };
    if (i >= today) {
      // today's point joins the actual line; the projection rises to the forecast at the last day
      const f = daysAfter === 0 ? 1 : (i - today) / daysAfter;
      point.forecast = round(spent + (s.forecastUsd - spent) * f);
      point.band = [round(spent + (s.forecastLowUsd - spent) * f), round(spent + (s.forecastHighUsd - spent) * f)];
      if (i === today) point.actual = round(spent);
    }
    return point;
  });
}

const round = (x: number) => Math.round(x * 100) / 100;
