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
const DAY_MS = 24 * HOUR_MS;
/** |error| / scale above this is an outlier and counts as this much. */
const MAX_RATIO = 4;
const MIN_FACTOR = 0.5;
const MAX_FACTOR = 2;

export class NoiseProfile {
  private readonly ratio = new Float64Array(24).fill(1);
  private readonly visits = new Float64Array(24);

  constructor(
    private readonly alpha: number,
    private readonly minVisits: number,
  ) {}

  /** Multiplier for the error scale at this time of day (1 until the hour is known). */
  factor(timestamp: number): number {
    const h = hourOf(timestamp);
    if (this.alpha <= 0 || this.visits[h] < this.minVisits) return 1;
    const r = this.ratio[h];
    return r < MIN_FACTOR ? MIN_FACTOR : r > MAX_FACTOR ? MAX_FACTOR : r;
  }

  /** Learn one observation: |actual - expected| and the overall scale it was judged with. */
  learn(timestamp: number, absError: number, scale: number): void {
    if (this.alpha <= 0 || !(scale > 0)) return;
    const h = hourOf(timestamp);
    const v = ++this.visits[h];
    const r = Math.min(absError / scale, MAX_RATIO);
    this.ratio[h] += Math.max(this.alpha, 1 / v) * (r - this.ratio[h]);
  }
}

function hourOf(timestamp: number): number {
  return Math.floor((((timestamp % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS);
}
