/**
 * The three GPU levers on one deployment's window (stats.ts): right-sizing, autoscaling idle hours
 * and quantization. Pure rules returning a Candidate or null. The what-if replay prices API traffic
 * only, so these carry `scenario: null` and say in `savings_method` how the figure was made.
 */
import type { Candidate } from "@/lib/recommendation-contract/candidate";
import { DEFAULT_TARGET_UTILIZATION, gpusForLoad, QUANTIZATION_SOURCE, QUANTIZATION_TABLE, quantizationGain, type Precision } from "./capacity";
import { centsString, deploymentGroup, gpuMonthsPico, num, pct, selfHostedHref } from "./candidate-parts";
import type { DeploymentStats } from "./stats";
import { usdToPico } from "@/lib/selfhosted/money";

export const RIGHTSIZE_P95_BELOW = 0.4;
/** an hour is idle when it served at most this share of the deployment's p95 hourly requests */
export const IDLE_SHARE_OF_P95 = 0.05;
/** idle hours must be at least this share of the window before scaling them down is worth the cold starts */
export const MIN_IDLE_SHARE = 0.1;

export type RuleContext = { windowMs: number; ownerTeam: string | null };

const gpusText = (n: number) => `${n} GPU${n === 1 ? "" : "s"}`;
const roundUpTo = (v: number, step: number) => Math.ceil(v / step - 1e-9) * step;

/** GPUs the p95 load needs at the target utilization, in whole replicas, never more than it has. */
export function gpusNeeded(s: DeploymentStats): number | null {
  if (s.p95Util === null || s.gpus === 0) return null;
  return Math.min(s.gpus, Math.max(s.gpusPerReplica, roundUpTo((s.gpus * s.p95Util) / DEFAULT_TARGET_UTILIZATION, s.gpusPerReplica)));
}

function base(s: DeploymentStats, ctx: RuleContext) {
  const name = s.deployment.name;
  return { scope: { deployment: name }, evidence_href: selfHostedHref(name, ctx.windowMs), scenario: null, owner_team: ctx.ownerTeam, overlap_group: deploymentGroup(name) };
}

export function rightsizing(s: DeploymentStats, ctx: RuleContext): Candidate | null {
  const need = gpusNeeded(s);
  if (need === null || s.p95Util === null || s.p95Util >= RIGHTSIZE_P95_BELOW || need >= s.gpus) return null;
  const removed = s.gpus - need;
  const smaller = need === s.gpusPerReplica && s.gpusPerReplica === 1 && s.gpuMemGib !== null && s.memUsedShare !== null && s.gpuMemGib > 48
    ? " (or one smaller GPU, e.g. 48 GB, if the weights and KV cache fit)" : "";
  return {
    kind: "gpu_rightsizing",
    key: `gpu_rightsizing:${s.deployment.name}`,
    ...base(s, ctx),
    title: `Run ${s.deployment.name} on ${gpusText(need)} instead of ${s.gpus}${smaller}`,
    evidence: [
      { label: "GPUs", value: `${s.gpus} × ${s.gpuModel || "GPU"} at $${s.pricePerGpuHour}/GPU-hour` },
      { label: "p95 hourly GPU utilization", value: pct(s.p95Util) },
      { label: "average GPU utilization", value: pct(s.avgUtil) },
      { label: "GPU memory in use", value: s.memUsedShare === null ? "not measured" : `${pct(s.memUsedShare)} of ${num(s.gpuMemGib ?? 0)} GiB (vLLM preallocates its KV cache)` },
      { label: "GPUs per replica", value: `${s.gpusPerReplica} (${s.replicaBasis})` },
      { label: "GPUs needed", value: `${need}: ${s.gpus} × ${pct(s.p95Util)} / ${pct(DEFAULT_TARGET_UTILIZATION)} target, in whole replicas` },
    ],
    monthly_savings_usd: centsString(gpuMonthsPico(removed, s.pricePerGpuHour)),
    savings_method: `Rule: p95 hourly utilization below ${pct(RIGHTSIZE_P95_BELOW)}; GPUs needed = GPUs × p95 utilization / ${pct(DEFAULT_TARGET_UTILIZATION)} rounded up to whole replicas; savings = ${removed} GPUs removed × $${s.pricePerGpuHour}/GPU-hour × 730 hours a month.`,
    confidence: s.hours.length >= 24 * 7 ? "high" : "medium",
    risk: "Less headroom for traffic spikes (p99 latency, queueing): remove one replica first, watch queue depth and p99 for a week, then the next.",
  };
}

export function autoscaling(s: DeploymentStats, ctx: RuleContext): Candidate | null {
  if (!s.hasServing || s.hours.length === 0) return null;
  const served = s.hours.filter((h) => h.served);
  const byRequests = served.some((h) => h.requests > 0);
  const load = (h: (typeof served)[number]) => (byRequests ? h.requests : h.tokens);
  const p95 = [...served.map(load)].sort((a, b) => a - b)[Math.max(0, Math.ceil(0.95 * served.length) - 1)] ?? 0;
  const replicas = Math.floor(s.gpus / s.gpusPerReplica);
  // with several replicas keep one warm (seed 000: cold starts take 45-90 s); a single replica can only go to zero when nothing came
  const keep = replicas > 1 ? s.gpusPerReplica : 0;
  const idle = s.hours.filter((h) => (keep > 0 ? h.served && load(h) <= p95 * IDLE_SHARE_OF_P95 : h.served && load(h) === 0));
  if (idle.length < s.hours.length * MIN_IDLE_SHARE) return null;
  const removableGpuMs = idle.reduce((sum, h) => sum + (h.gpuMs * Math.max(0, h.gpus - keep)) / Math.max(1, h.gpus), 0);
  if (!(removableGpuMs > 0)) return null;
  const pico = (BigInt(Math.round(removableGpuMs)) * usdToPico(s.pricePerGpuHour) * 730n) / (3_600_000n * BigInt(s.hours.length));
  const perDay = (idle.length / s.hours.length) * 24;
  return {
    kind: "autoscaling",
    key: `autoscaling:${s.deployment.name}`,
    ...base(s, ctx),
    title: keep > 0 ? `Scale ${s.deployment.name} down to one replica (${keep} GPUs) in its idle hours` : `Scale ${s.deployment.name} to zero in the hours without requests`,
    evidence: [
      { label: "idle hours", value: `${idle.length} of ${s.hours.length} billed hours (~${perDay.toFixed(1)} h a day)` },
      { label: "idle hour", value: keep > 0 ? `at most ${pct(IDLE_SHARE_OF_P95)} of the p95 hour's ${byRequests ? "requests" : "tokens"} (${num(p95)})` : "no requests at all" },
      { label: "GPUs billed in those hours", value: `${s.gpus} × $${s.pricePerGpuHour}/GPU-hour` },
      { label: "GPU-hours that scaling down removes", value: num(removableGpuMs / 3_600_000, 1) },
    ],
    monthly_savings_usd: centsString(pico),
    savings_method: `GPU-hours billed in idle hours above ${keep > 0 ? "one warm replica" : "zero"} × $${s.pricePerGpuHour}/GPU-hour, scaled from the ${s.hours.length} observed hours to 730 hours a month.`,
    confidence: idle.length >= 24 * 3 ? "high" : "medium",
    risk: `Requests arriving in a scaled-down hour wait for a replica to load (45-90 s for a large model): scale on queue depth, not the clock, keep ${keep > 0 ? "one replica warm" : "a warm pool if latency matters"}, and watch p99 latency the first week.`,
  };
}

const OPTIONS: Record<Precision, Precision[]> = { fp32: ["int8", "int4_awq"], fp16: ["int8", "int4_awq"], int8: ["int4_awq"], int4_gptq: [], int4_awq: [] };

/** GPUs after quantization for the same p95 load, with the weights shrinking the replica too. */
export function quantizedGpus(s: DeploymentStats, to: Precision): number | null {
  if (s.p95TokensPerSecond === null || s.throughputPerGpu === null) return null;
  const g = quantizationGain(s.precision, to);
  const replica = 2 ** Math.max(0, Math.ceil(Math.log2(Math.max(1, s.gpusPerReplica * g.memory))));
  return gpusForLoad(s.p95TokensPerSecond, s.throughputPerGpu * g.throughput, replica, DEFAULT_TARGET_UTILIZATION).gpus;
}

export function quantization(s: DeploymentStats, ctx: RuleContext): Candidate | null {
  if (s.p95TokensPerSecond === null || s.throughputPerGpu === null) return null;
  // measured against what the load needs at today's precision, so the figure is the quantization's own share
  const now = Math.min(s.gpus, gpusForLoad(s.p95TokensPerSecond, s.throughputPerGpu, s.gpusPerReplica, DEFAULT_TARGET_UTILIZATION).gpus);
  const options = OPTIONS[s.precision].map((to) => ({ to, gpus: quantizedGpus(s, to)! })).filter((o) => o.gpus < now);
  if (options.length === 0) return null;
  const best = options.reduce((a, b) => (b.gpus < a.gpus ? b : a));
  const q = QUANTIZATION_TABLE[best.to];
  const gain = quantizationGain(s.precision, best.to);
  return {
    kind: "quantization",
    key: `quantization:${s.deployment.name}`,
    ...base(s, ctx),
    title: `Serve ${s.deployment.name} at ${q.label}: ${gpusText(best.gpus)} for the same load instead of ${now}`,
    evidence: [
      { label: "precision now", value: `${QUANTIZATION_TABLE[s.precision].label} (from the model name ${s.deployment.model})` },
      { label: "measured throughput", value: `${num(s.throughputPerGpu)} tokens/s per busy GPU` },
      { label: "p95 load", value: `${num(s.p95TokensPerSecond)} tokens/s` },
      { label: `throughput at ${q.label}`, value: `×${gain.throughput.toFixed(2)} (${q.throughput}× vs ${QUANTIZATION_TABLE[s.precision].throughput}× FP32 in ${QUANTIZATION_SOURCE})` },
      { label: "weight memory", value: `×${gain.memory} (${q.bits}-bit weights)` },
      ...options.map((o) => ({ label: `GPUs at ${QUANTIZATION_TABLE[o.to].label}`, value: `${o.gpus} (now ${now})` })),
    ],
    monthly_savings_usd: centsString(gpuMonthsPico(now - best.gpus, s.pricePerGpuHour)),
    savings_method: `The p95 load over the measured throughput × the seed's ${q.label} gain, at a ${Math.round(DEFAULT_TARGET_UTILIZATION * 100)}% target in whole replicas, against the GPUs it needs today: ${now - best.gpus} GPUs × $${s.pricePerGpuHour}/GPU-hour × 730 hours.`,
    confidence: "low",
    risk: `Quality loss ${q.qualityLoss} in the seed's table, more on math and reasoning: run an A/B quality test on ~1,000 representative requests, then route 5% of traffic to the quantized replica before moving the rest; the gain was measured on a 7B model and varies by model and GPU.`,
  };
}
