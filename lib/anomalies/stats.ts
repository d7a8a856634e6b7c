/** Small numerical helpers shared by the detectors (no allocation on the hot path). */

/** Upper tail of the standard normal, P(Z > z), via the Abramowitz-Stegun erfc approximation (|err| < 1.5e-7). */
export function normalTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const y = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const half = 0.5 * y * Math.exp(-x * x);
  return z >= 0 ? half : 1 - half;
}

/**
 * -log10 P(Z > z) without underflow: for large z use the asymptotic Mills-ratio form so
 * extreme deviations keep distinct scores instead of all saturating at p = 0.
 */
export function normalTailLog10(z: number): number {
  if (z < 5) return -Math.log10(Math.max(normalTail(z), 1e-300));
  // log P ~ -z^2/2 - log(z sqrt(2 pi))
  return (z * z) / 2 / Math.LN10 + Math.log10(z * Math.sqrt(2 * Math.PI));
}

/** Fixed-size ring buffer keeping a running sum and sum of squares (O(1) push). */
export class RollingStats {
  private readonly buf: Float64Array;
  private pos = 0;
  private count = 0;
  private sum = 0;
  private sumSq = 0;

  constructor(readonly size: number) {
    this.buf = new Float64Array(size);
  }

  push(x: number): void {
    if (this.count === this.size) {
      const old = this.buf[this.pos];
      this.sum -= old;
      this.sumSq -= old * old;
    } else {
      this.count++;
    }
    this.buf[this.pos] = x;
    this.sum += x;
    this.sumSq += x * x;
    this.pos = this.pos + 1 === this.size ? 0 : this.pos + 1;
  }

  get n(): number {
    return this.count;
  }

  get mean(): number {
    return this.count === 0 ? 0 : this.sum / this.count;
  }

  get variance(): number {
    if (this.count < 2) return 0;
    const m = this.sum / this.count;
    // Running sums drift slightly negative in float; clamp.
    return Math.max(0, this.sumSq / this.count - m * m);
  }
}

/**
 * Two running means over the same last `size` points (one ring buffer, one object: a detector
 * per series means 10,000 of these, and every extra object is a cache miss per point).
 */
export class RollingPair {
  private readonly buf: Float64Array;
  private pos = 0;
  private count = 0;
  private sumA = 0;
  private sumB = 0;

  constructor(readonly size: number) {
    this.buf = new Float64Array(2 * size);
  }

  push(a: number, b: number): void {
    const i = 2 * this.pos;
    if (this.count === this.size) {
      this.sumA -= this.buf[i];
      this.sumB -= this.buf[i + 1];
    } else {
      this.count++;
    }
    this.buf[i] = a;
    this.buf[i + 1] = b;
    this.sumA += a;
    this.sumB += b;
    this.pos = this.pos + 1 === this.size ? 0 : this.pos + 1;
  }

  get meanA(): number {
    return this.count === 0 ? 0 : this.sumA / this.count;
  }

  get meanB(): number {
    return this.count === 0 ? 0 : this.sumB / this.count;
  }

  /** Both means if (a, b) were pushed, without pushing. */
  meanAWith(a: number): number {
    if (this.count === this.size) return (this.sumA - this.buf[2 * this.pos] + a) / this.count;
    return (this.sumA + a) / (this.count + 1);
  }

  meanBWith(b: number): number {
    if (this.count === this.size) return (this.sumB - this.buf[2 * this.pos + 1] + b) / this.count;
    return (this.sumB + b) / (this.count + 1);
  }
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/**
 * Exponentially weighted mean and variance: a long memory in O(1) space (a ring buffer of
 * the same reach would cost kilobytes per series). Starts as the plain running mean so the
 * first points are not over-weighted.
 */
export class EwStats {
  private count = 0;
  private m = 0;
  private v = 0;

  constructor(readonly alpha: number) {}

  push(x: number): void {
    this.count++;
    const a = Math.max(this.alpha, 1 / this.count);
    const d = x - this.m;
    this.m += a * d;
    this.v = (1 - a) * (this.v + a * d * d);
  }

  get n(): number {
    return this.count;
  }

  get mean(): number {
    return this.m;
  }

  get sd(): number {
    return Math.sqrt(this.v);
  }
}
