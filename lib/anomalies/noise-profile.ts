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

  constructor(
    private readonly alpha: number,
    private readonly minVisits: number,
  ) {}

  /** Multiplier for the error scale at this time of day (1 until the hour is known). */
  factor(timestamp: number): number {
    const i = 2 * hourOf(timestamp);
    if (this.alpha <= 0 || this.state[i + 1] < this.minVisits) return 1;
    const r = this.state[i];
    return r < MIN_FACTOR ? MIN_FACTOR : r > MAX_FACTOR ? MAX_FACTOR : r;
  }

  /** Learn one observation: |actual - expected| and the overall scale it was judged with. */
  learn(timestamp: number, absError: number, scale: number): void {
    if (this.alpha <= 0 || !(scale > 0)) return;
    const i = 2 * hourOf(timestamp);
    const v = ++this.state[i + 1];
    const r = Math.min(absError / scale, MAX_RATIO);
    // The first observation replaces the neutral start (rate 1/1), then a running mean, then EW.
    this.state[i] += Math.max(this.alpha, 1 / v) * (r - this.state[i]);
  }
}

function hourOf(timestamp: number): number {
  const h = Math.floor(timestamp / HOUR_MS) % 24;
  return h < 0 ? h + 24 : h;
}
