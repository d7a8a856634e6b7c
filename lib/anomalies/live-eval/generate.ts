/**
 * Synthetic live spend, minute by minute, with labelled anomalies.
 *
 * The shape is the demo workload's (lib/demo/generate.ts): a working-hours peak at 14:00 UTC
 * over a floor of 35%, weekends at 35% of weekdays, 50% growth over the demo's 60 days, Poisson
 * request arrivals and log-normal request sizes. On top, each hour's rate wanders by a few
 * percent (real traffic is never exactly on its curve). A history of a few weeks precedes the
 * evaluated month; only the month carries anomalies, spaced so that each is its own incident.
 * Anomalies multiply the request rate for a while: spikes (1.5x to 10x, 5 minutes to 6 hours)
 * and dips (to 0, 25% or 50%, 30 minutes to 6 hours).
 */
import { gaussian, poisson, seededRandom, workdaySeasonality } from "@/lib/random/seeded";

export const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export interface LiveSeriesSpec {
  seed: number;
  /** Requests per hour at the weekday peak, at the start of the history. */
  peakRequestsPerHour: number;
  /** Mean cost of one request (USD). */
  meanRequestCost: number;
}

export interface LiveEvalShape {
  /** First minute of the history (ms, UTC, on an hour boundary). */
  start: number;
  historyDays: number;
  evalDays: number;
  anomalies: number;
}

export const DEFAULT_SHAPE: LiveEvalShape = { start: Date.UTC(2026, 0, 5), historyDays: 28, evalDays: 30, anomalies: 20 };

export interface LabelledAnomaly {
  kind: "spike" | "dip";
  /** ms, inclusive start and exclusive end. */
  start: number;
  end: number;
  /** Multiplier on the request rate while it lasts. */
  factor: number;
}

export interface LiveSeries {
  spec: LiveSeriesSpec;
  start: number;
  /** First minute of the evaluated month. */
  evalStart: number;
  end: number;
  /** Spend per minute (USD), index = minutes since start. */
  minuteCost: Float64Array;
  anomalies: LabelledAnomaly[];
}

const SPIKE_FACTORS = [1.5, 2, 3, 3, 5, 10];
const SPIKE_MINUTES = [5, 15, 30, 60, 180, 360];
const DIP_FACTORS = [0, 0.25, 0.5];
const DIP_MINUTES = [30, 60, 180, 360];
/** Size spread of single requests (log-normal sigma), as the demo's output tokens. */
const SIZE_SIGMA = 0.5;
/** Hour-to-hour wander of the rate around its curve (log-normal sigma). */
const HOURLY_WANDER = 0.05;


/** Anomalies for the month: alternating spikes and dips, one per equal slot, each starting in the slot's first half. */
export function placeAnomalies(rand: () => number, evalStart: number, evalDays: number, count: number): LabelledAnomaly[] {
  const slot = Math.floor((evalDays * DAY_MS) / count / MINUTE_MS) * MINUTE_MS;
  const out: LabelledAnomaly[] = [];
  for (let i = 0; i < count; i++) {
    const spike = i % 5 !== 2 && i % 5 !== 4; // 12 spikes and 8 dips per 20
    const factors = spike ? SPIKE_FACTORS : DIP_FACTORS;
    const lengths = spike ? SPIKE_MINUTES : DIP_MINUTES;
    const factor = factors[Math.floor(rand() * factors.length)];
    const minutes = lengths[Math.floor(rand() * lengths.length)];
    const start = evalStart + i * slot + Math.floor((rand() * (slot / 2)) / MINUTE_MS) * MINUTE_MS;
    out.push({ kind: spike ? "spike" : "dip", start, end: start + minutes * MINUTE_MS, factor });
  }
  return out;
}

export function generateLiveSeries(spec: LiveSeriesSpec, shape: LiveEvalShape = DEFAULT_SHAPE): LiveSeries {
  const rand = seededRandom(spec.seed);
  const evalStart = shape.start + shape.historyDays * DAY_MS;
  const end = evalStart + shape.evalDays * DAY_MS;
  const anomalies = placeAnomalies(rand, evalStart, shape.evalDays, shape.anomalies);
  const minutes = (end - shape.start) / MINUTE_MS;
  const minuteCost = new Float64Array(minutes);
  const growthSpan = 60 * DAY_MS;
  // Costs of a request are log-normal with the given mean: mu = ln(mean) - sigma^2 / 2.
  const mu = Math.log(spec.meanRequestCost) - (SIZE_SIGMA * SIZE_SIGMA) / 2;
  let wander = 1;
  let a = 0;
  for (let i = 0; i < minutes; i++) {
    const t = shape.start + i * MINUTE_MS;
    if (i % 60 === 0) wander = Math.exp(HOURLY_WANDER * gaussian(rand));
    while (a < anomalies.length && anomalies[a].end <= t) a++;
    const factor = a < anomalies.length && anomalies[a].start <= t ? anomalies[a].factor : 1;
    const growth = 1 + (0.5 * (t - shape.start)) / growthSpan;
    const rate = (spec.peakRequestsPerHour / 60) * workdaySeasonality(t) * growth * wander * factor;
    const n = poisson(rand, rate);
    let cost = 0;
    if (n > 50) {
      // Sum of many log-normals: normal with the matching mean and variance.
      const mean = spec.meanRequestCost;
      const variance = mean * mean * (Math.exp(SIZE_SIGMA * SIZE_SIGMA) - 1);
      cost = Math.max(0, n * mean + Math.sqrt(n * variance) * gaussian(rand));
    } else {
      for (let k = 0; k < n; k++) cost += Math.exp(mu + SIZE_SIGMA * gaussian(rand));
    }
    minuteCost[i] = cost;
  }
  return { spec, start: shape.start, evalStart, end, minuteCost, anomalies };
}

/** Sum minutes into buckets of `stepMinutes`: the closed-bucket series a monitor sees. */
export function bucketize(series: LiveSeries, stepMinutes: number): { timestamps: number[]; values: number[] } {
  const n = Math.floor(series.minuteCost.length / stepMinutes);
  const timestamps: number[] = new Array(n);
  const values: number[] = new Array(n);
  for (let b = 0; b < n; b++) {
    let s = 0;
    for (let k = b * stepMinutes; k < (b + 1) * stepMinutes; k++) s += series.minuteCost[k];
    timestamps[b] = series.start + b * stepMinutes * MINUTE_MS;
    values[b] = s;
  }
  return { timestamps, values };
}

/** The default panel: three spend scales (a small feature, a team, an organization), four seeds each. */
export function defaultPanel(seeds = 4): LiveSeriesSpec[] {
  const scales = [
    { peakRequestsPerHour: 40, meanRequestCost: 0.02 },
    { peakRequestsPerHour: 400, meanRequestCost: 0.01 },
    { peakRequestsPerHour: 4000, meanRequestCost: 0.005 },
  ];
  const out: LiveSeriesSpec[] = [];
  for (const s of scales) for (let k = 0; k < seeds; k++) out.push({ seed: 1000 * (out.length + 1) + 7, ...s });
  return out;
}
