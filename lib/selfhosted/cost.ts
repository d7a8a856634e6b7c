/**
 * GPU time -> dollars -> dollars per 1M tokens, on the two bases of data-sources.md section 6. Pure, in
 * integer pico-dollars so totals reconcile exactly to the GPU bill.
 *
 * - gpu_hours: GPUs x the time they were observed (each sample stands for the time since the previous
 *   scrape, capped at three intervals so a scrape outage is not billed as observed time).
 * - gpu_cost (allocation basis): gpu_hours x the price per GPU-hour; what the bill says.
 * - busy share: DCGM_FI_PROF_GR_ENGINE_ACTIVE (fraction of time the graphics engine ran) where the
 *   exporter has profiling metrics, else DCGM_FI_DEV_GPU_UTIL / 100 ("a kernel was running"), per sample.
 * - idle_cost = gpu_cost x (1 - busy share); usage-basis cost = gpu_cost - idle_cost.
 * - cost_per_1m_tokens_allocation = gpu_cost / tokens x 1e6; _usage = (gpu_cost - idle) / tokens x 1e6.
 * - input/output split (OpenCost's v1 method): the busy cost divides between prefill (input) and decode
 *   (output) by vLLM's request_prefill_time / request_decode_time seconds; without those, both get the
 *   blended rate.
 */
import { usd, usdToPico } from "./money";

const MS_PER_HOUR = 3_600_000n;

/** Cost of `coveredMs` of one GPU at `priceUsd` per hour, floored to the pico-dollar. */
export function gpuCostPico(coveredMs: number, priceUsd: string): bigint {
  return (BigInt(Math.round(coveredMs)) * usdToPico(priceUsd)) / MS_PER_HOUR;
}

/** The busy part of a cost given busy and known milliseconds; null when utilization was never measured. */
export function busyCostPico(costPico: bigint, busyMs: number, knownMs: number): bigint | null {
  if (!(knownMs > 0)) return null;
  const share = Math.min(1, Math.max(0, busyMs / knownMs));
  // share to 1e-9: plenty for money, and exact for the round shares tests use
  return (costPico * BigInt(Math.round(share * 1e9))) / 1_000_000_000n;
}

/** pico / tokens x 1e6 as a USD string, rounded to the pico-dollar; null without tokens. */
export function perMillion(pico: bigint | null, tokens: number): string | null {
  if (pico === null || !(tokens > 0)) return null;
  const t = BigInt(Math.round(tokens));
  return usd((pico * 1_000_000n + t / 2n) / t);
}

export type CostTotals = {
  gpuMs: number;
  /** time of samples with a busy metric; busy share = busyMs / knownMs */
  knownMs: number;
  busyMs: number;
  /** time of samples whose busy share came from GR_ENGINE_ACTIVE */
  engineActiveMs: number;
  gpuCostPico: bigint;
  /** null when any part of the cost had no utilization measured */
  busyCostPico: bigint | null;
  inputTokens: number;
  outputTokens: number;
  prefillSeconds: number;
  decodeSeconds: number;
};

export const emptyTotals = (): CostTotals => ({ gpuMs: 0, knownMs: 0, busyMs: 0, engineActiveMs: 0, gpuCostPico: 0n, busyCostPico: 0n, inputTokens: 0, outputTokens: 0, prefillSeconds: 0, decodeSeconds: 0 });

export function addTotals(a: CostTotals, b: CostTotals): CostTotals {
  return {
    gpuMs: a.gpuMs + b.gpuMs,
    knownMs: a.knownMs + b.knownMs,
    busyMs: a.busyMs + b.busyMs,
    engineActiveMs: a.engineActiveMs + b.engineActiveMs,
    gpuCostPico: a.gpuCostPico + b.gpuCostPico,
    busyCostPico: a.busyCostPico === null || b.busyCostPico === null ? null : a.busyCostPico + b.busyCostPico,
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    prefillSeconds: a.prefillSeconds + b.prefillSeconds,
    decodeSeconds: a.decodeSeconds + b.decodeSeconds,
  };
}

/** Usage-basis rates per 1M input and output tokens (the ledger's price for events of a deployment). */
export function splitRates(t: CostTotals): { input: string | null; output: string | null } {
  if (t.busyCostPico === null) return { input: null, output: null };
  const timed = t.prefillSeconds + t.decodeSeconds;
  if (timed > 0 && t.inputTokens > 0 && t.outputTokens > 0) {
    const inputPico = (t.busyCostPico * BigInt(Math.round((t.prefillSeconds / timed) * 1e9))) / 1_000_000_000n;
    return { input: perMillion(inputPico, t.inputTokens), output: perMillion(t.busyCostPico - inputPico, t.outputTokens) };
  }
  const blended = perMillion(t.busyCostPico, t.inputTokens + t.outputTokens);
  return { input: blended, output: blended };
}

export function costFigures(t: CostTotals) {
  const tokens = t.inputTokens + t.outputTokens;
  const idle = t.busyCostPico === null ? null : t.gpuCostPico - t.busyCostPico;
  const rates = splitRates(t);
  return {
    gpu_hours: Math.round((t.gpuMs / 3_600_000) * 1e6) / 1e6,
    gpu_cost_usd: usd(t.gpuCostPico),
    busy_cost_usd: t.busyCostPico === null ? null : usd(t.busyCostPico),
    idle_cost_usd: idle === null ? null : usd(idle),
    gpu_utilization_avg: t.knownMs > 0 ? Math.round((t.busyMs / t.knownMs) * 1e6) / 1e6 : null,
    utilization_metric: t.knownMs === 0 ? null : t.engineActiveMs >= t.knownMs ? "DCGM_FI_PROF_GR_ENGINE_ACTIVE" : t.engineActiveMs === 0 ? "DCGM_FI_DEV_GPU_UTIL" : "mixed",
    input_tokens: t.inputTokens,
    output_tokens: t.outputTokens,
    cost_per_1m_tokens_allocation: perMillion(t.gpuCostPico, tokens),
    cost_per_1m_tokens_usage: perMillion(t.busyCostPico, tokens),
    cost_per_1m_input_tokens_usage: rates.input,
    cost_per_1m_output_tokens_usage: rates.output,
  };
}
