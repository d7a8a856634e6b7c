import { test } from "node:test";
import assert from "node:assert/strict";
import { addTotals, busyCostPico, costFigures, emptyTotals, gpuCostPico, perMillion, splitRates } from "./cost";

const P = 1_000_000_000_000n; // pico per USD

test("gpu cost: time observed x price, exact", () => {
  assert.equal(gpuCostPico(3_600_000, "2.5"), 25n * P / 10n);
  assert.equal(gpuCostPico(15_000, "3.6"), 15n * P / 1000n); // 15 s of $3.60/h = $0.015
  assert.equal(gpuCostPico(0, "9"), 0n);
});

test("busy cost from busy/known time; unknown when utilization was never measured", () => {
  assert.equal(busyCostPico(10n * P, 3_000, 4_000), 75n * P / 10n);
  assert.equal(busyCostPico(10n * P, 1, 0), null);
});

test("per 1M tokens rounds to the pico-dollar and is null without tokens", () => {
  assert.equal(perMillion(3n * P, 3_000_000), "1");
  assert.equal(perMillion(1n * P, 3), "333333.333333333333");
  assert.equal(perMillion(1n * P, 0), null);
  assert.equal(perMillion(null, 10), null);
});

test("a deployment's figures by hand: 2 GPUs for one hour at $4/h, 60% and 20% busy, 2M tokens", () => {
  // GPU A: 1 h, busy 0.6 -> cost $4, busy $2.40; GPU B: 1 h, busy 0.2 -> cost $4, busy $0.80
  const a = { ...emptyTotals(), gpuMs: 3_600_000, knownMs: 3_600_000, busyMs: 2_160_000, engineActiveMs: 3_600_000, gpuCostPico: gpuCostPico(3_600_000, "4"), busyCostPico: busyCostPico(gpuCostPico(3_600_000, "4"), 2_160_000, 3_600_000) };
  const b = { ...emptyTotals(), gpuMs: 3_600_000, knownMs: 3_600_000, busyMs: 720_000, gpuCostPico: gpuCostPico(3_600_000, "4"), busyCostPico: busyCostPico(gpuCostPico(3_600_000, "4"), 720_000, 3_600_000) };
  const tokens = { ...emptyTotals(), inputTokens: 1_500_000, outputTokens: 500_000, prefillSeconds: 100, decodeSeconds: 300 };
  const f = costFigures(addTotals(addTotals(a, b), tokens));
  assert.equal(f.gpu_hours, 2);
  assert.equal(f.gpu_cost_usd, "8");
  assert.equal(f.busy_cost_usd, "3.2"); // 2.40 + 0.80
  assert.equal(f.idle_cost_usd, "4.8"); // 8 - 3.20
  assert.equal(f.gpu_utilization_avg, 0.4); // (0.6 + 0.2) / 2, time-weighted
  assert.equal(f.utilization_metric, "mixed");
  assert.equal(f.cost_per_1m_tokens_allocation, "4"); // $8 / 2M x 1M
  assert.equal(f.cost_per_1m_tokens_usage, "1.6"); // $3.20 / 2M x 1M
  // OpenCost split: prefill 100 s of 400 s -> input gets $0.80 of $3.20 busy: $0.80 / 1.5M x 1M = 0.5333..; output $2.40 / 0.5M x 1M = 4.8
  assert.equal(f.cost_per_1m_input_tokens_usage, "0.533333333333");
  assert.equal(f.cost_per_1m_output_tokens_usage, "4.8");
});

test("without prefill/decode time both directions get the blended usage rate", () => {
  const t = { ...emptyTotals(), gpuCostPico: 10n * P, busyCostPico: 5n * P, inputTokens: 4_000_000, outputTokens: 1_000_000 };
  assert.deepEqual(splitRates(t), { input: "1", output: "1" });
});

test("an unmeasured part makes idle and usage unknown, never $0", () => {
  const known = { ...emptyTotals(), gpuMs: 1000, knownMs: 1000, busyMs: 500, gpuCostPico: 2n * P, busyCostPico: 1n * P, inputTokens: 10 };
  const unknown = { ...emptyTotals(), gpuMs: 1000, gpuCostPico: 2n * P, busyCostPico: null };
  const f = costFigures(addTotals(known, unknown));
  assert.equal(f.gpu_cost_usd, "4");
  assert.equal(f.idle_cost_usd, null);
  assert.equal(f.cost_per_1m_tokens_usage, null);
  assert.notEqual(f.cost_per_1m_tokens_allocation, null);
});
