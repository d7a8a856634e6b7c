/**
 * Deterministic randomness for the demo workload, the benchmarks' synthetic series and tests:
 * the same seed gives the same numbers on every machine.
 */

/** mulberry32: a small, fast 32-bit generator, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller) from a uniform source. */
export function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());
}

/** A Poisson-distributed count with the given mean (a normal approximation above 30). */
export function poisson(rand: () => number, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(rand)));
  const l = Math.exp(-mean);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rand();
  } while (p > l);
  return k - 1;
}

/**
 * The synthetic workloads' daily and weekly shape (the demo organization and the live detection
 * evaluation share it): a working-hours peak at 14:00 UTC, weekends at about a third.
 */
export function workdaySeasonality(t: number): number {
  const d = new Date(t);
  const h = d.getUTCHours() + d.getUTCMinutes() / 60;
  const daily = 0.35 + 0.65 * Math.exp(-((h - 14) ** 2) / 18);
  const dow = d.getUTCDay();
  return daily * (dow === 0 || dow === 6 ? 0.35 : 1);
}
