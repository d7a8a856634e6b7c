import "server-only";
/**
 * The demo organization's self-hosted cluster: deployment "llama-70b-prod" (Llama 3.3 70B on vLLM,
 * tensor-parallel over 4 H100s per node, 2 nodes) with 60 days of DCGM and vLLM history at 10-minute
 * resolution, written straight to the sample tables: busy working days, idle nights and quieter
 * weekends, and one GPU (gpu-node-2 / GPU 3) that a lopsided shard leaves mostly idle.
 */
import { seededRandom } from "@/lib/random/seeded";
import { createDeployment, listDeployments } from "./deployments";
import { insertGpuSamples } from "./gpu-samples";
import { insertServingSamples } from "./serving-samples";
import type { GpuSample, ServingSample } from "./types";

export const DEMO_DEPLOYMENT = "llama-70b-prod";
export const DEMO_ENDPOINTS = ["demo-vllm-node-1", "demo-vllm-node-2"];
const DCGM_SOURCE = "demo-dcgm";
const STEP_MS = 10 * 60_000;
const DAYS = 60;
const MODEL = "meta-llama/Llama-3.3-70B-Instruct";

/** Share of peak load at a UTC time: working hours high, nights near idle, weekends a third. */
function load(ms: number, rand: () => number): number {
  const d = new Date(ms);
  const h = d.getUTCHours() + d.getUTCMinutes() / 60;
  const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
  const day = h >= 7 && h < 21 ? 0.45 + 0.4 * Math.sin(((h - 7) / 14) * Math.PI) : 0.03;
  return Math.min(1, Math.max(0, day * (weekend ? 0.35 : 1) * (0.9 + 0.2 * rand())));
}

export async function seedDemoSelfHosted(orgId: string, end = new Date()): Promise<void> {
  if ((await listDeployments(orgId)).some((d) => d.name === DEMO_DEPLOYMENT)) return;
  await createDeployment(orgId, "demo", {
    name: DEMO_DEPLOYMENT,
    model: MODEL,
    gpu_price_per_hour_usd: "2.49",
    gpu_pricing: { "NVIDIA H100 80GB HBM3": { on_demand: "2.49", reserved: "1.85", spot: "1.20" } },
    pricing_kind: "on_demand",
    match: { namespace: "llm-prod" },
    endpoints: DEMO_ENDPOINTS,
  });
  const rand = seededRandom(1205);
  const endMs = Math.floor(end.getTime() / STEP_MS) * STEP_MS;
  const startMs = endMs - DAYS * 86_400_000;
  let gpus: GpuSample[] = [];
  let serving: ServingSample[] = [];
  const flush = async () => {
    await insertGpuSamples([{ orgId, sourceId: DCGM_SOURCE, rows: gpus }]);
    for (const [i, src] of DEMO_ENDPOINTS.entries()) await insertServingSamples([{ orgId, sourceId: src, rows: serving.filter((s) => s.seriesKey.endsWith(`|${i}`)) }]);
    gpus = [];
    serving = [];
  };
  for (let t = startMs; t < endMs; t += STEP_MS) {
    const base = { tsMs: t, prevTsMs: t === startMs ? 0 : t - STEP_MS, coveredMs: STEP_MS };
    for (let node = 0; node < 2; node++) {
      const l = load(t, rand) * (node === 1 ? 0.8 : 1);
      for (let g = 0; g < 4; g++) {
        const underUsed = node === 1 && g === 3;
        const busy = Math.min(1, l * (underUsed ? 0.15 : 0.95 + 0.1 * rand()));
        const uuid = `GPU-demo-${node}-${g}`;
        gpus.push({
          ...base, gpuKey: uuid, uuid, gpu: String(g), hostname: `gpu-node-${node + 1}`, modelName: "NVIDIA H100 80GB HBM3", pod: `llama-70b-${node}`, namespace: "llm-prod",
          labels: { gpu: String(g), UUID: uuid, hostname: `gpu-node-${node + 1}`, modelName: "NVIDIA H100 80GB HBM3", pod: `llama-70b-${node}`, namespace: "llm-prod", container: "vllm" },
          util: Math.min(1, busy * 1.15 + 0.01), engineActive: Math.round(busy * 1e4) / 1e4, tensorActive: Math.round(busy * 0.7 * 1e4) / 1e4,
          // vLLM preallocates 90% of memory for weights and KV cache whether busy or not
          fbUsedMib: underUsed ? 52_000 : 73_500, fbFreeMib: underUsed ? 29_559 : 8_059, powerW: Math.round(90 + 600 * busy),
        });
      }
      const seconds = STEP_MS / 1000;
      const tokS = 3000 * l;
      const prompt = Math.round(tokS * 0.75 * seconds);
      const gen = Math.round(tokS * 0.25 * seconds);
      serving.push({
        ...base, seriesKey: `${MODEL}|${node}`, engine: "vllm", model: MODEL,
        promptTokens: prompt, generationTokens: gen, requests: Math.round(prompt / 1800), preemptions: l > 0.85 ? Math.round(rand() * 4) : 0,
        prefixQueries: prompt, prefixHits: Math.round(prompt * (0.35 + 0.1 * rand())), prefillSeconds: prompt / 9000, decodeSeconds: gen / 45,
        running: Math.round(40 * l), waiting: l > 0.8 ? Math.round(20 * (l - 0.8) * 10) : 0, kvCache: Math.round(Math.min(0.98, 0.1 + 0.85 * l) * 1000) / 1000,
      });
    }
    // a week per insert: bounded memory, and at most two monthly partitions per insert
    if (gpus.length >= 8 * 144 * 7) await flush();
  }
  await flush();
}
