/**
 * API models with an open-weight substitute of similar quality, and what a substitute costs to run
 * when the organization has no deployment of it to measure. Pure data with its sources; frontier
 * models (GPT-4o/4.1, Claude Sonnet/Opus, reasoning models) have none here: seed 000 puts Llama 3 70B
 * at 90% of GPT-4 Turbo against 98% for GPT-4o, a gap a cost tool should not paper over.
 */
export type OpenWeightFamily = {
  id: string;
  label: string;
  /** matches a deployment's served model, so its measured throughput and price are used */
  deploymentModel: RegExp;
  paramsB: number;
  /** used only without a deployment of the family: stated assumptions, not measurements */
  assumed: { gpuModel: string; pricePerGpuHour: number; gpusPerReplica: number; throughputPerGpu: number; source: string };
};

const A100 = "A100 80GB at $3.06/GPU-hour (seed 000's A100 price)";

export const FAMILIES: Record<string, OpenWeightFamily> = {
  "llama-70b": {
    id: "llama-70b",
    label: "Llama 3.x 70B Instruct",
    deploymentModel: /llama[^/]*?3[^/]*?70b/i,
    paramsB: 70,
    assumed: { gpuModel: "NVIDIA A100 80GB", pricePerGpuHour: 3.06, gpusPerReplica: 4, throughputPerGpu: 2125, source: `assumption from seed 000's self-hosted Llama 3 70B at $0.0004/1K tokens: 4 × ${A100} per replica, $3.06 / $0.40 per 1M = ~2,125 tokens/s per GPU at full use` },
  },
  "llama-8b": {
    id: "llama-8b",
    label: "Llama 3.x 8B Instruct",
    deploymentModel: /llama[^/]*?3[^/]*?8b/i,
    paramsB: 8,
    assumed: { gpuModel: "NVIDIA A100 80GB", pricePerGpuHour: 3.06, gpusPerReplica: 1, throughputPerGpu: 10625, source: `assumption from seed 000's self-hosted Llama 3 8B at $0.00008/1K tokens: one ${A100}, $3.06 / $0.08 per 1M = ~10,625 tokens/s at full use` },
  },
};

export type Substitute = { api: RegExp; family: string; quality: string };

/** API model -> open-weight family of similar quality, each with where the claim comes from. */
export const SUBSTITUTES: Substitute[] = [
  { api: /^gpt-3\.5-turbo/, family: "llama-70b", quality: "seed 000: Llama 3 70B at 90% of GPT-4 Turbo's quality, GPT-3.5 Turbo at 82%" },
  { api: /^gpt-4o-mini/, family: "llama-70b", quality: "assumption: GPT-4o mini sits in the GPT-3.5 / Llama 3 70B tier of seed 000's table (82-90%); check on your own traffic" },
  { api: /^gpt-4\.1-mini/, family: "llama-70b", quality: "assumption: a small-tier API model, compared with Llama 3 70B (90% in seed 000); check on your own traffic" },
  { api: /^gpt-4\.1-nano/, family: "llama-8b", quality: "assumption: the smallest API tier, compared with Llama 3 8B (74% in seed 000); check on your own traffic" },
  { api: /^claude-3(-5)?-haiku/, family: "llama-70b", quality: "assumption: a small-tier API model, compared with Llama 3 70B (90% in seed 000); check on your own traffic" },
  { api: /^gemini-[\d.]+-flash/, family: "llama-70b", quality: "assumption: a small-tier API model, compared with Llama 3 70B (90% in seed 000); check on your own traffic" },
];

export function substituteFor(apiModel: string): { family: OpenWeightFamily; quality: string } | null {
  const s = SUBSTITUTES.find((x) => x.api.test(apiModel));
  return s ? { family: FAMILIES[s.family], quality: s.quality } : null;
}
