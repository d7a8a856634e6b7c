/**
 * End-of-period spend forecast for a budget's scope: month-to-date actual plus a forecast of the
 * remaining days with an 80% interval, from hourly or daily spend buckets.
 *
 *   forecastPeriodEnd({ history, periodStart, periodEnd, asOf })
 *
 * Buckets are keyed by their start time; missing buckets count as zero spend (no calls).
 * Also returns the straight-line run-rate projection (LiteLLM's: spend so far / elapsed x period)
 * so screens can show both.
 */
import { forecastSum, type SumForecast } from "./seasonal-forecast";

export interface SpendPoint {
  /** Bucket start, ms. */
  timestamp: number;
  value: number;
}

export interface PeriodForecastInput {
  history: SpendPoint[];
  periodStart: number;
  /** Exclusive end of the period. */
  periodEnd: number;
  /** Forecast made at this time; buckets starting at or after it are ignored. Default: end of the last bucket. */
  asOf?: number;
  /** Interval coverage (default 0.8). */
  level?: number;
}

export interface PeriodForecast {
  actualToDate: number;
  forecastRemaining: number;
  /** actualToDate + forecastRemaining, with the interval of the remaining part added. */
  expectedTotal: number;
  lower: number;
  upper: number;
  level: number;
  /** Straight-line run-rate projection of the period total, for comparison. */
  straightLine: number;
  stepMs: number;
  historyDays: number;
  shape: SumForecast["shape"];
  backtests: number;
}

const DAY_MS = 86_400_000;

/** The bucket size: hourly or daily (median gap, snapped to the nearer of the two). */
export function inferStep(timestamps: number[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < timestamps.length; i++) if (timestamps[i] > timestamps[i - 1]) gaps.push(timestamps[i] - timestamps[i - 1]);
  if (gaps.length === 0) return 3_600_000;
  gaps.sort((a, b) => a - b);
  const g = gaps[gaps.length >> 1];
  return g >= 6 * 3_600_000 ? DAY_MS : 3_600_000;
}

/** Equally spaced bucket values from the first bucket up to (not including) `end`, zeros where missing. */
export function toBuckets(history: SpendPoint[], stepMs: number, end: number): { start: number; values: Float64Array } {
  const sorted = history.filter((p) => p.timestamp < end).sort((a, b) => a.timestamp - b.timestamp);
  if (sorted.length === 0) return { start: end, values: new Float64Array(0) };
  const start = Math.floor(sorted[0].timestamp / stepMs) * stepMs;
  const values = new Float64Array(Math.max(0, Math.ceil((end - start) / stepMs)));
  for (const p of sorted) values[Math.floor((p.timestamp - start) / stepMs)] += p.value;
  return { start, values };
}

export function forecastPeriodEnd(input: PeriodForecastInput): PeriodForecast {
  const level = input.level ?? 0.8;
  const stepMs = inferStep(input.history.map((p) => p.timestamp).sort((a, b) => a - b));
  const lastBucket = input.history.reduce((m, p) => Math.max(m, p.timestamp), -Infinity);
  const asOf = input.asOf ?? Math.floor(lastBucket / stepMs) * stepMs + stepMs;
  const { start, values } = toBuckets(input.history, stepMs, asOf);
  let actualToDate = 0;
  for (let i = 0; i < values.length; i++) if (start + i * stepMs >= input.periodStart) actualToDate += values[i];
  const remainingSteps = Math.max(0, Math.ceil((input.periodEnd - asOf) / stepMs));
  const stepsPerDay = Math.round(DAY_MS / stepMs);
  const f: SumForecast =
    remainingSteps === 0
      ? { mean: 0, lower: 0, upper: 0, shape: "flat", backtests: 0 }
      : forecastSum(values, remainingSteps, { stepsPerDay, level });
  const elapsed = Math.max(asOf - input.periodStart, stepMs);
  return {
    actualToDate,
    forecastRemaining: f.mean,
    expectedTotal: actualToDate + f.mean,
    lower: actualToDate + f.lower,
    upper: actualToDate + f.upper,
    level,
    straightLine: (actualToDate / elapsed) * (input.periodEnd - input.periodStart),
    stepMs,
    historyDays: (values.length * stepMs) / DAY_MS,
    shape: f.shape,
    backtests: f.backtests,
  };
}
