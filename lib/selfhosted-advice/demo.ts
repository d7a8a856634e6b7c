import "server-only";
/**
 * The demo's over-provisioned deployment, so GPU right-sizing finds its planted case on first start:
 * "llama-8b-internal" (Llama 3.1 8B on vLLM, one GPU per replica) on 4 A100s that run at ~20 %
 * around the clock: two GPUs carry its p95 hour at the 70 % target, so two are surplus
 * (2 × $3.06 × 730 h = $4,467.60 a month). A separate deployment on its own node and namespace, so
 * the existing demo cluster's figures (llama-70b-prod) stay as they were.
 */
import { seededRandom } from "@/lib/random/seeded";
import { createDeployment, listDeployments } from "@/lib/selfhosted/deployments";
import { insertGpuSamples } from "@/lib/selfhosted/gpu-samples";
import { insertServingSamples } from "@/lib/selfhosted/serving-samples";
import { generateWorkload, STEP_MS } from "./workload";

export const DEMO_OVERPROVISIONED = "llama-8b-internal";
const MODEL = "meta-llama/Llama-3.1-8B-Instruct";
const DAYS = 35;

export async function seedDemoSelfHostedAdvice(orgId: string, end = new Date()): Promise<void> {
  if ((await listDeployments(orgId)).some((d) => d.name === DEMO_OVERPROVISIONED)) return;
  await createDeployment(orgId, "demo", {
    name: DEMO_OVERPROVISIONED,
    model: MODEL,
    gpu_price_per_hour_usd: "3.06",
    match: { namespace: "llm-internal" },
    endpoints: ["demo-vllm-internal"],
  });
  const rand = seededRandom(1211);
  const endMs = Math.floor(end.getTime() / STEP_MS) * STEP_MS;
  const startMs = endMs - DAYS * 86_400_000;
  const w = generateWorkload(
    {
      gpus: 4, hostname: "gpu-small-1", namespace: "llm-internal", gpuModel: "NVIDIA A100-SXM4-80GB", servedModel: MODEL,
      fbUsedMib: 73_000, fbTotalMib: 81_920, tokensPerBusyGpuSecond: 6000, tokensPerRequest: 900,
      // an internal tool: a mild daily swing around 20 %, never idle
      util: (t) => 0.2 + 0.05 * Math.sin(((new Date(t).getUTCHours() - 9) / 24) * 2 * Math.PI) + 0.02 * (rand() - 0.5),
    },
    startMs,
    endMs,
  );
  // a week per insert: bounded memory, and at most two monthly partitions per insert
  const week = 7 * 144;
  for (let i = 0; i < w.serving.length; i += week) {
    await insertGpuSamples([{ orgId, sourceId: "demo-dcgm-internal", rows: w.gpus.slice(i * 4, (i + week) * 4) }]);
    await insertServingSamples([{ orgId, sourceId: "demo-vllm-internal", rows: w.serving.slice(i, i + week) }]);
  }
}
