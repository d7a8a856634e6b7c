/**
 * Streaming anomaly detector for cost / token / request-count series.
 *
 * Per point, O(1) work and no allocation:
 *  1. Baseline: robust additive Holt-Winters (level + daily + weekly profile indexed by time of
 *     day / week) next to a plain robust level; whichever has predicted better lately is used.
 *     Updates are winsorised at `clip` x scale, so an outlier barely moves its own baseline,
 *     while a lasting level shift is absorbed within tens of steps.
 *  2. Surprise: the residual in units of the recent residual scale, turned into a tail
 *     probability; a one-sided CUSUM on the same residuals catches slow runaway growth.
 *  3. Anomaly likelihood: the short-term mean of raw surprise compared with its own long-run
 *     distribution for this series, so a noisy series does not alert all day and a calm one
 *     alerts on a small break. Score = squashed -log10 tail probability, in [0, 1].
 *  4. Repeat suppression: after an alert, scores are damped until the series has been back to
 *     normal for `cooldownMs`, so one incident is one alert.
 * Causal: the score for a point uses only that point and earlier ones.
 */
import { clamp, normalTailLog10, RollingStats } from "./stats";

export interface DetectorOptions {
  /** Score at or above which a point is an alert. */
  threshold: number;
  /** Quiet time after an alert (ms) during which further alerts are suppressed. */
  cooldownMs: number;
  /** Points to observe before any score above 0 is emitted. */
  warmup: number;
  /** Smoothing of the level (per step). */
  levelAlpha: number;
  /** Smoothing of each seasonal slot (per visit of that slot). */
  seasonAlpha: number;
  /** Smoothing of the residual scale and of the predictor error trackers. */
  scaleAlpha: number;
  /** Residual scale never drops below this fraction of the series' typical magnitude. */
  relativeNoiseFloor: number;
  /** Residuals beyond clip x scale are winsorised before they update the baselines. */
  clip: number;
  /** Points averaged into the short-term surprise. */
  shortWindow: number;
  /** Points in the long-run distribution of surprise. */
  longWindow: number;
  /** Half-life (points) of the memory of the largest recent surprise. */
  recordHalfLife: number;
  /** How hard surprise below that recent record is discounted (0 = not at all). */
  recordPower: number;
  /** Floor on that distribution's spread (decades), so a near-perfectly predicted series does not alert on noise. */
  minSurpriseSd: number;
  /** A value beyond the range seen so far by this fraction of the range is anomalous outright... */
  rangeTolerance: number;
  /** ...with this surprise (decades). */
  spatialDecades: number;
  /** Surprise (in decades of tail probability) that maps to score 0.5. */
  halfScoreDecades: number;
  /** CUSUM drift allowance and decision level, in scale units. */
  cusumK: number;
  cusumH: number;
}

export const DEFAULT_DETECTOR_OPTIONS: DetectorOptions = {
  threshold: 0.6,
  cooldownMs: 24 * 3600_000,
  warmup: 48,
  levelAlpha: 0.1,
  seasonAlpha: 0.2,
  scaleAlpha: 0.02,
  clip: 3,
  relativeNoiseFloor: 1e-3,
  shortWindow: 5,
  longWindow: 2000,
  minSurpriseSd: 0.2,
  recordHalfLife: 1000,
  recordPower: 2,
  rangeTolerance: 0.05,
  spatialDecades: 8,
  halfScoreDecades: 4,
  cusumK: 1,
  cusumH: 20,
};

/** What the detector concluded about one point. */
export interface Detection {
  timestamp: number;
  actual: number;
  expected: number;
  /** Band in which the actual value was considered normal. */
  lower: number;
  upper: number;
  /** actual - expected, and relative to expected (NaN when expected is 0). */
  impact: number;
  impactPct: number;
  /** Anomaly score in [0, 1] after repeat suppression. */
  score: number;
  /** score >= threshold: this point opens an incident. */
  isAnomaly: boolean;
  /** The raw score was above the threshold but an incident was already open. */
  suppressed: boolean;
}

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** 1970-01-01 was a Thursday; shift so weekly slot 0 starts on Monday 00:00 UTC. */
const WEEK_OFFSET_MS = 3 * DAY_MS;
const STEP_SAMPLES = 16;
const BAND_Z = 3;

export class StreamingDetector {
  readonly options: DetectorOptions;
  private n = 0;
  private lastTs = NaN;
  // step inference from the first gaps
  private readonly gaps: number[] = [];
  private step = 0;
  // baselines
  private level = 0; // deseasonalised level (Holt-Winters)
  private plain = 0; // non-seasonal robust level
  private daily: Float64Array | null = null;
  private weekly: Float64Array | null = null;
  private errSeasonal = 0;
  private errPlain = 0;
  private magnitude = 0;
  private scale = 0;
  // surprise
  private readonly shortRaw: RollingStats;
  private readonly longRaw: RollingStats;
  private min = Infinity;
  private recordRaw = 0;
  private readonly recordDecay: number;
  private max = -Infinity;
  private cusumUp = 0;
  private cusumDown = 0;
  // suppression
  private incidentOpen = false;
  private quietSince = 0;
  private last: Detection | null = null;
  private lastExpected = 0;
  private lastScale = 0;
  private lastRaw = 0;

  constructor(options: Partial<DetectorOptions> = {}) {
    this.options = { ...DEFAULT_DETECTOR_OPTIONS, ...options };
    this.shortRaw = new RollingStats(this.options.shortWindow);
    this.longRaw = new RollingStats(this.options.longWindow);
    this.recordDecay = Math.pow(0.5, 1 / this.options.recordHalfLife);
  }

  /** Feed the next point (timestamps in ms, increasing). Returns the anomaly score in [0, 1]. */
  update(timestamp: number, value: number): number {
    const o = this.options;
    this.last = null;
    if (!Number.isFinite(value)) value = this.n === 0 ? 0 : this.lastExpected;
    if (this.n === 0) {
      this.level = this.plain = value;
      this.magnitude = Math.abs(value);
      this.lastTs = timestamp;
      this.n = 1;
      this.lastExpected = value;
      this.lastScale = 0;
      this.lastRaw = 0;
      return this.finish(timestamp, value, 0, 0);
    }
    this.inferStep(timestamp);
    this.lastTs = timestamp;

    // --- predict
    let dIdx = -1;
    let wIdx = -1;
    let seasonal = NaN;
    if (this.daily) {
      dIdx = Math.floor((timestamp % DAY_MS) / this.step);
      const d = this.daily[dIdx];
      if (!Number.isNaN(d)) {
        seasonal = d;
        if (this.weekly) {
          wIdx = Math.floor(((timestamp + WEEK_OFFSET_MS) % WEEK_MS) / this.step);
          const w = this.weekly[wIdx];
          if (!Number.isNaN(w)) seasonal += w;
        }
      }
    }
    const seasonalPred = Number.isNaN(seasonal) ? NaN : this.level + seasonal;
    const useSeasonal = !Number.isNaN(seasonalPred) && this.errSeasonal < 0.9 * this.errPlain;
    const expected = useSeasonal ? seasonalPred : this.plain;
    const floor = o.relativeNoiseFloor * this.magnitude + 1e-12;
    const scale = Math.max(useSeasonal ? this.errSeasonal : this.errPlain, floor);
    const resid = value - expected;
    const z = resid / (1.2533 * scale); // mean |error| -> Gaussian sigma

    // --- update baselines; each predictor winsorises its own innovation at clip x its own scale
    const a = o.levelAlpha;
    const sa = o.scaleAlpha;
    const ePlain = value - this.plain;
    const limPlain = o.clip * Math.max(this.errPlain, floor);
    this.errPlain += sa * (Math.min(Math.abs(ePlain), 2 * limPlain) - this.errPlain);
    this.plain += a * clamp(ePlain, -limPlain, limPlain);
    if (this.daily) {
      if (Number.isNaN(seasonalPred)) {
        // First visit of this slot: learn the shape from the raw value.
        this.errSeasonal = this.errPlain;
        this.daily[dIdx] = value - this.level;
      } else {
        const eS = value - seasonalPred;
        const limS = o.clip * Math.max(this.errSeasonal, floor);
        this.errSeasonal += sa * (Math.min(Math.abs(eS), 2 * limS) - this.errSeasonal);
        const xc = seasonalPred + clamp(eS, -limS, limS);
        this.level += a * (xc - seasonal - this.level);
        const dev = xc - this.level;
        const wPart = wIdx >= 0 && this.weekly && !Number.isNaN(this.weekly[wIdx]) ? this.weekly[wIdx] : 0;
        const d = this.daily[dIdx];
        this.daily[dIdx] = d + o.seasonAlpha * (dev - wPart - d);
        if (this.weekly && this.n * this.step >= 2 * WEEK_MS) {
          if (wIdx < 0) wIdx = Math.floor(((timestamp + WEEK_OFFSET_MS) % WEEK_MS) / this.step);
          const w = this.weekly[wIdx];
          const wDev = dev - this.daily[dIdx];
          this.weekly[wIdx] = Number.isNaN(w) ? wDev : w + o.seasonAlpha * (wDev - w);
        }
      }
    } else {
      this.level = this.plain;
    }
    this.magnitude += sa * (Math.abs(value) - this.magnitude);

    // --- surprise: -log10 of the residual's two-sided tail probability
    const raw = Math.max(0, normalTailLog10(Math.abs(z)) - 0.30103);
    this.shortRaw.push(raw);
    let decades = 0;
    if (this.longRaw.n >= o.warmup) {
      // Anomaly likelihood: is the recent mean surprise improbable under this series' own history?
      const sd = Math.max(Math.sqrt(this.longRaw.variance), o.minSurpriseSd);
      const zz = (this.shortRaw.mean - this.longRaw.mean) / (sd / Math.sqrt(o.shortWindow));
      decades = zz > 0 ? normalTailLog10(zz) : 0;
      // Novelty: surprise no bigger than a recent one (a recurring spike) is discounted.
      const m = this.shortRaw.mean;
      if (m < this.recordRaw) decades *= Math.pow(m / this.recordRaw, o.recordPower);
      const cus = Math.max(this.cusumUp, this.cusumDown);
      if (cus > o.cusumH) decades = Math.max(decades, o.halfScoreDecades * (cus / o.cusumH));
      // Outside everything seen so far (with a margin): a new regime, whatever the residual says.
      const tol = o.rangeTolerance * (this.max - this.min);
      if (tol > 0 && (value > this.max + tol || value < this.min - tol)) decades = Math.max(decades, o.spatialDecades);
    }
    this.cusumUp = Math.max(0, this.cusumUp + z - o.cusumK);
    this.cusumDown = Math.max(0, this.cusumDown - z - o.cusumK);
    this.longRaw.push(raw);
    this.recordRaw = Math.max(this.recordRaw * this.recordDecay, this.shortRaw.mean);
    if (value > this.max) this.max = value;
    if (value < this.min) this.min = value;
    this.n++;
    this.lastExpected = expected;
    this.lastScale = scale;
    this.lastRaw = decades / (decades + o.halfScoreDecades);
    return this.finish(timestamp, value, this.lastRaw, expected);
  }

  /** Repeat suppression: one incident, one alert. */
  private finish(timestamp: number, _value: number, raw: number, _expected: number): number {
    const o = this.options;
    if (this.incidentOpen) {
      if (timestamp - this.quietSince >= o.cooldownMs) this.incidentOpen = false;
      else return raw * 0.1 * o.threshold; // keep some ranking information but stay well below threshold
    }
    if (raw >= o.threshold) {
      this.incidentOpen = true;
      this.quietSince = timestamp;
      this.cusumUp = this.cusumDown = 0;
    }
    return raw;
  }

  private inferStep(timestamp: number): void {
    if (this.step > 0) return;
    const gap = timestamp - this.lastTs;
    if (gap > 0) this.gaps.push(gap);
    if (this.gaps.length < STEP_SAMPLES) return;
    const sorted = [...this.gaps].sort((x, y) => x - y);
    this.step = sorted[sorted.length >> 1];
    // Seasonal profiles only when the step divides into a day with enough slots to matter.
    if (this.step < DAY_MS / 4 && this.step >= 60_000) {
      this.daily = new Float64Array(Math.ceil(DAY_MS / this.step)).fill(NaN);
      this.weekly = new Float64Array(Math.ceil(WEEK_MS / this.step)).fill(NaN);
    }
  }

  /** Details of the last point (allocates; call only when you need them, e.g. on an alert). */
  describe(timestamp: number, actual: number, score: number): Detection {
    const expected = this.lastExpected;
    const band = BAND_Z * 1.2533 * this.lastScale;
    const impact = actual - expected;
    return {
      timestamp,
      actual,
      expected,
      lower: expected - band,
      upper: expected + band,
      impact,
      impactPct: expected === 0 ? NaN : impact / Math.abs(expected),
      score,
      isAnomaly: score >= this.options.threshold,
      suppressed: this.lastRaw >= this.options.threshold && score < this.options.threshold,
    };
  }
}

/** Run a detector over a whole series; returns one score per point. */
export function scoreSeries(timestamps: ArrayLike<number>, values: ArrayLike<number>, options?: Partial<DetectorOptions>): Float64Array {
  const d = new StreamingDetector(options);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = d.update(timestamps[i], values[i]);
  return out;
}

/** Run a detector over a series and return only the alerts, with expected value, band and impact. */
export function detectAnomalies(points: { timestamp: number; value: number }[], options?: Partial<DetectorOptions>): Detection[] {
  const d = new StreamingDetector(options);
  const alerts: Detection[] = [];
  for (const p of points) {
    const s = d.update(p.timestamp, p.value);
    if (s >= d.options.threshold) alerts.push(d.describe(p.timestamp, p.value, s));
  }
  return alerts;
}
