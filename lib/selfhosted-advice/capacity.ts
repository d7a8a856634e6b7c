/**
 * Capacity math for self-hosted serving, shared by the finders and the /capacity planner page. Pure
 * (no data access, no server-only): the planner's client form runs it in the browser.
 *
 * Model: a replica is `gpusPerReplica` GPUs (tensor parallel); a GPU at 100 % busy serves
 * `throughputPerGpu` tokens/s (input + output, at the workload's mix); replicas are added until the
 * load fits at the target utilization. Seed 000 recommends targeting 60-70 % so p99 latency has headroom.
 */
import { z } from "zod";

export const HOURS_PER_MONTH = 730;
export const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;
export const DEFAULT_TARGET_UTILIZATION = 0.7;

/** Seed 000's quantization table (7B model; throughput relative to FP32), copied as data with its source. */
export const QUANTIZATION_SOURCE = "seed 000, 'Quantization Levels and Their Economics' (measured on a 7B model)";
export const PRECISIONS = ["fp32", "fp16", "int8", "int4_gptq", "int4_awq"] as const;
export type Precision = (typeof PRECISIONS)[number];
export const QUANTIZATION_TABLE: Record<Precision, { label: string; bits: number; throughput: number; qualityLoss: string }> = {
  fp32: { label: "FP32", bits: 32, throughput: 1.0, qualityLoss: "none" },
  fp16: { label: "FP16/BF16", bits: 16, throughput: 1.8, qualityLoss: "~0%" },
  int8: { label: "INT8", bits: 8, throughput: 2.5, qualityLoss: "~0.5%" },
  int4_gptq: { label: "INT4 (GPTQ)", bits: 4, throughput: 3.0, qualityLoss: "~1-3%" },
  int4_awq: { label: "INT4 (AWQ)", bits: 4, throughput: 3.2, qualityLoss: "~0.5-1.5%" },
};

/** Throughput multiplier and weight-memory ratio of moving from one precision to another. */
export function quantizationGain(from: Precision, to: Precision): { throughput: number; memory: number } {
  return { throughput: QUANTIZATION_TABLE[to].throughput / QUANTIZATION_TABLE[from].throughput, memory: QUANTIZATION_TABLE[to].bits / QUANTIZATION_TABLE[from].bits };
}

/** The precision a served model name says it runs at; FP16/BF16 when it says nothing (vLLM's default). */
export function precisionOf(model: string): Precision {
  const m = model.toLowerCase();
  if (/awq/.test(m)) return "int4_awq";
  if (/gptq|int4|w4a16|4bit|-q4/.test(m)) return "int4_gptq";
  if (/int8|fp8|w8a8|8bit/.test(m)) return "int8";
  return "fp16";
}

/** Parameter count in billions from a model name such as "Llama-3.3-70B-Instruct"; null when absent. */
export function paramsBillions(model: string): number | null {
  const m = /(?:^|[^a-z0-9.])(\d+(?:\.\d+)?)b(?![a-z])/i.exec(model);
  return m ? Number(m[1]) : null;
}

/**
 * GPUs one replica needs to hold the weights with 20 % for activations and a minimal KV cache, as
 * the power of two tensor parallelism uses; null when the size or the GPU memory is unknown.
 */
export function replicaGpusFor(paramsB: number | null, bits: number, gpuMemGib: number | null): number | null {
  if (paramsB === null || gpuMemGib === null || !(gpuMemGib > 0)) return null;
  const need = Math.max(1, Math.ceil((paramsB * (bits / 8) * 1.2) / gpuMemGib));
  return 2 ** Math.ceil(Math.log2(need));
}

export type GpuPlan = { replicas: number; gpus: number; utilization: number };

/** Whole replicas for a load at the target utilization (at least one replica). */
export function gpusForLoad(loadTokensPerSecond: number, throughputPerGpu: number, gpusPerReplica: number, targetUtilization: number): GpuPlan {
  const perReplica = throughputPerGpu * gpusPerReplica;
  const replicas = Math.max(1, Math.ceil(loadTokensPerSecond / (perReplica * targetUtilization) - 1e-9));
  const gpus = replicas * gpusPerReplica;
  return { replicas, gpus, utilization: loadTokensPerSecond / (gpus * throughputPerGpu) };
}

export type Crossover = {
  /** monthly cost of one replica running all month */
  replicaMonthlyUsd: number;
  /** tokens a replica serves in a month at the target utilization of the peak, given the peak-to-mean ratio */
  replicaMonthlyTokens: number;
  /** self-hosted $/1M tokens with every replica as full as the target allows */
  selfHostUsdPer1MAtCapacity: number;
  /** the monthly volume from which one replica costs less than the API; null when the API stays cheaper per token */
  crossoverTokensPerMonth: number | null;
};

/**
 * The self-host vs API crossover. One replica is a fixed monthly cost; the API is linear in tokens,
 * so the first replica pays off at replicaMonthlyUsd / API price per token, provided that volume fits
 * in the replica; if it does not, the API is cheaper per token even with the replica full.
 */
export function crossover(p: { gpusPerReplica: number; pricePerGpuHour: number; throughputPerGpu: number; targetUtilization: number; peakToMean: number; apiUsdPer1M: number }): Crossover {
  const replicaMonthlyUsd = p.gpusPerReplica * p.pricePerGpuHour * HOURS_PER_MONTH;
  const replicaMonthlyTokens = (p.throughputPerGpu * p.gpusPerReplica * p.targetUtilization * SECONDS_PER_MONTH) / Math.max(1, p.peakToMean);
  const at = replicaMonthlyUsd / (p.apiUsdPer1M / 1e6);
  return {
    replicaMonthlyUsd,
    replicaMonthlyTokens,
    selfHostUsdPer1MAtCapacity: (replicaMonthlyUsd / replicaMonthlyTokens) * 1e6,
    crossoverTokensPerMonth: p.apiUsdPer1M > 0 && at <= replicaMonthlyTokens ? at : null,
  };
}

/** Self-hosted monthly cost of a monthly volume: whole replicas sized for its peak. */
export function selfHostMonthlyUsd(monthlyTokens: number, c: Crossover): { replicas: number; usd: number } {
  const replicas = Math.max(1, Math.ceil(monthlyTokens / c.replicaMonthlyTokens - 1e-9));
  return { replicas, usd: replicas * c.replicaMonthlyUsd };
}

const positive = (what: string) => z.number({ error: `expected ${what}` }).refine((v) => Number.isFinite(v) && v > 0, { error: `expected ${what}` });
const nonNegative = (what: string) => z.number({ error: `expected ${what}` }).refine((v) => Number.isFinite(v) && v >= 0, { error: `expected ${what}` });

export const plannerInputSchema = z.strictObject({
  load_unit: z.enum(["rps", "tps"], { error: "expected rps or tps" }),
  load: positive("a load above 0"),
  input_tokens: nonNegative("input tokens per request, 0 or more"),
  output_tokens: nonNegative("output tokens per request, 0 or more"),
  throughput_per_gpu: positive("tokens/s one GPU serves at 100% busy, above 0"),
  gpus_per_replica: z.number({ error: "expected a whole number of GPUs from 1 to 64" }).int({ error: "expected a whole number of GPUs from 1 to 64" }).min(1, { error: "expected a whole number of GPUs from 1 to 64" }).max(64, { error: "expected a whole number of GPUs from 1 to 64" }),
  target_utilization: z.number({ error: "expected a share above 0 and at most 1" }).gt(0, { error: "expected a share above 0 and at most 1" }).max(1, { error: "expected a share above 0 and at most 1" }),
  gpu_price_per_hour: positive("a USD price per GPU-hour above 0"),
  precision_from: z.enum(PRECISIONS, { error: `expected one of ${PRECISIONS.join(", ")}` }),
  precision_to: z.enum(PRECISIONS, { error: `expected one of ${PRECISIONS.join(", ")}` }),
  peak_to_mean: z.number({ error: "expected a ratio of 1 or more" }).min(1, { error: "expected a ratio of 1 or more" }),
  api_input_per_1m: nonNegative("a USD price per 1M input tokens, 0 or more").nullable(),
  api_output_per_1m: nonNegative("a USD price per 1M output tokens, 0 or more").nullable(),
}).refine((v) => v.load_unit === "tps" || v.input_tokens + v.output_tokens > 0, { path: ["output_tokens"], error: "expected tokens per request above 0 in total" });

export type PlannerInput = z.infer<typeof plannerInputSchema>;

export function parsePlannerInput(raw: unknown): { ok: true; value: PlannerInput } | { ok: false; errors: string[] } {
  const p = plannerInputSchema.safeParse(raw);
  if (p.success) return { ok: true, value: p.data };
  return { ok: false, errors: p.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`) };
}

export type PlannerResult = GpuPlan & {
  loadTokensPerSecond: number;
  throughputPerGpu: number;
  monthlyTokens: number;
  monthlyCostUsd: number;
  selfHostUsdPer1M: number;
  api: null | { usdPer1M: number; monthlyCostUsd: number; crossover: Crossover; cheaper: "self-hosted" | "api" };
};

/** The planner: GPUs and utilization for a peak load, its monthly cost, and the API comparison. */
export function planCapacity(v: PlannerInput): PlannerResult {
  const perRequest = v.input_tokens + v.output_tokens;
  const loadTokensPerSecond = v.load_unit === "tps" ? v.load : v.load * perRequest;
  const throughputPerGpu = v.throughput_per_gpu * quantizationGain(v.precision_from, v.precision_to).throughput;
  const plan = gpusForLoad(loadTokensPerSecond, throughputPerGpu, v.gpus_per_replica, v.target_utilization);
  const monthlyTokens = (loadTokensPerSecond / v.peak_to_mean) * SECONDS_PER_MONTH;
  const monthlyCostUsd = plan.gpus * v.gpu_price_per_hour * HOURS_PER_MONTH;
  let api: PlannerResult["api"] = null;
  if (v.api_input_per_1m !== null && v.api_output_per_1m !== null) {
    // the mix of the requests decides the blended API price; an even split when no sizes are given
    const inShare = perRequest > 0 ? v.input_tokens / perRequest : 0.5;
    const usdPer1M = inShare * v.api_input_per_1m + (1 - inShare) * v.api_output_per_1m;
    const apiMonthly = (monthlyTokens / 1e6) * usdPer1M;
    const c = crossover({ gpusPerReplica: v.gpus_per_replica, pricePerGpuHour: v.gpu_price_per_hour, throughputPerGpu, targetUtilization: v.target_utilization, peakToMean: v.peak_to_mean, apiUsdPer1M: usdPer1M });
    api = { usdPer1M, monthlyCostUsd: apiMonthly, crossover: c, cheaper: monthlyCostUsd < apiMonthly ? "self-hosted" : "api" };
  }
  return { ...plan, loadTokensPerSecond, throughputPerGpu, monthlyTokens, monthlyCostUsd, selfHostUsdPer1M: (monthlyCostUsd / monthlyTokens) * 1e6, api };
}
