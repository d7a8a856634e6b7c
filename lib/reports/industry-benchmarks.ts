/**
 * Industry unit-cost benchmarks, copied as data from the project's seed 002
 * (`../shared/seeds/002_a02631bc871f8342.txt`, "LLM Cost Drivers — Technical Reference Tables",
 * updated 2026-01-05, section "Benchmarks → Industry Benchmarks": columns P50, P95, P99 and World Class).
 * Only the rows the quarterly review can set a measured figure against are kept, each with the seed's
 * own wording in `seed_text` so a reader can check the copy. The seed's percentiles describe how
 * organizations spread: for costs P99 is the expensive tail, for rates (coverage, cache hit rate) it is
 * the best. `better` says which way is good. Pure data: safe anywhere.
 */

/** A band of the seed's table; `high: null` is an open band ("$50+", "95%+"). */
export type Band = { low: number; high: number | null };

export type Benchmark = {
  id: BenchmarkId;
  metric: string;
  unit: "usd" | "usd_per_mtok" | "percent";
  better: "lower" | "higher";
  p50: Band;
  p95: Band;
  p99: Band;
  world_class: Band;
  seed_text: string;
};

export type BenchmarkId =
  | "frontier_input_per_mtok"
  | "frontier_output_per_mtok"
  | "small_per_mtok"
  | "cache_hit_rate"
  | "cost_per_interaction"
  | "attribution_coverage"
  | "budget_variance";

export const BENCHMARK_SOURCE = {
  seed: "002_a02631bc871f8342.txt",
  title: "LLM Cost Drivers — Technical Reference Tables (updated 2026-01-05), Industry Benchmarks",
  note: "Ranges as published; self-reported industry figures, not measured by this product.",
} as const;

const b = (low: number, high: number | null): Band => ({ low, high });

export const INDUSTRY_BENCHMARKS: Benchmark[] = [
  {
    id: "frontier_input_per_mtok",
    metric: "Cost per 1M input tokens (GPT-4 class)",
    unit: "usd_per_mtok",
    better: "lower",
    p50: b(10, 15),
    p95: b(25, 30),
    p99: b(50, null),
    world_class: b(5, 8),
    seed_text: "Cost per 1M input tokens (GPT-4 class) | $10-15 | $25-30 | $50+ | $5-8 (with optimization)",
  },
  {
    id: "frontier_output_per_mtok",
    metric: "Cost per 1M output tokens (GPT-4 class)",
    unit: "usd_per_mtok",
    better: "lower",
    p50: b(30, 45),
    p95: b(60, 90),
    p99: b(120, null),
    world_class: b(15, 25),
    seed_text: "Cost per 1M output tokens (GPT-4 class) | $30-45 | $60-90 | $120+ | $15-25 (with optimization)",
  },
  {
    id: "small_per_mtok",
    metric: "Cost per 1M tokens (GPT-3.5 class)",
    unit: "usd_per_mtok",
    better: "lower",
    p50: b(0.5, 1),
    p95: b(1.5, 2),
    p99: b(3, null),
    world_class: b(0.2, 0.4),
    seed_text: "Cost per 1M tokens (GPT-3.5 class) | $0.50-1.00 | $1.50-2.00 | $3.00+ | $0.20-0.40 (with optimization)",
  },
  {
    id: "cache_hit_rate",
    metric: "Cache hit rate",
    unit: "percent",
    better: "higher",
    p50: b(20, 30),
    p95: b(50, 60),
    p99: b(70, 80),
    world_class: b(80, 95),
    seed_text: "Cache hit rate | 20-30% | 50-60% | 70-80% | 80-95% (for cacheable workloads)",
  },
  {
    id: "cost_per_interaction",
    metric: "Cost per customer interaction",
    unit: "usd",
    better: "lower",
    p50: b(0.01, 0.05),
    p95: b(0.1, 0.25),
    p99: b(0.5, null),
    world_class: b(0.005, 0.02),
    seed_text: "Cost per customer interaction | $0.01-0.05 | $0.10-0.25 | $0.50+ | $0.005-0.02",
  },
  {
    id: "attribution_coverage",
    metric: "Cost attribution coverage",
    unit: "percent",
    better: "higher",
    p50: b(60, 70),
    p95: b(80, 90),
    p99: b(95, null),
    world_class: b(99, null),
    seed_text: "Cost attribution coverage | 60-70% | 80-90% | 95%+ | 99%+ with full granularity",
  },
  {
    id: "budget_variance",
    metric: "Budget variance (absolute, %)",
    unit: "percent",
    better: "lower",
    p50: b(20, 30),
    p95: b(10, 15),
    p99: b(5, 10),
    world_class: b(0, 5),
    seed_text: "Budget variance | ±20-30% | ±10-15% | ±5-10% | ±5% with accurate forecasting",
  },
];

export function benchmark(id: BenchmarkId): Benchmark {
  const found = INDUSTRY_BENCHMARKS.find((x) => x.id === id);
  if (!found) throw new Error(`unknown benchmark ${id}`);
  return found;
}

const BAND_NAMES = { p50: "P50", p95: "P95", p99: "P99", world_class: "world class" } as const;
type BandKey = keyof typeof BAND_NAMES;

/**
 * Which of the row's bands a measured value falls in, or where between them, e.g. "P50",
 * "between P50 and P95", "below world class". Said in the table's own terms and not as good or bad:
 * the seed's columns run in different directions for costs and for rates (`better` says which is good).
 */
export function placeInBands(bm: Benchmark, value: number): string {
  // World class first: the seed's bands overlap (cost per interaction's P50 and world class do).
  const order: BandKey[] = ["world_class", "p99", "p95", "p50"];
  for (const k of order) {
    const band = bm[k];
    if (value >= band.low && (band.high === null || value <= band.high)) return BAND_NAMES[k];
  }
  const sorted = (Object.keys(BAND_NAMES) as BandKey[]).sort((x, y) => bm[x].low - bm[y].low);
  const first = sorted[0];
  if (value < bm[first].low) return `below ${BAND_NAMES[first]}`;
  for (let i = sorted.length - 1; i >= 0; i--) {
    const k = sorted[i];
    if (value > (bm[k].high ?? Infinity) || value >= bm[k].low) {
      const next = sorted[i + 1];
      return next ? `between ${BAND_NAMES[k]} and ${BAND_NAMES[next]}` : `above ${BAND_NAMES[k]}`;
    }
  }
  return `above ${BAND_NAMES[sorted[sorted.length - 1]]}`;
}

export function formatBand(bm: Benchmark, band: Band): string {
  const f = (n: number) => (bm.unit === "percent" ? `${n}%` : `$${n}`);
  return band.high === null ? `${f(band.low)}+` : `${f(band.low)}-${f(band.high)}`;
}
