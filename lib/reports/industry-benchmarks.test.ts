import { test } from "node:test";
import assert from "node:assert/strict";
import { BENCHMARK_SOURCE, INDUSTRY_BENCHMARKS, benchmark, formatBand, placeInBands } from "./industry-benchmarks";

test("the table is seed 002's, with its source", () => {
  assert.equal(BENCHMARK_SOURCE.seed, "002_a02631bc871f8342.txt");
  const small = benchmark("small_per_mtok");
  assert.deepEqual([small.p50, small.p95, small.p99, small.world_class], [{ low: 0.5, high: 1 }, { low: 1.5, high: 2 }, { low: 3, high: null }, { low: 0.2, high: 0.4 }]);
  for (const b of INDUSTRY_BENCHMARKS) assert.ok(b.seed_text.startsWith(b.metric.split(" (")[0].split(" (")[0]), b.id);
  assert.equal(formatBand(small, small.p99), "$3+");
  assert.equal(formatBand(benchmark("cache_hit_rate"), benchmark("cache_hit_rate").p50), "20%-30%");
});

test("a measured value is placed in or between the seed's bands", () => {
  const small = benchmark("small_per_mtok");
  assert.equal(placeInBands(small, 0.1), "below world class");
  assert.equal(placeInBands(small, 0.3), "world class");
  assert.equal(placeInBands(small, 0.45), "between world class and P50");
  assert.equal(placeInBands(small, 0.75), "P50");
  assert.equal(placeInBands(small, 1.2), "between P50 and P95");
  assert.equal(placeInBands(small, 2.5), "between P95 and P99");
  assert.equal(placeInBands(small, 40), "P99");
  const cache = benchmark("cache_hit_rate");
  assert.equal(placeInBands(cache, 10), "below P50");
  assert.equal(placeInBands(cache, 55), "P95");
  assert.equal(placeInBands(cache, 99), "above world class");
  // overlapping bands (cost per interaction's P50 $0.01-0.05 and world class $0.005-0.02): world class wins
  assert.equal(placeInBands(benchmark("cost_per_interaction"), 0.015), "world class");
});
