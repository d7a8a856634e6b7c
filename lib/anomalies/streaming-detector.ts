/**
 * Streaming anomaly detector for cost, token and request-count series (import it from detector.ts).
 *
 *   const d = createDetector();            // same defaults for every series
 *   const r = d.update(timestamp, value);  // r.score in [0, 1], r.isAnomaly, r.expected, r.lower...
 *   d.peek(hourStart, spentSoFar, 0.25);   // the hour in progress, a quarter of the way through
 *
 * Per point, O(1) work and memory bounded by one weekly profile:
 *  1. Baseline (seasonal-baseline.ts): robust Holt-Winters with daily + weekly profiles, or a
 *     robust level (slow or fast, whichever predicts better) when the series has no usable
 *     seasonality; expected value and error scale.
 *  2. Surprise: the residual in units of that scale, as -log10 of its tail probability, capped.
 *  3. Evidence, the strongest of three views of the same residuals:
 *     - anomaly likelihood (as in Numenta's HTM detector): the short-term mean surprise against
 *       this series' own long-run distribution of surprise, so a noisy series does not alert all
 *       day and a calm one alerts on a small break; surprise no larger than a recent record is
 *       discounted, and an outlier that happens at this time of day on most days (a nightly
 *       batch job) is routine (routine-outliers.ts);
 *     - CUSUM on the winsorised residuals: a run of moderately high values (runaway growth, a
 *       level shift that each point alone would not flag);
 *     - range: a value beyond everything seen so far (with a margin) is a new regime.
 *  4. Repeat suppression per direction (incidents.ts): one incident, one alert.
 * Causal: the score for a point uses only that point and earlier ones.
 */
import {
  NO_OPTIONS,
  resolveDetectorOptions,
  type AnomalyReason,
  type DetectorOptions,
  type PointResult,
  type SeriesDetector,
} from "./detector-options";
import { DOWN, IncidentTracker, UP, type Direction } from "./incidents";
import { NoiseProfile } from "./noise-profile";
import { RoutineOutliers } from "./routine-outliers";
import { SeasonalBaseline, type Prediction } from "./seasonal-baseline";
import { clamp, EwStats, normalTailLog10, RollingPair } from "./stats";


/** 1.2533 = sqrt(pi/2): mean absolute error of a Gaussian -> its sigma. */
const MAE_TO_SIGMA = 1.2533;
const LOG10_2 = Math.log10(2);

class StreamingDetector implements SeriesDetector {
  readonly options: DetectorOptions;
  private readonly baseline: SeasonalBaseline;
  private readonly pred: Prediction = { expected: NaN, scale: 0 };
  /** Short-term surprise (A), and the same signed by the side of the residual (B): which side the evidence is on. */
  private readonly short: RollingPair;
  private readonly longRaw: EwStats;
  /** Per-point decay of the record, for the last gap seen (recomputed only when the gap changes). */
  private recordDecay = 1;
  private recordGap = 0;
  private lastTimestamp = NaN;
  private readonly routine: RoutineOutliers;
  private readonly incidents: IncidentTracker;
  private readonly noise: NoiseProfile;
  private record = 0;
  private min = Infinity;
  private max = -Infinity;
  private anyIncident = false;
  private anyOutlier = false;
  private cusumUp = 0;
  private cusumDown = 0;
  // details of the last point, for update() and peek()
  private rawScore = 0;
  private reason: AnomalyReason = "none";
  private side: Direction = UP;
  private expectedNow = NaN;
  private sigmaNow = 0;

  constructor(options: Partial<DetectorOptions>) {
    this.options = resolveDetectorOptions(options) as DetectorOptions;
    const o = this.options;
    this.baseline = new SeasonalBaseline(o);
    this.short = new RollingPair(o.shortWindow);
    this.longRaw = new EwStats(1 / o.longWindow);
    this.routine = new RoutineOutliers(o.routineDays, o.routineTolerance);
    this.incidents = new IncidentTracker(o.cooldownMs);
    this.noise = new NoiseProfile(o.noiseProfileAlpha, o.noiseProfileMinVisits);
  }

  get count(): number {
    return this.baseline.count;
  }

  update(timestamp: number, value: number): PointResult {
    const score = this.evaluate(timestamp, value, 1, true);
    return this.result(timestamp, value, 1, score);
  }

  score(timestamp: number, value: number): number {
    return this.evaluate(timestamp, value, 1, true);
  }

  peek(timestamp: number, partialValue: number, fraction: number): PointResult {
    if (!(fraction > 0 && fraction <= 1)) throw new RangeError(`fraction: expected a number in (0, 1], got ${fraction}`);
    // Until the step is known the baseline is still reading gaps from update(); nothing to say yet.
    const score = this.baseline.step > 0 ? this.evaluate(timestamp, partialValue, fraction, false) : ((this.expectedNow = NaN), (this.rawScore = 0));
    return this.result(timestamp, partialValue, fraction, score);
  }

  private result(timestamp: number, value: number, fraction: number, score: number): PointResult {
    const o = this.options;
    const expected = this.expectedNow;
    const half = o.bandSigmas * this.sigmaNow;
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
      direction: (this.rawScore > 0 ? this.side : impact >= 0 ? UP : DOWN) === UP ? "up" : "down",
      fraction,
    };
  }

  /**
   * The whole pipeline for one value covering `fraction` of its bucket. With commit = false
   * (peek) nothing learned changes; only an alert's incident opens.
   */
  private evaluate(timestamp: number, value: number, fraction: number, commit: boolean): number {
    const o = this.options;
    const p = this.baseline.predict(timestamp, this.pred);
    // A missing value is treated as "as expected" so it neither alerts nor teaches the baseline.
    if (!Number.isFinite(value)) value = Number.isNaN(p.expected) ? 0 : p.expected * fraction;
    if (Number.isNaN(p.expected)) {
      if (commit) {
        this.baseline.learn(timestamp, value);
        this.min = this.max = value;
      }
      this.expectedNow = NaN;
      this.sigmaNow = 0;
      this.rawScore = 0;
      return 0;
    }
    // Part of a bucket: its expectation scales with the fraction, its noise (independent
    // increments) with the square root, which is the wider band of the two for fraction < 1.
    const expected = p.expected * fraction;
    const subDaily = this.baseline.step > 0 && this.baseline.step < 86_400_000;
    const scale = subDaily ? p.scale * this.noise.factor(timestamp) : p.scale;
    const sigma = MAE_TO_SIGMA * scale * (fraction === 1 ? 1 : Math.sqrt(fraction));
    this.expectedNow = expected;
    this.sigmaNow = sigma;
    const deviation = value - expected;
    const z = deviation / sigma;
    const zd = o.direction === "up" ? Math.max(z, 0) : o.direction === "down" ? Math.max(-z, 0) : Math.abs(z);
    // Two-sided tail for "both", so a direction-free series is not twice as jumpy.
    const surprise = Math.max(0, normalTailLog10(zd) - (o.direction === "both" ? LOG10_2 : 0));
    // Capped twice: tightly for the long-run distribution (robust), loosely for the short-term
    // mean, so one extreme point still counts for more than a merely unlikely one.
    const raw = Math.min(o.maxSurpriseDecades, surprise);
    const rs = Math.min(o.maxShortSurpriseDecades, surprise);
    const signed = z >= 0 ? rs : -rs;
    // CUSUM on winsorised residuals: one huge spike must not masquerade as sustained drift.
    const zc = clamp(z, -o.clip, o.clip);
    const warm = this.longRaw.n >= o.warmup;
    const cusumUp = warm ? Math.max(0, this.cusumUp + zc - o.cusumK) : 0;
    const cusumDown = warm ? Math.max(0, this.cusumDown - zc - o.cusumK) : 0;
    let m: number;
    let sideMean: number;
    if (commit) {
      this.short.push(rs, signed);
      m = this.short.meanA;
      sideMean = this.short.meanB;
    } else {
      m = this.short.meanAWith(rs);
      sideMean = this.short.meanBWith(signed);
    }

    let decades = 0;
    this.reason = "none";
    if (warm) {
      const sd = Math.max(this.longRaw.sd, o.minSurpriseSd);
      const zz = (m - this.longRaw.mean) / (sd / Math.sqrt(o.shortWindow));
      if (zz > 0) {
        decades = normalTailLog10(zz);
        if (m < this.record) decades *= Math.pow(m / this.record, o.recordPower);
        this.side = sideMean >= 0 ? UP : DOWN;
        // Scores this low never alert; skip the time-of-day lookup for them.
        if (decades >= 1 && this.isRoutine(timestamp, deviation)) decades = 0;
        else this.reason = "spike";
      }
      const cusum = o.direction === "up" ? cusumUp : o.direction === "down" ? cusumDown : Math.max(cusumUp, cusumDown);
      if (cusum > o.cusumH && o.halfScoreDecades * (cusum / o.cusumH) > decades) {
        decades = o.halfScoreDecades * (cusum / o.cusumH);
        this.reason = "drift";
        this.side = o.direction === "up" ? UP : o.direction === "down" ? DOWN : cusumUp >= cusumDown ? UP : DOWN;
      }
      const tol = o.rangeTolerance * (this.max - this.min);
      const above = value > this.max + tol && o.direction !== "down";
      // A partial bucket below the minimum says nothing: the rest of the bucket is still to come.
      const below = value < this.min - tol && o.direction !== "up" && fraction === 1;
      if (tol > 0 && (above || below) && o.rangeDecades > decades) {
        decades = o.rangeDecades;
        this.reason = "out_of_range";
        this.side = above ? UP : DOWN;
      }
    }
    if (commit) {
      this.cusumUp = cusumUp;
      this.cusumDown = cusumDown;
      if (subDaily) this.noise.learn(timestamp, Math.abs(deviation), p.scale);
      this.learn(timestamp, value, z, raw, deviation);
    }
    this.rawScore = decades / (decades + o.halfScoreDecades);
    return this.suppress(timestamp, this.rawScore, commit);
  }

  /** Routine: the short-term evidence's side has had outliers this large at this time of day on most recent days. */
  private isRoutine(timestamp: number, deviation: number): boolean {
    const step = this.baseline.step;
    if (step === 0 || step >= 86_400_000) return false;
    const size = Math.abs(deviation);
    return this.anyOutlier && this.routine.isRoutine(timestamp, this.side === UP ? size : -size);
  }

  private learn(timestamp: number, value: number, z: number, raw: number, deviation: number): void {
    const o = this.options;
    // What the baseline will winsorise is what the time-of-day memory must remember.
    // (Not while warming up: a young scale makes everything look like an outlier.)
    if ((z > o.clip || z < -o.clip) && this.longRaw.n >= o.warmup) {
      this.routine.note(timestamp, deviation);
      this.anyOutlier = true;
    }
    this.longRaw.push(raw);
    // The record fades with time, not points, so it means the same for hourly and 5-minute series.
    const gap = timestamp - this.lastTimestamp;
    if (gap > 0 && gap !== this.recordGap) {
      this.recordGap = gap;
      this.recordDecay = Math.pow(0.5, gap / o.recordHalfLifeMs);
    }
    this.lastTimestamp = timestamp;
    this.record = Math.max(this.record * this.recordDecay, this.short.meanA);
    if (value > this.max) this.max = value;
    if (value < this.min) this.min = value;
    this.baseline.learn(timestamp, value);
  }

  /**
   * One incident, one alert, per direction: while an incident is open in the evidence's
   * direction, scores are damped far below the threshold (keeping their order for ranking).
   * From peek() (commit = false) only the incident itself changes, so the bucket's update()
   * afterwards leaves every other piece of state exactly as it would have been.
   */
  private suppress(timestamp: number, raw: number, commit: boolean): number {
    const o = this.options;
    if (commit) {
      // (The flags spare 10,000 series a visit to objects that are almost always idle.)
      const closed = this.anyIncident ? this.incidents.expire(timestamp) : 0;
      if (closed !== 0) this.anyIncident = this.incidents.isOpen(UP, timestamp) || this.incidents.isOpen(DOWN, timestamp);
      // Drift accumulated during an incident belongs to it, not to the next one.
      if (closed & 1) this.cusumUp = 0;
      if (closed & 2) this.cusumDown = 0;
    }
    if (raw <= 0) return 0;
    const side = this.side;
    const open = this.anyIncident && this.incidents.isOpen(side, timestamp);
    if (raw >= o.threshold) {
      this.incidents.alarm(side, timestamp);
      this.anyIncident = true;
      // Drift accumulated so far belongs to the incident this point opened (or that a peek()
      // at this bucket opened), not to the next one.
      if (commit && this.incidents.openedAt(side) === timestamp) {
        if (side === UP) this.cusumUp = 0;
        else this.cusumDown = 0;
      }
    }
    return open ? raw * 0.1 * o.threshold : raw;
  }
}

export function createDetector(options: Partial<DetectorOptions> = NO_OPTIONS): SeriesDetector {
  return new StreamingDetector(options);
}
