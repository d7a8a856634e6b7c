import { test } from "node:test";
import assert from "node:assert/strict";
import { crossover, gpusForLoad, paramsBillions, parsePlannerInput, planCapacity, precisionOf, quantizationGain, replicaGpusFor, selfHostMonthlyUsd, type PlannerInput } from "./capacity";

const close = (a: number, b: number, eps = 1e-6) => assert.ok(Math.abs(a - b) <= eps * Math.max(1, Math.abs(b)), `${a} != ${b}`);

test("gpusForLoad: 3,000 tokens/s on replicas of 4 GPUs at 500 tokens/s, 70% target -> 3 replicas, 12 GPUs at 50%", () => {
  // one replica: 4 x 500 x 0.7 = 1,400 tokens/s; 3,000 / 1,400 = 2.14 -> 3 replicas
  assert.deepEqual(gpusForLoad(3000, 500, 4, 0.7), { replicas: 3, gpus: 12, utilization: 0.5 });
  // exactly full at the target needs no extra replica; a tiny load still needs one
  assert.equal(gpusForLoad(1400, 500, 4, 0.7).replicas, 1);
  assert.equal(gpusForLoad(1, 500, 4, 0.7).gpus, 4);
});

test("seed 000's table: INT8 is 2.5/1.8 the FP16 throughput at half the weight memory; INT4 (AWQ) 3.2/1.8 at a quarter", () => {
  close(quantizationGain("fp16", "int8").throughput, 2.5 / 1.8);
  assert.equal(quantizationGain("fp16", "int8").memory, 0.5);
  close(quantizationGain("fp16", "int4_awq").throughput, 3.2 / 1.8);
  assert.equal(quantizationGain("fp16", "int4_awq").memory, 0.25);
  assert.equal(precisionOf("meta-llama/Llama-3.3-70B-Instruct"), "fp16");
  assert.equal(precisionOf("TheBloke/Llama-2-70B-AWQ"), "int4_awq");
  assert.equal(precisionOf("neuralmagic/Meta-Llama-3.1-8B-Instruct-FP8"), "int8");
  assert.equal(paramsBillions("meta-llama/Llama-3.3-70B-Instruct"), 70);
  assert.equal(paramsBillions("Qwen/Qwen2.5-0.5B"), 0.5);
  assert.equal(paramsBillions("gpt-4o"), null);
  // 70B x 2 bytes x 1.2 = 168 GB over 80 GB GPUs -> 3 -> 4 (a power of two); at 4 bits 42 GB -> 1
  assert.equal(replicaGpusFor(70, 16, 80), 4);
  assert.equal(replicaGpusFor(70, 4, 80), 1);
  assert.equal(replicaGpusFor(8, 16, 80), 1);
  assert.equal(replicaGpusFor(null, 16, 80), null);
});

const INPUT: PlannerInput = {
  load_unit: "rps", load: 2, input_tokens: 1500, output_tokens: 500, throughput_per_gpu: 1000, gpus_per_replica: 1, target_utilization: 0.7,
  gpu_price_per_hour: 2.5, precision_from: "fp16", precision_to: "int4_awq", peak_to_mean: 2, api_input_per_1m: 3, api_output_per_1m: 15,
};

test("planCapacity by hand: 2 req/s x 2,000 tokens on INT4 (AWQ) GPUs -> 4 GPUs at 56.25%, $7,300 a month against $31,536 on the API", () => {
  const r = planCapacity(INPUT);
  // 4,000 tokens/s; 1,000 x 3.2/1.8 = 1,777.8 per GPU; 4,000 / (1,777.8 x 0.7) = 3.21 -> 4 GPUs
  assert.equal(r.loadTokensPerSecond, 4000);
  close(r.throughputPerGpu, 1000 * 3.2 / 1.8);
  assert.equal(r.gpus, 4);
  close(r.utilization, 4000 / (4 * (1000 * 3.2) / 1.8));
  close(r.monthlyCostUsd, 4 * 2.5 * 730);
  // mean load 2,000 tokens/s x 2,628,000 s = 5.256e9 tokens; API 0.75 x $3 + 0.25 x $15 = $6/1M -> $31,536
  close(r.monthlyTokens, 5.256e9);
  close(r.api!.usdPer1M, 6);
  close(r.api!.monthlyCostUsd, 31536);
  assert.equal(r.api!.cheaper, "self-hosted");
  // one replica: $1,825 a month; crossover $1,825 / $6e-6 = 304.17M tokens a month
  close(r.api!.crossover.replicaMonthlyUsd, 1825);
  close(r.api!.crossover.crossoverTokensPerMonth!, 1825 / 6e-6);
  assert.equal(planCapacity({ ...INPUT, api_input_per_1m: null, api_output_per_1m: null }).api, null);
  assert.equal(planCapacity({ ...INPUT, load_unit: "tps", load: 4000 }).gpus, 4);
});

test("crossover by hand: the first replica pays from its cost over the API price; never when a full replica costs more per token", () => {
  // 1 GPU at $2/h = $1,460 a month; 1,000 tokens/s x 0.7 x 2,628,000 s = 1,839.6M tokens a month at peak = mean
  const c = crossover({ gpusPerReplica: 1, pricePerGpuHour: 2, throughputPerGpu: 1000, targetUtilization: 0.7, peakToMean: 1, apiUsdPer1M: 1 });
  close(c.replicaMonthlyUsd, 1460);
  close(c.replicaMonthlyTokens, 1839.6e6);
  close(c.crossoverTokensPerMonth!, 1460e6);
  close(c.selfHostUsdPer1MAtCapacity, (1460 / 1839.6e6) * 1e6);
  // $1,460 / 1,839.6M = $0.79/1M at full use: an API at $0.50/1M stays cheaper at any volume
  assert.equal(crossover({ gpusPerReplica: 1, pricePerGpuHour: 2, throughputPerGpu: 1000, targetUtilization: 0.7, peakToMean: 1, apiUsdPer1M: 0.5 }).crossoverTokensPerMonth, null);
  // a peakier load halves what a replica serves a month
  close(crossover({ gpusPerReplica: 1, pricePerGpuHour: 2, throughputPerGpu: 1000, targetUtilization: 0.7, peakToMean: 2, apiUsdPer1M: 1 }).replicaMonthlyTokens, 919.8e6);
  assert.deepEqual(selfHostMonthlyUsd(2000e6, c), { replicas: 2, usd: 2920 });
});

test("parsePlannerInput names each bad field and what was expected", () => {
  const bad = parsePlannerInput({ ...INPUT, load: 0, gpus_per_replica: 1.5, target_utilization: 1.2, precision_to: "int2", api_input_per_1m: -1 });
  assert.equal(bad.ok, false);
  const errors = (bad as { errors: string[] }).errors;
  for (const f of ["load: expected a load above 0", "gpus_per_replica: expected a whole number", "target_utilization: expected a share", "precision_to: expected one of", "api_input_per_1m: expected a USD price"]) {
    assert.ok(errors.some((e) => e.startsWith(f)), `${f} in ${errors.join(" | ")}`);
  }
  assert.ok((parsePlannerInput({ ...INPUT, input_tokens: 0, output_tokens: 0 }) as { errors: string[] }).errors[0].startsWith("output_tokens:"));
  assert.equal(parsePlannerInput(INPUT).ok, true);
});
