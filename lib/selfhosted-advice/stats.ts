/**
 * A deployment's window reduced to what the self-hosted finders reason on: per hour its GPUs, busy
 * share and served load; over the window its GPU count, price, replica size and measured throughput.
 * Pure: takes the hourly rows lib/selfhosted/report.ts loads.
 */
import type { Deployment } from "@/lib/selfhosted/deployment-types";
import { gpuHourPrice } from "@/lib/selfhosted/deployment-types";
import type { GpuHourRow } from "@/lib/selfhosted/gpu-samples";
import type { ServingHourRow } from "@/lib/selfhosted/serving-samples";
import { paramsBillions, precisionOf, QUANTIZATION_TABLE, replicaGpusFor, type Precision } from "./capacity";

export type HourStat = {
  hourMs: number;
  gpus: number;
  gpuMs: number;
  /** busy share of the hour across the deployment's GPUs; null when no utilization was measured */
  util: number | null;
  tokens: number;
  requests: number;
  /** whether the serving endpoints reported this hour at all */
  served: boolean;
};

export type DeploymentStats = {
  deployment: Deployment;
  hours: HourStat[];
  /** the typical number of GPUs billed in an hour (median over the hours with samples) */
  gpus: number;
  gpuModel: string;
  pricePerGpuHour: string;
  /** average total GPU memory (used + free), GiB */
  gpuMemGib: number | null;
  memUsedShare: number | null;
  precision: Precision;
  gpusPerReplica: number;
  replicaBasis: string;
  p95Util: number | null;
  avgUtil: number | null;
  p95TokensPerSecond: number | null;
  /** tokens served per second of busy GPU time: what one GPU serves at 100 % busy at this workload's mix */
  throughputPerGpu: number | null;
  hasServing: boolean;
};

const n = (v: string | number | null | undefined) => Number(v ?? 0);
export const hourMsOf = (h: string) => Date.parse(String(h).replace(" ", "T").slice(0, 19) + "Z");

/** Nearest-rank percentile of the given values; null when there are none. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
}

function mostCommon(values: string[]): string {
  const c = new Map<string, number>();
  for (const v of values) c.set(v, (c.get(v) ?? 0) + 1);
  return [...c.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? "";
}

export function deploymentStats(deployment: Deployment, gpu: GpuHourRow[], serving: ServingHourRow[]): DeploymentStats {
  const byHour = new Map<number, { keys: Set<string>; gpuMs: number; busy: number; known: number }>();
  const mem: { used: number; total: number }[] = [];
  for (const r of gpu) {
    const h = hourMsOf(r.hour);
    const a = byHour.get(h) ?? { keys: new Set<string>(), gpuMs: 0, busy: 0, known: 0 };
    a.keys.add(r.gpu_key);
    a.gpuMs += n(r.covered_ms);
    a.busy += n(r.busy_ms);
    a.known += n(r.known_ms);
    byHour.set(h, a);
    if (r.fb_used_avg !== null && r.fb_free_avg !== null) mem.push({ used: r.fb_used_avg, total: r.fb_used_avg + r.fb_free_avg });
  }
  const serve = new Map<number, ServingHourRow>();
  for (const s of serving) serve.set(hourMsOf(s.hour), s);
  const hours: HourStat[] = [...byHour.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([hourMs, a]) => {
      const s = serve.get(hourMs);
      return {
        hourMs,
        gpus: a.keys.size,
        gpuMs: a.gpuMs,
        util: a.known > 0 ? a.busy / a.known : null,
        tokens: s ? n(s.prompt_tokens) + n(s.generation_tokens) : 0,
        requests: s ? n(s.requests) : 0,
        served: Boolean(s),
      };
    });
  const utils = hours.map((h) => h.util).filter((u): u is number => u !== null);
  const gpus = percentile(hours.map((h) => h.gpus), 0.5) ?? 0;
  const gpuModel = mostCommon(gpu.map((r) => r.model_name));
  const gpuMemGib = mem.length ? mem.reduce((s, m) => s + m.total, 0) / mem.length / 1024 : null;
  const memUsedShare = mem.length ? mem.reduce((s, m) => s + m.used, 0) / mem.reduce((s, m) => s + m.total, 0) : null;
  const precision = precisionOf(deployment.model);
  const fromSize = replicaGpusFor(paramsBillions(deployment.model), QUANTIZATION_TABLE[precision].bits, gpuMemGib);
  // The replica size bounds every reduction (tensor-parallel GPUs go in whole replicas): from the
  // model's size and the GPU's memory when the name gives the size, else one replica per endpoint.
  const perEndpoint = deployment.endpoints.length > 0 ? Math.max(1, Math.round(gpus / deployment.endpoints.length)) : 1;
  const gpusPerReplica = Math.max(1, Math.min(gpus || 1, fromSize ?? perEndpoint));
  const replicaBasis = fromSize !== null
    ? `${paramsBillions(deployment.model)}B parameters at ${QUANTIZATION_TABLE[precision].label} with 20% headroom on ${gpuMemGib!.toFixed(0)} GiB GPUs`
    : deployment.endpoints.length > 0 ? `${deployment.endpoints.length} serving endpoint(s) over ${gpus} GPUs` : "model size unknown: one GPU per replica assumed";
  const servedHours = hours.filter((h) => h.served);
  const tokens = servedHours.reduce((s, h) => s + h.tokens, 0);
  const busyGpuSeconds = servedHours.reduce((s, h) => s + (h.util ?? 0) * h.gpuMs, 0) / 1000;
  return {
    deployment,
    hours,
    gpus,
    gpuModel,
    pricePerGpuHour: gpuHourPrice(deployment, gpuModel),
    gpuMemGib,
    memUsedShare,
    precision,
    gpusPerReplica,
    replicaBasis,
    p95Util: percentile(utils, 0.95),
    avgUtil: utils.length ? hours.reduce((s, h) => s + (h.util ?? 0) * h.gpuMs, 0) / hours.filter((h) => h.util !== null).reduce((s, h) => s + h.gpuMs, 0) : null,
    p95TokensPerSecond: servedHours.length ? percentile(servedHours.map((h) => h.tokens / 3600), 0.95) : null,
    throughputPerGpu: tokens > 0 && busyGpuSeconds > 0 ? tokens / busyGpuSeconds : null,
    hasServing: servedHours.length > 0,
  };
}

/**
 * A deployment without serving endpoints: its hourly requests and tokens from the ledger events sent
 * with `provider` = its name, so idle hours can still be told apart from busy ones. The hours' GPU
 * figures stay those of the samples; throughput stays unmeasured (events may not carry every token).
 */
export function withEventLoad(s: DeploymentStats, hourly: { hourMs: number; requests: number; tokens: number }[]): DeploymentStats {
  if (s.hasServing || hourly.length === 0) return s;
  const by = new Map(hourly.map((h) => [h.hourMs, h]));
  return { ...s, hasServing: true, hours: s.hours.map((h) => ({ ...h, served: true, requests: by.get(h.hourMs)?.requests ?? 0, tokens: by.get(h.hourMs)?.tokens ?? 0 })) };
}
