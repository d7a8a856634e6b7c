import { seededRandom } from "@/lib/random/seeded";
import { test } from "node:test";
import assert from "node:assert/strict";
import { forecastPeriodEnd, inferStep, type SpendPoint } from "./period-forecast";
import { forecastSum } from "./seasonal-forecast";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;


/** Hourly spend: business-hours peak, weekends at 30%, 10% noise. */
function hourly(from: number, to: number, seed = 1): SpendPoint[] {
  const r = seededRandom(seed);
  const out: SpendPoint[] = [];
  for (let t = from; t < to; t += HOUR) {
    const d = new Date(t);
    const shape = 0.3 + Math.exp(-((d.getUTCHours() - 14) ** 2) / 18);
    const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6 ? 0.3 : 1;
    out.push({ timestamp: t, value: 10 * shape * weekend * (0.9 + 0.2 * r()) });
  }
  return out;
}
const total = (ps: SpendPoint[], from: number, to: number) => ps.filter((p) => p.timestamp >= from && p.timestamp < to).reduce((s, p) => s + p.value, 0);

test("mid-month after a weekend-light start: the seasonal forecast is close, the straight line is not", () => {
  const periodStart = Date.UTC(2026, 2, 1); // Sunday 1 March
  const periodEnd = Date.UTC(2026, 3, 1);
  const all = hourly(periodStart - 56 * DAY, periodEnd, 3);
  // As of Monday 9 March 00:00: the month so far holds two weekend days out of eight.
  const asOf = Date.UTC(2026, 2, 9);
  const f = forecastPeriodEnd({ history: all.filter((p) => p.timestamp < asOf), periodStart, periodEnd, asOf });
  const truth = total(all, periodStart, periodEnd);
  assert.equal(f.shape, "time-of-week");
  assert.ok(Math.abs(f.actualToDate - total(all, periodStart, asOf)) < 1e-9);
  assert.ok(Math.abs(f.expectedTotal - truth) / truth < 0.03, `forecast ${f.expectedTotal} vs ${truth}`);
  assert.ok(f.lower <= truth && truth <= f.upper, `${f.lower}..${f.upper} vs ${truth}`);
  assert.ok(Math.abs(f.straightLine - truth) / truth > 0.05, `straight line ${f.straightLine} vs ${truth}`);
});

test("little history gives a wide interval that narrows as history grows", () => {
  const periodStart = Date.UTC(2026, 2, 1);
  const periodEnd = Date.UTC(2026, 3, 1);
  const asOf = Date.UTC(2026, 2, 10);
  const widthWith = (days: number) => {
    const f = forecastPeriodEnd({ history: hourly(asOf - days * DAY, asOf, 5), periodStart, periodEnd, asOf });
    return (f.upper - f.lower) / f.expectedTotal;
  };
  const w1 = widthWith(1);
  const w9 = widthWith(9);
  const w60 = widthWith(60);
  assert.ok(w1 > 0.5, `1 day: ${w1}`);
  assert.ok(w1 > w9 && w9 > w60, `${w1} > ${w9} > ${w60}`);
});

test("daily buckets are detected and forecast; missing days count as zero spend", () => {
  const periodStart = Date.UTC(2026, 0, 1);
  const periodEnd = Date.UTC(2026, 1, 1);
  const history: SpendPoint[] = [];
  for (let t = periodStart - 60 * DAY; t < periodStart + 15 * DAY; t += DAY) {
    const dow = new Date(t).getUTCDay();
    if (dow === 0) continue; // no calls on Sundays: no bucket at all
    history.push({ timestamp: t, value: dow === 6 ? 20 : 100 });
  }
  assert.equal(inferStep(history.map((p) => p.timestamp)), DAY);
  const f = forecastPeriodEnd({ history, periodStart, periodEnd });
  let truth = 0;
  for (let t = periodStart; t < periodEnd; t += DAY) {
    const dow = new Date(t).getUTCDay();
    truth += dow === 0 ? 0 : dow === 6 ? 20 : 100;
  }
  assert.ok(Math.abs(f.expectedTotal - truth) / truth < 0.02, `${f.expectedTotal} vs ${truth}`);
});

test("forecastSum: a flat series is forecast exactly, and growth is projected (damped)", () => {
  const flat = new Float64Array(24 * 21).fill(2);
  const f = forecastSum(flat, 24 * 7, { stepsPerDay: 24 });
  assert.ok(Math.abs(f.mean - 2 * 24 * 7) < 1e-6);
  const growing = Float64Array.from({ length: 24 * 28 }, (_, i) => 10 * Math.exp((0.05 * i) / (24 * 7)));
  const g = forecastSum(growing, 24 * 7, { stepsPerDay: 24 });
  let next = 0;
  for (let i = 24 * 28; i < 24 * 35; i++) next += 10 * Math.exp((0.05 * i) / (24 * 7));
  const lastWeek = growing.slice(-24 * 7).reduce((s, v) => s + v, 0);
  assert.ok(g.mean > lastWeek && g.mean < next * 1.001, `${lastWeek} < ${g.mean} <= ${next}`);
});
