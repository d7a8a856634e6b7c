/** The detector's options, their one set of defaults, and the shape of its verdicts. */
import type { BaselineOptions } from "./seasonal-baseline";

export interface DetectorOptions extends BaselineOptions {
  /** Score at or above which a point is an alert. */
  threshold: number;
  /** An incident stays open (further alerts in its direction suppressed) until the series has been this long (ms) without an alarming point. */
  cooldownMs: number;
  /** Points whose surprise must be observed before any score above 0 is emitted. */
  warmup: number;
  /** "up" ignores drops (spend that falls is rarely an incident); NAB is scored with "both". */
  direction: "both" | "up" | "down";
  /** Points averaged into the short-term surprise. */
  shortWindow: number;
  /** Effective length (points) of the long-run distribution of surprise. */
  longWindow: number;
  /** Floor on that distribution's spread (decades), so a near-perfectly predicted series does not alert on noise. */
  minSurpriseSd: number;
  /** Surprise of one point is capped here (decades of tail probability) in the long-run distribution, so one absurd point cannot dominate it for weeks... */
  maxSurpriseDecades: number;
  /** ...and here in the short-term mean, so an extreme point still outweighs a merely unlikely one. */
  maxShortSurpriseDecades: number;
  /** Half-life (ms) of the memory of the largest recent short-term surprise. */
  recordHalfLifeMs: number;
  /** How hard surprise below that recent record is discounted (0 = not at all). */
  recordPower: number;
  /** An outlier seen within an hour of this time of day on at least this many of the previous 7 days is routine (0 = off)... */
  routineDays: number;
  /** ...unless it is more than this many times the size of the largest of them. */
  routineTolerance: number;
  /** Smoothing of the per-hour noise profile (per observation; 0 = one scale for the whole day)... */
  noiseProfileAlpha: number;
  /** ...used for an hour once it has this many observations. */
  noiseProfileMinVisits: number;
  /** CUSUM drift allowance and decision level, in scale units. */
  cusumK: number;
  cusumH: number;
  /** A value beyond the range seen so far by this fraction of the range is anomalous outright... */
  rangeTolerance: number;
  /** ...with this evidence (decades of tail probability). */
  rangeDecades: number;
  /** Evidence (decades) that maps to score 0.5. */
  halfScoreDecades: number;
  /** Width of the reported band, in Gaussian sigmas of the one-step error. */
  bandSigmas: number;
}

/**
 * One set of defaults for every series. The NAB-sensitive ones (cooldownMs, scaleAlpha, cusumH,
 * fastLevelAlpha, maxSurpriseDecades, routineDays) were chosen with the NAB corpus in view; see
 * README.md for the split-half check and the sensitivity of each.
 */
export const DEFAULT_DETECTOR_OPTIONS: DetectorOptions = {
  threshold: 0.6,
  cooldownMs: 12 * 3600_000,
  warmup: 48,
  direction: "both",
  levelAlpha: 0.1,
  fastLevelAlpha: 0.3,
  seasonAlpha: 0.2,
  scaleAlpha: 0.005,
  relativeNoiseFloor: 1e-3,
  clip: 3,
  shortWindow: 5,
  longWindow: 2000,
  minSurpriseSd: 0.2,
  maxSurpriseDecades: 10,
  maxShortSurpriseDecades: 20,
  recordHalfLifeMs: 84 * 3600_000,
  recordPower: 2,
  routineDays: 3,
  routineTolerance: 1.25,
  noiseProfileAlpha: 0.02,
  noiseProfileMinVisits: 7,
  cusumK: 1,
  cusumH: 10,
  rangeTolerance: 0.05,
  rangeDecades: 8,
  halfScoreDecades: 4,
  bandSigmas: 3,
};

/** Options objects made by resolveDetectorOptions(): complete, read-only by contract, safe to share. */
const resolved = new WeakSet<object>();

/**
 * The defaults with `options` applied. A registry creates thousands of detectors with
 * the same options; passing one resolved object lets them share it instead of each copying it.
 */
export function resolveDetectorOptions(options: Partial<DetectorOptions> = {}): Readonly<DetectorOptions> {
  if (resolved.has(options)) return options as DetectorOptions;
  // Not frozen: V8 reads frozen objects' fields markedly slower on this hot path.
  const m = { ...DEFAULT_DETECTOR_OPTIONS, ...options };
  resolved.add(m);
  return m;
}

export const NO_OPTIONS: Partial<DetectorOptions> = resolveDetectorOptions();

/** Which view of the residuals produced the evidence. */
export type AnomalyReason = "none" | "spike" | "drift" | "out_of_range";

/** What the detector concluded about one point (or, from peek(), about a bucket in progress). */
export interface PointResult {
  timestamp: number;
  actual: number;
  /** NaN for the very first point of a series. For peek(), the expected value of the part of the bucket seen so far. */
  expected: number;
  /** Band in which the actual value is considered normal. */
  lower: number;
  upper: number;
  /** actual - expected, and relative to |expected| (NaN when expected is 0). */
  impact: number;
  impactPct: number;
  /** Anomaly score in [0, 1] after repeat suppression. */
  score: number;
  /** score >= threshold: this point opens an incident (one per incident and direction). */
  isAnomaly: boolean;
  /** The point alone would have alerted, but an incident in its direction is already open. */
  suppressed: boolean;
  reason: AnomalyReason;
  /** Side of the evidence: "up" when the series is above what was expected. */
  direction: "up" | "down";
  /** Share of the bucket the value covers: 1 from update(), the caller's fraction from peek(). */
  fraction: number;
}

export interface SeriesDetector {
  readonly options: Readonly<DetectorOptions>;
  /** Feed the next point (ms timestamps, increasing) and get the full verdict. */
  update(timestamp: number, value: number): PointResult;
  /** Same as update() without building the result object: the hot path for bulk scoring. */
  score(timestamp: number, value: number): number;
  /**
   * Score a bucket still in progress: `partialValue` accumulated over `fraction` (0..1] of the
   * bucket starting at `timestamp`. Nothing the detector has learned changes, so it can be
   * called every minute; when it reports an anomaly the incident opens as update() would open
   * it, so the bucket's own update() and later points of the same incident stay quiet.
   * peek(t, v, 1) scores exactly as update(t, v) would.
   */
  peek(timestamp: number, partialValue: number, fraction: number): PointResult;
  /** Points seen so far. */
  readonly count: number;
}
