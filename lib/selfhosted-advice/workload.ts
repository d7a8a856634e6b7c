/**
 * Generated DCGM and vLLM samples of one deployment with a known shape, for the demo's
 * over-provisioned deployment and the finders' tests: every GPU busy `util(t)` of each 10-minute
 * step, and the serving endpoint counting exactly the tokens that busy time serves at
 * `tokensPerBusyGpuSecond`, so planted over-provisioning and idle hours have a size known by hand. Pure.
 */
import type { GpuSample, ServingSample } from "@/lib/selfhosted/types";

export type WorkloadSpec = {
  gpus: number;
  hostname: string;
  namespace: string;
  gpuModel: string;
  servedModel: string;
  /** GPU memory (MiB) the engine holds and the total */
  fbUsedMib: number;
  fbTotalMib: number;
  tokensPerBusyGpuSecond: number;
  tokensPerRequest: number;
  /** busy share (0-1) of every GPU at a time; may use the seeded random for noise */
  util: (ms: number) => number;
  /** whether requests arrive in the step (idle hours: busy share from housekeeping, no requests) */
  serving?: (ms: number) => boolean;
};

export const STEP_MS = 10 * 60_000;

export function generateWorkload(spec: WorkloadSpec, startMs: number, endMs: number, stepMs = STEP_MS): { gpus: GpuSample[]; serving: ServingSample[] } {
  const gpus: GpuSample[] = [];
  const serving: ServingSample[] = [];
  for (let t = startMs; t < endMs; t += stepMs) {
    const base = { tsMs: t, prevTsMs: t === startMs ? 0 : t - stepMs, coveredMs: stepMs };
    const u = Math.min(1, Math.max(0, spec.util(t)));
    const busyRounded = Math.round(u * 1e4) / 1e4;
    for (let g = 0; g < spec.gpus; g++) {
      const uuid = `GPU-${spec.namespace}-${g}`;
      const labels = { gpu: String(g), UUID: uuid, hostname: spec.hostname, modelName: spec.gpuModel, pod: `${spec.namespace}-0`, namespace: spec.namespace, container: "vllm" };
      gpus.push({
        ...base, gpuKey: uuid, uuid, gpu: String(g), hostname: spec.hostname, modelName: spec.gpuModel, pod: labels.pod, namespace: spec.namespace, labels,
        util: Math.min(1, busyRounded * 1.1), engineActive: busyRounded, tensorActive: Math.round(busyRounded * 0.7 * 1e4) / 1e4,
        fbUsedMib: spec.fbUsedMib, fbFreeMib: spec.fbTotalMib - spec.fbUsedMib, powerW: Math.round(80 + 500 * busyRounded),
      });
    }
    const on = spec.serving ? spec.serving(t) : true;
    const tokens = on ? Math.round(busyRounded * spec.gpus * spec.tokensPerBusyGpuSecond * (stepMs / 1000)) : 0;
    const prompt = Math.round(tokens * 0.75);
    const gen = tokens - prompt;
    serving.push({
      ...base, seriesKey: `${spec.servedModel}|0`, engine: "vllm", model: spec.servedModel,
      promptTokens: prompt, generationTokens: gen, requests: Math.round(tokens / spec.tokensPerRequest), preemptions: 0,
      prefixQueries: prompt, prefixHits: Math.round(prompt * 0.3), prefillSeconds: prompt / 9000, decodeSeconds: gen / 45,
      running: on ? Math.round(30 * busyRounded) : 0, waiting: 0, kvCache: Math.round((0.05 + 0.8 * busyRounded) * 1000) / 1000,
    });
  }
  return { gpus, serving };
}
