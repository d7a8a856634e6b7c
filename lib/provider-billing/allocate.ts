/**
 * Splitting an exact amount over several rows by weight, to the pico-dollar: largest remainder, so
 * the parts always sum to the whole (a day's cost is never created or lost by allocating it).
 */
export function allocateByWeight(total: bigint, weights: bigint[]): bigint[] {
  if (weights.length === 0) return [];
  const sum = weights.reduce((s, w) => s + (w > 0n ? w : 0n), 0n);
  const ws = sum === 0n ? weights.map(() => 1n) : weights.map((w) => (w > 0n ? w : 0n));
  const wsum = sum === 0n ? BigInt(weights.length) : sum;
  const neg = total < 0n;
  const abs = neg ? -total : total;
  const parts = ws.map((w) => (abs * w) / wsum);
  let rest = abs - parts.reduce((s, p) => s + p, 0n);
  const order = ws
    .map((w, i) => ({ i, rem: (abs * w) % wsum }))
    .sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  for (const { i } of order) {
    if (rest === 0n) break;
    parts[i] += 1n;
    rest -= 1n;
  }
  return neg ? parts.map((p) => -p) : parts;
}
