/**
 * Robust streaming baseline: what value a series "should" have at the next timestamp.
 *
 * Predictors run side by side and the one that has predicted better lately is used:
 *  - seasonal: additive Holt-Winters with a level, a time-of-day profile and a time-of-week
 *    correction on top of it (UTC slots), so weekends get their own shape;
 *  - plain: a robust exponentially smoothed level, for series without a usable seasonal shape,
 *    at two speeds: a slow one, and a fast one for series that wander like a random walk
 *    (temperatures, queue depths), where a slow level lags and its lag looks like drift.
 * Slots are indexed by timestamp, not by position, so gaps and irregular timestamps are harmless.
 * Every update is winsorised at `clip` x the predictor's own error scale, so a spike barely moves
 * the baseline it is judged against, while a lasting level shift is absorbed in tens of steps.
 * The step is inferred from the first timestamps (median gap); nothing else about the series is
 * known in advance. O(1) per point; memory is one slot per step of a week.
 */
import { clamp } from "./stats";

export interface BaselineOptions {
  /** Smoothing of the level (per step). */
  levelAlpha: number;
  /** Smoothing of the fast plain level, used instead of the slow one while it predicts clearly better (0 = off). */
  fastLevelAlpha: number;
  /** Smoothing of each seasonal slot (per visit of that slot). */
  seasonAlpha: number;
  /** Smoothing of the error scales and of the series magnitude. */
  scaleAlpha: number;
  /** Error scale never drops below this fraction of the series' typical magnitude. */
  relativeNoiseFloor: number;
  /** Innovations beyond clip x scale are winsorised before they update the baselines. */
  clip: number;
}

export interface Prediction {
  expected: number;
  /** Mean absolute one-step error of the predictor in use (never below the noise floor). */
  scale: number;
}

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** 1970-01-01 was a Thursday; shift so weekly slot 0 starts on Monday 00:00 UTC. */
const WEEK_OFFSET_MS = 3 * DAY_MS;
/** Gaps observed before the step is fixed. */
const STEP_SAMPLES = 16;
/** One value moves the series' typical magnitude by at most this multiple of it. */
const MAGNITUDE_CAP = 10;
/** A richer predictor must beat the simpler one by this factor before it is trusted. */
const ADVANTAGE = 0.9;

export class SeasonalBaseline {
  private n = 0;
  private lastTs = NaN;
  private readonly gaps: number[] = [];
  private stepMs = 0;
  /** Level of the series with the seasonal shape removed. */
  private level = 0;
  private plain = 0;
  private fast = 0;
  /** Time-of-day shape, and time-of-week correction on top of it (NaN until first visit). */
  private daily: Float64Array | null = null;
  private weekly: Float64Array | null = null;
  /** Visits per slot: a slot averages its first visits instead of trusting the first one. */
  private dailyVisits: Uint16Array | null = null;
  private weeklyVisits: Uint16Array | null = null;
  private errSeasonal = NaN;
  private errPlain = 0;
  private errFast = 0;
  private seasonalCount = 0;
  private magnitude = 0;
  // slots of the pending prediction, reused by learn()
  private dIdx = -1;
  private wIdx = -1;
  private seasonal = NaN;

  constructor(private readonly o: BaselineOptions) {}

  /** Number of points learned so far. */
  get count(): number {
    return this.n;
  }

  /** Inferred step in ms (0 until enough points were seen). */
  get step(): number {
    return this.stepMs;
  }

  /** Expected value at `timestamp`; must be followed by learn() with the actual value. */
  predict(timestamp: number, out: Prediction): Prediction {
    if (this.n === 0) {
      out.expected = NaN;
      out.scale = 0;
      return out;
    }
    this.inferStep(timestamp);
    this.seasonal = NaN;
    if (this.daily) {
      this.dIdx = Math.floor((timestamp % DAY_MS) / this.stepMs);
      this.wIdx = Math.floor(((timestamp + WEEK_OFFSET_MS) % WEEK_MS) / this.stepMs);
      const d = this.daily[this.dIdx];
      if (!Number.isNaN(d)) {
        const w = this.weekly![this.wIdx];
        this.seasonal = Number.isNaN(w) ? d : d + w;
      }
    }
    // The seasonal model must have predicted better than a level of its own speed to be used:
    // that is the evidence that the shape, not the speed, is what helps.
    if (!Number.isNaN(this.seasonal) && this.errSeasonal < ADVANTAGE * this.errPlain) {
      out.expected = this.level + this.seasonal;
      out.scale = Math.max(this.errSeasonal, this.noiseFloor());
    } else if (this.o.fastLevelAlpha > 0 && this.n > 2 * STEP_SAMPLES && this.errFast < ADVANTAGE * this.errPlain) {
      out.expected = this.fast;
      out.scale = Math.max(this.errFast, this.noiseFloor());
    } else {
      out.expected = this.plain;
      out.scale = Math.max(this.errPlain, this.noiseFloor());
    }
    return out;
  }

  /** Learn the actual value at the timestamp last passed to predict(). */
  learn(timestamp: number, value: number): void {
    const o = this.o;
    if (this.n === 0) {
      this.level = this.plain = this.fast = value;
      this.magnitude = Math.abs(value);
      this.lastTs = timestamp;
      this.n = 1;
      return;
    }
    this.lastTs = timestamp;
    const a = o.levelAlpha;
    const floor = this.noiseFloor();
    const ePlain = value - this.plain;
    const limPlain = this.limit(this.errPlain, floor, this.n);
    this.errPlain = this.trackError(this.errPlain, ePlain, limPlain, this.n);
    this.plain += a * clamp(ePlain, -limPlain, limPlain);
    if (o.fastLevelAlpha > 0) {
      const eFast = value - this.fast;
      const limFast = this.limit(this.errFast, floor, this.n);
      this.errFast = this.trackError(this.errFast, eFast, limFast, this.n);
      this.fast += o.fastLevelAlpha * clamp(eFast, -limFast, limFast);
    }
    if (this.daily) {
      const daily = this.daily;
      const weekly = this.weekly!;
      if (Number.isNaN(this.seasonal)) {
        // First visit of this time of day: learn its shape from the raw value.
        daily[this.dIdx] = value - this.level;
        this.dailyVisits![this.dIdx] = 1;
      } else {
        const pred = this.level + this.seasonal;
        const eS = value - pred;
        if (Number.isNaN(this.errSeasonal)) this.errSeasonal = this.errPlain;
        this.seasonalCount++;
        const limS = this.limit(this.errSeasonal, floor, this.seasonalCount);
        this.errSeasonal = this.trackError(this.errSeasonal, eS, limS, this.seasonalCount);
        const xc = pred + clamp(eS, -limS, limS);
        this.level += a * (xc - this.seasonal - this.level);
        const dev = xc - this.level;
        const w = weekly[this.wIdx];
        const wPart = Number.isNaN(w) ? 0 : w;
        const d = daily[this.dIdx];
        daily[this.dIdx] = d + this.slotRate(this.dailyVisits!, this.dIdx) * (dev - wPart - d);
        // The weekly correction is what remains after the daily shape, from the second day on.
        const wDev = dev - daily[this.dIdx];
        if (Number.isNaN(w)) {
          weekly[this.wIdx] = wDev;
          this.weeklyVisits![this.wIdx] = 1;
        } else {
          weekly[this.wIdx] = w + this.slotRate(this.weeklyVisits!, this.wIdx) * (wDev - w);
        }
      }
    } else {
      this.level = this.plain;
    }
    // Capped like the errors: one absurd value must not raise the noise floor for weeks.
    this.magnitude += Math.max(o.scaleAlpha, 1 / this.n) * (Math.min(Math.abs(value), this.magnitude > 0 ? MAGNITUDE_CAP * this.magnitude : Infinity) - this.magnitude);
    this.n++;
  }

  /** Per-slot smoothing: a running mean over the first visits, then exponential forgetting. */
  private slotRate(visits: Uint16Array, i: number): number {
    const v = visits[i] < 65535 ? ++visits[i] : visits[i];
    return Math.max(this.o.seasonAlpha, 1 / v);
  }

  /** Winsorising limit; none while the error scale itself is still being learned. */
  private limit(err: number, floor: number, count: number): number {
    return count < STEP_SAMPLES ? Infinity : this.o.clip * Math.max(err, floor);
  }

  /**
   * Mean absolute error, each error capped so one outlier cannot inflate the scale; a running
   * mean at first, so a young series does not start with a near-zero scale.
   */
  private trackError(err: number, e: number, lim: number, count: number): number {
    return err + Math.max(this.o.scaleAlpha, 1 / count) * (Math.min(Math.abs(e), 2 * lim) - err);
  }

  private noiseFloor(): number {
    return this.o.relativeNoiseFloor * this.magnitude + 1e-12;
  }

  private inferStep(timestamp: number): void {
    if (this.stepMs > 0) return;
    const gap = timestamp - this.lastTs;
    if (gap > 0) this.gaps.push(gap);
    if (this.gaps.length < STEP_SAMPLES) return;
    const sorted = [...this.gaps].sort((x, y) => x - y);
    this.stepMs = sorted[sorted.length >> 1];
    // Profiles need at least a minute's resolution and a step no longer than a day; a daily
    // step gets a one-slot daily profile (a second level) and a 7-slot weekly one.
    if (this.stepMs >= 60_000 && this.stepMs <= DAY_MS) {
      const perDay = Math.ceil(DAY_MS / this.stepMs);
      const perWeek = Math.ceil(WEEK_MS / this.stepMs);
      this.daily = new Float64Array(perDay).fill(NaN);
      this.weekly = new Float64Array(perWeek).fill(NaN);
      this.dailyVisits = new Uint16Array(perDay);
      this.weeklyVisits = new Uint16Array(perWeek);
    }
  }
}
