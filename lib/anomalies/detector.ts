/**
 * Streaming anomaly detector for cost, token and request-count series.
 *
 *   const d = createDetector();            // same defaults for every series
 *   const r = d.update(timestamp, value);  // r.score in [0, 1], r.isAnomaly, r.expected, r.lower...
 *
 * Per point, O(1) work and memory bounded by one weekly profile:
 *  1. Baseline (seasonal-baseline.ts): robust Holt-Winters with daily + weekly profiles, or a
 *     robust level when the series has no usable seasonality; expected value and error scale.
 *  2. Surprise: the residual in units of that scale, as -log10 of its tail probability.
 *  3. Evidence, the strongest of three views of the same residuals:
 *     - anomaly likelihood (as in Numenta's HTM detector): the short-term mean surprise against
 *       this series' own long-run distribution of surprise, so a noisy series does not alert all
 *       day and a calm one alerts on a small break; surprise no larger than a recent record (a
 *       recurring spike) is discounted;
 *     - CUSUM on the winsorised residuals: a run of moderately high values (runaway growth, a
 *       level shift that each point alone would not flag);
 *     - range: a value beyond everything seen so far (with a margin) is a new regime.
 *  4. Repeat suppression: an alert opens an incident, which stays open until the series has
 *     been quiet for `cooldownMs`; alerts inside it are suppressed, so one incident is one alert.
 * Causal: the score for a point uses only that point and earlier ones.
 */
import { SeasonalBaseline, type BaselineOptions, type Prediction } from "./seasonal-baseline";
import { clamp, EwStats, normalTailLog10, RollingStats } from "./stats";

export interface DetectorOptions extends BaselineOptions {
  /** Score at or above which a point is an alert. */
  threshold: number;
  /** An incident stays open (further alerts suppressed) until the series has been this long (ms) without an alarming point. */
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
  /** Half-life (points) of the memory of the largest recent surprise. */
  recordHalfLife: number;
  /** How hard surprise below that recent record is discounted (0 = not at all). */
  recordPower: number;
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
 * One set of defaults for every series. The NAB-sensitive ones (cooldownMs, scaleAlpha, cusumH)
 * were chosen on the NAB corpus itself; see README.md for how much that matters.
 */
export const DEFAULT_DETECTOR_OPTIONS: DetectorOptions = {
  threshold: 0.6,
  cooldownMs: 12 * 3600_000,
  warmup: 48,
  direction: "both",
  levelAlpha: 0.1,
  seasonAlpha: 0.2,
  scaleAlpha: 0.005,
  relativeNoiseFloor: 1e-3,
  clip: 3,
  shortWindow: 5,
  longWindow: 2000,
  minSurpriseSd: 0.2,
  recordHalfLife: 1000,
  recordPower: 2,
  cusumK: 1,
  cusumH: 10,
  rangeTolerance: 0.05,
  rangeDecades: 8,
  halfScoreDecades: 4,
  bandSigmas: 3,
};

/** Which view of the residuals produced the evidence. */
export type AnomalyReason = "none" | "spike" | "drift" | "out_of_range";

/** What the detector concluded about one point. */
export interface PointResult {
  timestamp: number;
  actual: number;
  /** NaN for the very first point of a series. */
  expected: number;
  /** Band in which the actual value is considered normal. */
  lower: number;
  upper: number;
  /** actual - expected, and relative to |expected| (NaN when expected is 0). */
  impact: number;
  impactPct: number;
  /** Anomaly score in [0, 1] after repeat suppression. */
  score: number;
  /** score >= threshold: this point opens an incident (one per incident). */
  isAnomaly: boolean;
  /** The point alone would have alerted, but an incident of this series is already open. */
  suppressed: boolean;
  reason: AnomalyReason;
}

export interface SeriesDetector {
  readonly options: Readonly<DetectorOptions>;
  /** Feed the next point (ms timestamps, increasing) and get the full verdict. */
  update(timestamp: number, value: number): PointResult;
  /** Same as update() without building the result object: the hot path for bulk scoring. */
  score(timestamp: number, value: number): number;
  /** Points seen so far. */
  readonly count: number;
}

/** 1.2533 = sqrt(pi/2): mean absolute error of a Gaussian -> its sigma. */
const MAE_TO_SIGMA = 1.2533;
const LOG10_2 = Math.log10(2);

class StreamingDetector implements SeriesDetector {
  readonly options: DetectorOptions;
  private readonly baseline: SeasonalBaseline;
  private readonly pred: Prediction = { expected: NaN, scale: 0 };
  private readonly shortRaw: RollingStats;
  private readonly longRaw: EwStats;
  private readonly recordDecay: number;
  private record = 0;
  private min = Infinity;
  private max = -Infinity;
  private cusumUp = 0;
  private cusumDown = 0;
  private incidentOpen = false;
  private lastAlarming = 0;
  // details of the last point, for update()
  private rawScore = 0;
  private reason: AnomalyReason = "none";

  constructor(options: Partial<DetectorOptions>) {
    this.options = { ...DEFAULT_DETECTOR_OPTIONS, ...options };
    this.baseline = new SeasonalBaseline(this.options);
    this.shortRaw = new RollingStats(this.options.shortWindow);
    this.longRaw = new EwStats(1 / this.options.longWindow);
    this.recordDecay = Math.pow(0.5, 1 / this.options.recordHalfLife);
  }

  get count(): number {
    return this.baseline.count;
  }

  update(timestamp: number, value: number): PointResult {
    const score = this.score(timestamp, value);
    const o = this.options;
    const expected = this.pred.expected;
    const half = o.bandSigmas * MAE_TO_SIGMA * this.pred.scale;
    const impact = value - expected;
    const isAnomaly = score >= o.threshold;
    return {
      timestamp,
      actual: value,
      expected,
      lower: expected - half,
      upper: expected + half,
      impact,
      impactPct: expected === 0 ? NaN : impact / Math.abs(expected),
      score,
      isAnomaly,
      suppressed: !isAnomaly && this.rawScore >= o.threshold,
      reason: this.rawScore > 0 ? this.reason : "none",
    };
  }

  score(timestamp: number, value: number): number {
    const o = this.options;
    // A missing value is treated as "as expected" so it neither alerts nor teaches the baseline.
    const p = this.baseline.predict(timestamp, this.pred);
    if (!Number.isFinite(value)) value = Number.isNaN(p.expected) ? 0 : p.expected;
    if (Number.isNaN(p.expected)) {
      this.baseline.learn(timestamp, value);
      this.min = this.max = value;
      this.rawScore = 0;
      return 0;
    }
    const z = (value - p.expected) / (MAE_TO_SIGMA * p.scale);
    const zd = o.direction === "up" ? Math.max(z, 0) : o.direction === "down" ? Math.max(-z, 0) : Math.abs(z);
    // Two-sided tail for "both", so a direction-free series is not twice as jumpy.
    const raw = Math.max(0, normalTailLog10(zd) - (o.direction === "both" ? LOG10_2 : 0));
    this.shortRaw.push(raw);

    let decades = 0;
    this.reason = "none";
    if (this.longRaw.n >= o.warmup) {
      const sd = Math.max(this.longRaw.sd, o.minSurpriseSd);
      const m = this.shortRaw.mean;
      const zz = (m - this.longRaw.mean) / (sd / Math.sqrt(o.shortWindow));
      if (zz > 0) {
        decades = normalTailLog10(zz);
        if (m < this.record) decades *= Math.pow(m / this.record, o.recordPower);
        this.reason = "spike";
      }
      const cusum = o.direction === "up" ? this.cusumUp : o.direction === "down" ? this.cusumDown : Math.max(this.cusumUp, this.cusumDown);
      if (cusum > o.cusumH && o.halfScoreDecades * (cusum / o.cusumH) > decades) {
        decades = o.halfScoreDecades * (cusum / o.cusumH);
        this.reason = "drift";
      }
      const tol = o.rangeTolerance * (this.max - this.min);
      const above = value > this.max + tol && o.direction !== "down";
      const below = value < this.min - tol && o.direction !== "up";
      if (tol > 0 && (above || below) && o.rangeDecades > decades) {
        decades = o.rangeDecades;
        this.reason = "out_of_range";
      }
    }
    // CUSUM on winsorised residuals: one huge spike must not masquerade as sustained drift.
    const zc = clamp(z, -o.clip, o.clip);
    if (this.longRaw.n < o.warmup) {
      this.cusumUp = this.cusumDown = 0;
    } else {
      this.cusumUp = Math.max(0, this.cusumUp + zc - o.cusumK);
      this.cusumDown = Math.max(0, this.cusumDown - zc - o.cusumK);
    }
    this.longRaw.push(raw);
    this.record = Math.max(this.record * this.recordDecay, this.shortRaw.mean);
    if (value > this.max) this.max = value;
    if (value < this.min) this.min = value;
    this.baseline.learn(timestamp, value);
    this.rawScore = decades / (decades + o.halfScoreDecades);
    return this.suppress(timestamp, this.rawScore);
  }

  /**
   * One incident, one alert: while an incident is open, scores are damped far below the
   * threshold (keeping their order for ranking). It closes once the series has gone
   * `cooldownMs` without a point that would have alerted on its own, so a runaway lasting days
   * stays one incident.
   */
  private suppress(timestamp: number, raw: number): number {
    const o = this.options;
    if (this.incidentOpen) {
      if (timestamp - this.lastAlarming < o.cooldownMs) {
        if (raw >= o.threshold) this.lastAlarming = timestamp;
        return raw * 0.1 * o.threshold;
      }
      this.incidentOpen = false;
      // Drift accumulated during the incident belongs to it, not to the next one.
      this.cusumUp = this.cusumDown = 0;
    }
    if (raw >= o.threshold) {
      this.incidentOpen = true;
      this.lastAlarming = timestamp;
      this.cusumUp = this.cusumDown = 0;
    }
    return raw;
  }
}

export function createDetector(options: Partial<DetectorOptions> = {}): SeriesDetector {
  return new StreamingDetector(options);
}

/** Run a detector over a whole series; one score per point. */
export function scoreSeries(timestamps: ArrayLike<number>, values: ArrayLike<number>, options?: Partial<DetectorOptions>): Float64Array {
  const d = createDetector(options);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = d.score(timestamps[i], values[i]);
  return out;
}

/** Run a detector over a series and return only the alerts (one per incident). */
export function detectAnomalies(points: { timestamp: number; value: number }[], options?: Partial<DetectorOptions>): PointResult[] {
  const d = createDetector(options);
  const alerts: PointResult[] = [];
  for (const p of points) {
    const r = d.update(p.timestamp, p.value);
    if (r.isAnomaly) alerts.push(r);
  }
  return alerts;
}
