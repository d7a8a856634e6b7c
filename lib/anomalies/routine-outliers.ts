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
 * O(1) per call; 48 small slots, allocated at the first outlier (most series never have one,
 * and 10,000 series must stay small).
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Days looked back when deciding whether something is routine. */
const LOOKBACK_DAYS = 7;
/** Bits 1..7 of a mask aligned to today: the previous 7 days (bit 0 is today, excluded). */
const PREVIOUS_DAYS = 0xfe;
/** The size memory halves per day so that after a week it is half: 0.5^(1/7). */
const DAILY_DECAY = Math.pow(0.5, 1 / 7);

export class RoutineOutliers {
  // Slot 0..23: upward outliers by UTC hour; 24..47: downward ones.
  /** Day index (days since the epoch) of the last outlier in the slot; -1 = never. */
  private lastDay: Int32Array | null = null;
  /** Bit k set: an outlier k days before lastDay (k < 8). */
  private dayMask: Uint8Array | null = null;
  /** Largest |deviation| recently, and the day it was set (it halves in a week). */
  private size: Float32Array | null = null;
  private sizeDay: Int32Array | null = null;

  constructor(
    private readonly routineDays: number,
    private readonly tolerance: number,
  ) {}

  /** Is a deviation (actual - expected) at this time as large as a routine outlier, and no larger? */
  isRoutine(timestamp: number, deviation: number): boolean {
    const lastDay = this.lastDay;
    if (this.routineDays <= 0 || deviation === 0 || lastDay === null) return false;
    const dayMask = this.dayMask!;
    const day = Math.floor(timestamp / DAY_MS);
    const hour = Math.floor((timestamp - day * DAY_MS) / HOUR_MS);
    const base = deviation > 0 ? 0 : 24;
    let mask = 0;
    let largest = 0;
    for (let j = -1; j <= 1; j++) {
      const i = base + ((hour + j + 24) % 24);
      const age = day - lastDay[i];
      if (lastDay[i] < 0 || age > LOOKBACK_DAYS) continue;
      mask |= dayMask[i] << age;
      largest = Math.max(largest, this.decayedSize(i, day));
    }
    mask &= PREVIOUS_DAYS;
    let days = 0;
    for (; mask !== 0; mask &= mask - 1) days++;
    return days >= this.routineDays && Math.abs(deviation) <= this.tolerance * largest;
  }

  /** Remember an outlier (a point the baseline winsorised). */
  note(timestamp: number, deviation: number): void {
    if (deviation === 0) return;
    if (this.lastDay === null) {
      this.lastDay = new Int32Array(48).fill(-1);
      this.dayMask = new Uint8Array(48);
      this.size = new Float32Array(48);
      this.sizeDay = new Int32Array(48);
    }
    const lastDay = this.lastDay;
    const dayMask = this.dayMask!;
    const day = Math.floor(timestamp / DAY_MS);
    const i = (deviation > 0 ? 0 : 24) + Math.floor((timestamp - day * DAY_MS) / HOUR_MS);
    const age = day - lastDay[i];
    dayMask[i] = lastDay[i] < 0 || age >= 8 ? 1 : (dayMask[i] << age) | 1;
    lastDay[i] = day;
    const size = Math.abs(deviation);
    if (size >= this.decayedSize(i, day)) {
      this.size![i] = size;
      this.sizeDay![i] = day;
    }
  }

  private decayedSize(i: number, day: number): number {
    const s = this.size![i];
    return s === 0 ? 0 : s * Math.pow(DAILY_DECAY, day - this.sizeDay![i]);
  }
}
