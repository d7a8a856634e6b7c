/**
 * How noisy each hour of the day is, relative to the series' overall error scale.
 *
 * Spend is noisier in absolute terms at the daily peak than at night (more requests, bigger
 * sums), so one error scale for the whole day is too wide at night (an outage at 03:00 looks
 * normal) and too narrow at the peak (ordinary noise at 14:00 looks like a spike). This keeps,
 * per UTC hour, the mean of |error| / scale, and the detector multiplies its scale by it. Each
 * observation is capped so an anomaly cannot teach its hour to be noisy; the factor is bounded
 * so a few quiet hours cannot collapse the band; it is used only after `minVisits` observations.
 */

const HOUR_MS = 3_600_000;
/** |error| / scale above this is an outlier and counts as this much. */
const MAX_RATIO = 4;
const MIN_FACTOR = 0.5;
const MAX_FACTOR = 2;

export class NoiseProfile {
  /** Per hour h: [2h] the mean ratio, [2h + 1] its number of observations (one array: one cache line run per series). */
  private readonly state = new Float32Array(48);
  /**
   * Per UTC weekday d: [2d] the mean of the ratio left after the hour's factor, [2d + 1] its observations.
   * Noise is modelled as separable, hour of day times day of week: a quiet weekend has smaller errors
   * at every hour, and an hour-of-day mean alone learns it mostly from weekdays (a Sunday's band was
   * then as wide as a Tuesday's at the same hour).
   */
  private readonly days = new Float32Array(14);

  constructor(
    private readonly alpha: number,
    private readonly minVisits: number,
  ) {}

  /** Multiplier for the error scale at this time of day (1 until the hour is known). */
  factor(timestamp: number): number {
    const i = 2 * hourOf(timestamp);
    if (this.alpha <= 0 || this.state[i + 1] < this.minVisits) return 1;
    const r = this.state[i] * this.dayFactor(timestamp);
    return r < MIN_FACTOR ? MIN_FACTOR : r > MAX_FACTOR ? MAX_FACTOR : r;
  }

  /**
   * The weekday's share relative to the average known weekday, so the hour's factor keeps meaning
   * the hour's average noise: days differ from each other, not from the hour.
   */
  private dayFactor(timestamp: number): number {
    const j = 2 * dayOf(timestamp);
    if (this.days[j + 1] < MIN_DAY_VISITS) return 1;
    let sum = 0;
    let n = 0;
    for (let d = 0; d < 7; d++) {
      if (this.days[2 * d + 1] < MIN_DAY_VISITS) continue;
      sum += this.days[2 * d];
      n++;
    }
    return n < 7 || !(sum > 0) ? 1 : this.days[j] / (sum / n);
  }

  /** Learn one observation: |actual - expected| and the overall scale it was judged with. */
  learn(timestamp: number, absError: number, scale: number): void {
    if (this.alpha <= 0 || !(scale > 0)) return;
    const i = 2 * hourOf(timestamp);
    const v = ++this.state[i + 1];
    const r = Math.min(absError / scale, MAX_RATIO);
    // The first observation replaces the neutral start (rate 1/1), then a running mean, then EW.
    this.state[i] += Math.max(this.alpha, 1 / v) * (r - this.state[i]);
    // The day's share, once its hour has a factor of its own (the first visits only say the hour is known).
    if (v < this.minVisits || !(this.state[i] > 0)) return;
    const j = 2 * dayOf(timestamp);
    const w = ++this.days[j + 1];
    if (w === 1) this.days[j] = 1;
    this.days[j] += Math.max(this.alpha, 1 / w) * (Math.min(r / this.state[i], MAX_RATIO) - this.days[j]);
  }
}

/** observations of a weekday before its factor is used: two of its days at hourly steps */
const MIN_DAY_VISITS = 48;

function dayOf(timestamp: number): number {
  const d = Math.floor(timestamp / (24 * HOUR_MS)) % 7;
  return d < 0 ? d + 7 : d;
}

function hourOf(timestamp: number): number {
  const h = Math.floor(timestamp / HOUR_MS) % 24;
  return h < 0 ? h + 24 : h;
}
