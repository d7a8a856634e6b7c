/**
 * Memory of outliers by time of day: "this happens here most days".
 *
 * The baseline winsorises outliers so that a spike barely moves what the next point is judged
 * against. The price is that a recurring spike (a nightly batch job, a cron at 03:15, an
 * hourly report run at 09:00) is never learned and would alert every day. This memory keeps
 * what the baseline refuses to learn: for each hour of the day (UTC) and direction, on which of
 * the last days an outlier occurred there, and how large the largest recent one was.
 *
 * A deviation is routine when outliers in the same direction occurred within an hour of this
 * time of day on at least `routineDays` of the previous 7 days, and it is no larger than
 * `tolerance` times the largest of them (decaying with a one-week half-life). A routine batch
 * job that triples in cost is therefore still an anomaly; one that stops and comes back a week
 * later alerts again. Timing tolerance is one hour either side, so a job drifting by minutes
 * stays routine.
 * O(1) per call, 48 slots of memory; nothing here knows the series' step except "sub-daily".
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const WEEK_MS = 7 * DAY_MS;
/** Days looked back when deciding whether something is routine. */
const LOOKBACK_DAYS = 7;
/** Bits 1..7 of a mask aligned to today: the previous 7 days (bit 0 is today, excluded). */
const PREVIOUS_DAYS = 0xfe;

export class RoutineOutliers {
  /** Index 0..23 for upward outliers by UTC hour, 24..47 for downward ones. */
  private readonly lastDay = new Float64Array(48).fill(-Infinity);
  /** Bit k set: an outlier k days before lastDay. */
  private readonly dayMask = new Uint32Array(48);
  private readonly size = new Float64Array(48);
  private readonly sizeAt = new Float64Array(48);

  constructor(
    private readonly routineDays: number,
    private readonly tolerance: number,
  ) {}

  /** Is a deviation (actual - expected) at this time as large as a routine outlier, and no larger? */
  isRoutine(timestamp: number, deviation: number): boolean {
    if (this.routineDays <= 0 || deviation === 0) return false;
    const day = Math.floor(timestamp / DAY_MS);
    const hour = Math.floor((timestamp - day * DAY_MS) / HOUR_MS);
    const base = deviation > 0 ? 0 : 24;
    let mask = 0;
    let largest = 0;
    for (let j = -1; j <= 1; j++) {
      const i = base + ((hour + j + 24) % 24);
      const age = day - this.lastDay[i];
      if (age > LOOKBACK_DAYS) continue;
      mask |= this.dayMask[i] << age;
      largest = Math.max(largest, this.decayedSize(i, timestamp));
    }
    mask &= PREVIOUS_DAYS;
    let days = 0;
    for (; mask !== 0; mask &= mask - 1) days++;
    return days >= this.routineDays && Math.abs(deviation) <= this.tolerance * largest;
  }

  /** Remember an outlier (a point the baseline winsorised). */
  note(timestamp: number, deviation: number): void {
    if (deviation === 0) return;
    const day = Math.floor(timestamp / DAY_MS);
    const i = (deviation > 0 ? 0 : 24) + Math.floor((timestamp - day * DAY_MS) / HOUR_MS);
    const age = day - this.lastDay[i];
    this.dayMask[i] = age >= 32 ? 1 : ((this.dayMask[i] << age) | 1) >>> 0;
    this.lastDay[i] = day;
    const size = Math.abs(deviation);
    if (size >= this.decayedSize(i, timestamp)) {
      this.size[i] = size;
      this.sizeAt[i] = timestamp;
    }
  }

  private decayedSize(i: number, timestamp: number): number {
    return this.size[i] === 0 ? 0 : this.size[i] * Math.pow(0.5, (timestamp - this.sizeAt[i]) / WEEK_MS);
  }
}
