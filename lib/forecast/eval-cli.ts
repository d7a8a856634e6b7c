/**
 * npm run forecast:eval [-- <nab dir>]
 *
 * Cuts seasonal series at several points inside a budget period and forecasts the spend of the
 * rest of the period; reports MAPE of that remaining sum for this forecaster, the straight-line
 * run-rate projection (period-to-date / elapsed x remaining) and seasonal naive (the same steps one
 * week earlier), plus the empirical coverage of the 80% interval.
 *
 * Series:
 *  - NAB: every file aggregated to hourly means that is non-negative, at least 14 days long and
 *    seasonal by this rule: autocorrelation at lag 1 day or lag 1 week >= 0.5. Periods are 7 days;
 *    at most 4 periods per file (evenly spaced) so long files do not dominate; cuts after 1..6 days.
 *  - Demo: the deterministic demo workload (lib/demo/generate.ts), 3 seeds x 60 days, hourly cost
 *    from a fixed list-price table (below); the period is days 30-60, cuts after 1..28 days.
 */
import { resolve } from "node:path";
import { demoEvents } from "../demo/generate";
import { listDataFiles, readSeries } from "../anomalies/nab/corpus";
import { forecastSum } from "./seasonal-forecast";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * 24;

interface Case {
  source: string;
  /** Hourly history up to the cut, and the actual remaining-period values. */
  values: Float64Array;
  cut: number;
  periodStart: number;
  periodEnd: number;
}

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

function nabCases(nabDir: string): { cases: Case[]; files: string[] } {
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
    // The series' hours carry no calendar meaning here, so periods start at whole days from its start.
    const periods = Math.floor(h.length / WEEK) - 1;
    const chosen = periods <= 4 ? [...Array(periods).keys()].map((p) => p + 1) : [0, 1, 2, 3].map((i) => 1 + Math.round((i * (periods - 1)) / 3));
    for (const p of chosen) {
      for (let d = 1; d <= 6; d++) cases.push({ source: key, values: h, periodStart: p * WEEK, cut: p * WEEK + d * 24, periodEnd: (p + 1) * WEEK });
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
  for (const ev of demoEvents(end, days, seed)) {
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

function demoCases(): Case[] {
  const cases: Case[] = [];
  for (const seed of [1, 2, 3]) {
    const h = demoHourlyCost(seed, 60);
    for (const d of [1, 3, 5, 7, 10, 14, 18, 21, 25, 28]) {
      cases.push({ source: `demo seed ${seed}`, values: h, periodStart: 30 * 24, cut: (30 + d) * 24, periodEnd: 60 * 24 });
    }
  }
  return cases;
}

interface Scores {
  cases: number;
  medianOurs: number;
  medianStraight: number;
  mapeOurs: number;
  mapeStraight: number;
  mapeNaive: number;
  coverage: number;
  meanWidth: number;
}

function evaluate(cases: Case[]): Scores {
  let ours = 0;
  let straight = 0;
  let naive = 0;
  let covered = 0;
  let width = 0;
  const apeOurs: number[] = [];
  const apeStraight: number[] = [];
  for (const c of cases) {
    const horizon = c.periodEnd - c.cut;
    let actual = 0;
    for (let k = c.cut; k < c.periodEnd; k++) actual += c.values[k];
    let toDate = 0;
    for (let k = c.periodStart; k < c.cut; k++) toDate += c.values[k];
    let lastWeek = 0;
    // Seasonal naive repeats the last observed week (never a value from inside the horizon).
    for (let k = c.cut; k < c.periodEnd; k++) lastWeek += c.values[c.cut - WEEK + ((k - c.cut) % WEEK)];
    const f = forecastSum(c.values.subarray(0, c.cut), horizon, { stepsPerDay: 24 });
    const runRate = (toDate / (c.cut - c.periodStart)) * horizon;
    apeOurs.push(Math.abs(f.mean - actual) / actual);
    apeStraight.push(Math.abs(runRate - actual) / actual);
    ours += apeOurs[apeOurs.length - 1];
    straight += apeStraight[apeStraight.length - 1];
    naive += Math.abs(lastWeek - actual) / actual;
    if (actual >= f.lower && actual <= f.upper) covered++;
    width += (f.upper - f.lower) / actual;
  }
  const n = cases.length;
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  return { cases: n, medianOurs: 100 * median(apeOurs), medianStraight: 100 * median(apeStraight), mapeOurs: (100 * ours) / n, mapeStraight: (100 * straight) / n, mapeNaive: (100 * naive) / n, coverage: (100 * covered) / n, meanWidth: (100 * width) / n };
}

function report(label: string, s: Scores) {
  const gain = 100 * (1 - s.mapeOurs / s.mapeStraight);
  console.log(
    `${label.padEnd(8)} ${String(s.cases).padStart(5)}  ${s.mapeOurs.toFixed(1).padStart(8)}%  ${s.mapeStraight.toFixed(1).padStart(9)}%  ${s.mapeNaive.toFixed(1).padStart(9)}%  ${gain.toFixed(0).padStart(7)}%  ${s.coverage.toFixed(0).padStart(7)}%  ${s.meanWidth.toFixed(0).padStart(6)}%   ${s.medianOurs.toFixed(1).padStart(5)}% / ${s.medianStraight.toFixed(1)}%`,
  );
}

const nabDir = resolve(process.cwd(), process.argv[2] ?? "../shared/nab");
const nab = nabCases(nabDir);
const demo = demoCases();
console.log(`NAB series passing the seasonality rule (${nab.files.length}):`);
for (const f of nab.files) console.log(`  ${f}`);
console.log("\nMAPE of the remaining-period sum; gain = error reduction vs straight line; 80% interval coverage and mean width (% of actual)");
console.log("set       cases      ours  straight   s.naive     gain  cover80   width   median APE ours / straight");
report("NAB", evaluate(nab.cases));
report("demo", evaluate(demo));
report("all", evaluate([...nab.cases, ...demo]));
