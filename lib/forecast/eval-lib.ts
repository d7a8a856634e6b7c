/**
 * Evaluation cases and scoring behind `npm run forecast:eval` (see eval-cli.ts and README.md).
 * Nothing here is visible to the forecaster: it receives only the history before the cut.
 */
import { resolve } from "node:path";
import { demoEvents } from "../demo/generate";
import { listDataFiles, readSeries } from "../anomalies/nab/corpus";
import type { SumForecast } from "./seasonal-forecast";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const WEEK = 7 * 24;

export interface Case {
  source: string;
  /** Hourly values of the whole series (the forecaster sees only [0, cut)). */
  values: Float64Array;
  cut: number;
  periodStart: number;
  periodEnd: number;
}

export type Forecaster = (history: Float64Array, horizon: number) => Pick<SumForecast, "mean" | "lower" | "upper">;

function autocorrelation(x: Float64Array, lag: number): number {
  const n = x.length;
  if (lag >= n - 2) return NaN;
  let m = 0;
  for (const v of x) m += v;
  m /= n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    den += (x[i] - m) ** 2;
    if (i + lag < n) num += (x[i] - m) * (x[i + lag] - m);
  }
  return den > 0 ? num / den : NaN;
}

/** Hourly means; an hour with no rows takes the previous hour's value (a sensor gap, not zero). */
function hourlyMeans(timestamps: number[], values: number[]): Float64Array {
  const start = Math.floor(timestamps[0] / HOUR) * HOUR;
  const n = Math.floor((timestamps[timestamps.length - 1] - start) / HOUR) + 1;
  const sum = new Float64Array(n);
  const cnt = new Float64Array(n);
  timestamps.forEach((t, i) => {
    const k = Math.floor((t - start) / HOUR);
    sum[k] += values[i];
    cnt[k]++;
  });
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) out[k] = cnt[k] > 0 ? sum[k] / cnt[k] : k > 0 ? out[k - 1] : 0;
  return out;
}

/**
 * NAB: every file aggregated to hourly means that is non-negative, at least 14 days long and
 * seasonal by this rule: autocorrelation at lag 1 day or lag 1 week >= 0.5. Periods are 7 days
 * (whole days from the series' first hour); at most 4 periods per file, evenly spaced, so long
 * files do not dominate; cuts after `cutHours` (default: 1..6 whole days).
 */
export function nabCases(nabDir: string, cutHours: number[] = [1, 2, 3, 4, 5, 6].map((d) => 24 * d)): { cases: Case[]; files: string[] } {
  const dataDir = resolve(nabDir, "data");
  const cases: Case[] = [];
  const files: string[] = [];
  for (const key of listDataFiles(dataDir)) {
    const s = readSeries(dataDir, key);
    if (s.values.some((v) => v < 0)) continue;
    const h = hourlyMeans(s.timestamps, s.values);
    if (h.length < 14 * 24) continue;
    const acf = Math.max(autocorrelation(h, 24), autocorrelation(h, WEEK));
    if (!(acf >= 0.5)) continue;
    files.push(`${key} (acf ${acf.toFixed(2)})`);
    const periods = Math.floor(h.length / WEEK) - 1;
    const chosen = periods <= 4 ? [...Array(periods).keys()].map((p) => p + 1) : [0, 1, 2, 3].map((i) => 1 + Math.round((i * (periods - 1)) / 3));
    for (const p of chosen) {
      for (const c of cutHours) cases.push({ source: key, values: h, periodStart: p * WEEK, cut: p * WEEK + c, periodEnd: (p + 1) * WEEK });
    }
  }
  return { cases, files };
}

/** $ per million tokens (input, output), list prices; cache reads at 10% of input. */
const PRICES: Record<string, [number, number]> = {
  "claude-sonnet-4-20250514": [3, 15],
  "claude-3-5-haiku-latest": [0.8, 4],
  "gpt-4o-mini": [0.15, 0.6],
  "gpt-4.1-mini": [0.4, 1.6],
  "o4-mini": [1.1, 4.4],
  "gpt-4.1": [2, 8],
};

function demoHourlyCost(seed: number, days: number): Float64Array {
  const end = new Date(Date.UTC(2026, 5, 1));
  const start = end.getTime() - days * DAY;
  const out = new Float64Array(days * 24);
  for (const ev of demoEvents(end, days, seed, false)) {
    const price = PRICES[ev.model as string];
    if (!price) continue; // the demo's unpriced fine-tune
    const u = ev.usage as Record<string, number>;
    const input = (u.input_tokens ?? u.prompt_tokens ?? 0) + 1.25 * (u.cache_creation_input_tokens ?? 0) + 0.1 * (u.cache_read_input_tokens ?? 0);
    const output = u.output_tokens ?? u.completion_tokens ?? 0;
    const k = Math.floor((Date.parse(ev.timestamp as string) - start) / HOUR);
    out[k] += (input * price[0] + output * price[1]) / 1e6;
  }
  return out;
}

/** Demo: 3 seeds x 60 days hourly cost; the period is days 30-60; cuts after `cutHours` (default 1, 3, ..., 28 days). */
export function demoCases(cutHours: number[] = [1, 3, 5, 7, 10, 14, 18, 21, 25, 28].map((d) => 24 * d)): Case[] {
  const cases: Case[] = [];
  for (const seed of [1, 2, 3]) {
    const h = demoHourlyCost(seed, 60);
    for (const c of cutHours) cases.push({ source: `demo seed ${seed}`, values: h, periodStart: 30 * 24, cut: 30 * 24 + c, periodEnd: 60 * 24 });
  }
  return cases;
}

export interface CaseResult {
  source: string;
  actual: number;
  toDate: number;
  ours: number;
  straight: number;
  naive: number;
  lower: number;
  upper: number;
}

export function runCases(cases: Case[], forecast: Forecaster): CaseResult[] {
  return cases.map((c) => {
    const horizon = c.periodEnd - c.cut;
    let actual = 0;
    for (let k = c.cut; k < c.periodEnd; k++) actual += c.values[k];
    let toDate = 0;
    for (let k = c.periodStart; k < c.cut; k++) toDate += c.values[k];
    let naive = 0;
    // Seasonal naive repeats the last observed week (never a value from inside the horizon).
    for (let k = c.cut; k < c.periodEnd; k++) naive += c.values[c.cut - WEEK + ((k - c.cut) % WEEK)];
    const f = forecast(c.values.slice(0, c.cut), horizon);
    const straight = (toDate / (c.cut - c.periodStart)) * horizon;
    return { source: c.source, actual, toDate, ours: f.mean, straight, naive, lower: f.lower, upper: f.upper };
  });
}

export interface Scores {
  cases: number;
  mapeOurs: number;
  mapeStraight: number;
  mapeNaive: number;
  medianOurs: number;
  medianStraight: number;
  medianNaive: number;
  /** MAPE of the period total (to-date + remaining), the number a budget screen shows. */
  totalMapeOurs: number;
  totalMapeStraight: number;
  /** Mean over series of each series' MAPE (each file / seed weighs the same). */
  fileMapeOurs: number;
  fileMapeStraight: number;
  coverage: number;
  below: number;
  above: number;
  meanWidth: number;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
const avg = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

export function score(results: CaseResult[]): Scores {
  const ape = (r: CaseResult, f: number) => Math.abs(f - r.actual) / r.actual;
  const apeT = (r: CaseResult, f: number) => Math.abs(f - r.actual) / (r.actual + r.toDate);
  const ours = results.map((r) => ape(r, r.ours));
  const straight = results.map((r) => ape(r, r.straight));
  const naive = results.map((r) => ape(r, r.naive));
  const bySource = new Map<string, CaseResult[]>();
  for (const r of results) bySource.set(r.source, [...(bySource.get(r.source) ?? []), r]);
  const perFile = (f: (r: CaseResult) => number) => 100 * avg([...bySource.values()].map((rs) => avg(rs.map(f))));
  return {
    cases: results.length,
    mapeOurs: 100 * avg(ours),
    mapeStraight: 100 * avg(straight),
    mapeNaive: 100 * avg(naive),
    medianOurs: 100 * median(ours),
    medianStraight: 100 * median(straight),
    medianNaive: 100 * median(naive),
    totalMapeOurs: 100 * avg(results.map((r) => apeT(r, r.ours))),
    totalMapeStraight: 100 * avg(results.map((r) => apeT(r, r.straight))),
    fileMapeOurs: perFile((r) => ape(r, r.ours)),
    fileMapeStraight: perFile((r) => ape(r, r.straight)),
    coverage: (100 * results.filter((r) => r.actual >= r.lower && r.actual <= r.upper).length) / results.length,
    below: (100 * results.filter((r) => r.actual < r.lower).length) / results.length,
    above: (100 * results.filter((r) => r.actual > r.upper).length) / results.length,
    meanWidth: 100 * avg(results.map((r) => (r.upper - r.lower) / r.actual)),
  };
}

/** Per-series MAPE (ours, straight line, seasonal naive) and coverage. */
export function perSource(results: CaseResult[]): { source: string; n: number; ours: number; straight: number; naive: number; coverage: number }[] {
  const bySource = new Map<string, CaseResult[]>();
  for (const r of results) bySource.set(r.source, [...(bySource.get(r.source) ?? []), r]);
  return [...bySource].map(([source, rs]) => ({
    source,
    n: rs.length,
    ours: 100 * avg(rs.map((r) => Math.abs(r.ours - r.actual) / r.actual)),
    straight: 100 * avg(rs.map((r) => Math.abs(r.straight - r.actual) / r.actual)),
    naive: 100 * avg(rs.map((r) => Math.abs(r.naive - r.actual) / r.actual)),
    coverage: (100 * rs.filter((r) => r.actual >= r.lower && r.actual <= r.upper).length) / rs.length,
  }));
}
