export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summarize(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  return { runs: s.length, p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1] };
}
