import "server-only";
/**
 * What the capacity planner is prefilled with: each deployment's measured throughput, replica size,
 * price and load over the last 7 days, and the API models the organization used in the last 30 days
 * with their list prices (for the crossover) and measured $/1M.
 */
import { querySpend } from "@/lib/analytics/spend";
import { catalogPrice } from "@/lib/pricing/catalog";
import type { Rate } from "@/lib/pricing/rates";
import { listDeployments } from "@/lib/selfhosted/deployments";
import type { Precision } from "./capacity";
import { statsFor } from "./finders";

export type DeploymentPreset = {
  name: string;
  model: string;
  gpuModel: string;
  gpus: number;
  pricePerGpuHour: number;
  gpusPerReplica: number;
  precision: Precision;
  /** null when the deployment has no serving samples with busy GPU time in the range */
  throughputPerGpu: number | null;
  p95TokensPerSecond: number | null;
  tokensPerRequest: number | null;
};

export type ApiModelPreset = { provider: string; model: string; inputPer1M: number; outputPer1M: number; measuredPer1M: number | null; monthlyCostUsd: number };

const DAY = 86_400_000;
const per1M = (r: Rate | null) => (r === null ? null : (typeof r === "number" ? r : r.base) / 1e6);

export async function deploymentPresets(orgId: string, nowMs: number): Promise<DeploymentPreset[]> {
  const to = Math.ceil(nowMs / 3_600_000) * 3_600_000;
  const stats = await statsFor({ orgId, from: new Date(to - 7 * DAY), to: new Date(to), now: new Date(nowMs) });
  return stats.map((s) => {
    const served = s.hours.filter((h) => h.served);
    const tokens = served.reduce((a, h) => a + h.tokens, 0);
    const requests = served.reduce((a, h) => a + h.requests, 0);
    return {
      name: s.deployment.name,
      model: s.deployment.model,
      gpuModel: s.gpuModel,
      gpus: s.gpus,
      pricePerGpuHour: Number(s.pricePerGpuHour),
      gpusPerReplica: s.gpusPerReplica,
      precision: s.precision,
      throughputPerGpu: s.throughputPerGpu === null ? null : Math.round(s.throughputPerGpu),
      p95TokensPerSecond: s.p95TokensPerSecond === null ? null : Math.round(s.p95TokensPerSecond),
      tokensPerRequest: requests > 0 ? Math.round(tokens / requests) : null,
    };
  });
}

export async function apiModelPresets(orgId: string, nowMs: number): Promise<ApiModelPreset[]> {
  const to = new Date(Math.floor(nowMs / 3_600_000) * 3_600_000);
  const from = new Date(to.getTime() - 30 * DAY);
  const selfHosted = new Set((await listDeployments(orgId)).map((d) => d.name));
  const rows = await querySpend({ orgId, from, to, groupBy: ["provider", "model"], filters: {}, limit: 50 });
  const out: ApiModelPreset[] = [];
  for (const r of rows) {
    if (!r.provider || !r.model || selfHosted.has(r.provider)) continue;
    const card = catalogPrice(r.provider, r.model, to)?.card;
    const input = per1M(card?.input ?? null);
    const output = per1M(card?.output ?? null);
    if (input === null || output === null) continue;
    const tokens = r.input_uncached_tokens + r.cache_read_tokens + r.cache_write_5m_tokens + r.cache_write_1h_tokens + r.output_tokens - r.unpriced_tokens;
    out.push({ provider: r.provider, model: r.model, inputPer1M: input, outputPer1M: output, measuredPer1M: tokens > 0 ? (r.cost_usd / tokens) * 1e6 : null, monthlyCostUsd: (r.cost_usd * 730) / (30 * 24) });
  }
  return out;
}
