/**
 * The live-data evaluation: a panel of generated spend series, each monitored as the product
 * does it (an "up" monitor for spend anomalies, a "down" one for dips reported separately), in
 * each feeding setting (closed hourly buckets, the hour in progress, 5-minute buckets).
 */
import type { DetectorOptions } from "../detector";
import { defaultPanel, DEFAULT_SHAPE, generateLiveSeries, MINUTE_MS, type LabelledAnomaly, type LiveEvalShape, type LiveSeries, type LiveSeriesSpec } from "./generate";
import { runMonitor, type FeedMode } from "./run";
import { scoreAlerts, summarize, type AnomalyOutcome, type ClassSummary } from "./score";

export interface Setting {
  name: string;
  stepMinutes: number;
  mode: FeedMode;
  minPeekFraction?: number;
}

export const DEFAULT_SETTINGS: Setting[] = [
  { name: "hourly, closed buckets", stepMinutes: 60, mode: "closed" },
  { name: "hourly + hour in progress", stepMinutes: 60, mode: "peek" },
  { name: "5-min, closed buckets", stepMinutes: 5, mode: "closed" },
  { name: "5-min + bucket in progress", stepMinutes: 5, mode: "peek" },
];

export interface SettingReport {
  setting: Setting;
  /** Spikes that make at least one bucket of this setting >= 3x its normal spend: the target. */
  bigSpikes: ClassSummary;
  /** Spikes of rate >= 3x whose buckets are diluted below 3x (shorter than the bucket). */
  dilutedSpikes: ClassSummary;
  /** The target class again, per spend scale (requests per hour at the weekday peak). */
  bigSpikesByScale: ClassSummary[];
  smallSpikes: ClassSummary;
  dips: ClassSummary;
  /** Up alerts that match no spike, per series and week; likewise down alerts and dips. */
  falseUpPerSeriesWeek: number;
  falseDownPerSeriesWeek: number;
  /** Share of up alerts that belong to a spike. */
  precisionUp: number;
  precisionDown: number;
  duplicates: number;
}

/** Spikes at least this many times normal spend must be caught (the product's target). */
export const BIG_SPIKE_FACTOR = 3;

export function evaluateSetting(panel: LiveSeries[], setting: Setting, options: Partial<DetectorOptions> = {}): SettingReport {
  const stepMs = setting.stepMinutes * MINUTE_MS;
  const up: AnomalyOutcome[] = [];
  const upByScale = new Map<number, AnomalyOutcome[]>();
  const down: AnomalyOutcome[] = [];
  let falseUp = 0;
  let falseDown = 0;
  let alertsUp = 0;
  let alertsDown = 0;
  let duplicates = 0;
  let weeks = 0;
  for (const series of panel) {
    weeks += (series.end - series.evalStart) / (7 * 86_400_000);
    const cfg = { stepMinutes: setting.stepMinutes, mode: setting.mode, minPeekFraction: setting.minPeekFraction, options };
    const spikes = scoreAlerts(series.anomalies.filter((a) => a.kind === "spike"), runMonitor(series, { ...cfg, direction: "up" }), stepMs);
    const dips = scoreAlerts(series.anomalies.filter((a) => a.kind === "dip"), runMonitor(series, { ...cfg, direction: "down" }), stepMs);
    up.push(...spikes.outcomes);
    const scale = series.spec.peakRequestsPerHour;
    upByScale.set(scale, [...(upByScale.get(scale) ?? []), ...spikes.outcomes]);
    down.push(...dips.outcomes);
    falseUp += spikes.falseAlerts;
    falseDown += dips.falseAlerts;
    alertsUp += spikes.alerts;
    alertsDown += dips.alerts;
    duplicates += spikes.duplicates + dips.duplicates;
  }
  const big = (o: AnomalyOutcome) => bucketFactor(o.anomaly, stepMs) >= BIG_SPIKE_FACTOR;
  return {
    setting,
    bigSpikes: summarize(`bucket >= ${BIG_SPIKE_FACTOR}x`, up.filter(big)),
    bigSpikesByScale: [...upByScale.entries()].sort((x, y) => x[0] - y[0]).map(([scale, o]) => summarize(`${scale} req/h`, o.filter(big))),
    dilutedSpikes: summarize(`${BIG_SPIKE_FACTOR}x+, diluted`, up.filter((o) => !big(o) && o.anomaly.factor >= BIG_SPIKE_FACTOR)),
    smallSpikes: summarize(`rate < ${BIG_SPIKE_FACTOR}x`, up.filter((o) => o.anomaly.factor < BIG_SPIKE_FACTOR)),
    dips: summarize("dips", down),
    falseUpPerSeriesWeek: falseUp / weeks,
    falseDownPerSeriesWeek: falseDown / weeks,
    precisionUp: alertsUp === 0 ? NaN : (alertsUp - falseUp) / alertsUp,
    precisionDown: alertsDown === 0 ? NaN : (alertsDown - falseDown) / alertsDown,
    duplicates,
  };
}

/**
 * How many times its normal spend the anomaly makes the bucket it covers most: a 3x rate for
 * 10 minutes makes its hour only 1.33x normal, which no hourly monitor can call a 3x spike.
 */
export function bucketFactor(a: LabelledAnomaly, stepMs: number): number {
  let best = 0;
  for (let b = Math.floor(a.start / stepMs) * stepMs; b < a.end; b += stepMs) {
    const overlap = Math.min(a.end, b + stepMs) - Math.max(a.start, b);
    best = Math.max(best, overlap / stepMs);
  }
  return 1 + (a.factor - 1) * best;
}

export function generatePanel(specs: LiveSeriesSpec[] = defaultPanel(), shape: LiveEvalShape = DEFAULT_SHAPE): LiveSeries[] {
  return specs.map((s) => generateLiveSeries(s, shape));
}

export function evaluateLive(panel: LiveSeries[], settings: Setting[] = DEFAULT_SETTINGS, options: Partial<DetectorOptions> = {}): SettingReport[] {
  return settings.map((s) => evaluateSetting(panel, s, options));
}
