/**
 * The self-host vs API crossover for one API model with an open-weight substitute: the monthly
 * volume at which a deployment of the substitute costs less than the API, from the organization's
 * measured traffic and price on that model, and the substitute's measured throughput and GPU price
 * (a deployment of it) or the stated assumption of substitutes.ts. Pure.
 */
import type { Candidate } from "@/lib/recommendation-contract/candidate";
import { crossover, DEFAULT_TARGET_UTILIZATION, HOURS_PER_MONTH, selfHostMonthlyUsd } from "./capacity";
import { num, usdFloatString } from "./candidate-parts";
import { percentile } from "./stats";
import { substituteFor } from "./substitutes";

export type ApiModelTraffic = {
  provider: string;
  model: string;
  /** priced spend and the tokens of the priced requests over the window */
  costUsd: number;
  tokens: number;
  /** tokens per hour for every hour of the window (zeros included) */
  hourlyTokens: number[];
  topTeam: string | null;
};

export type MeasuredServing = { deployment: string; throughputPerGpu: number; pricePerGpuHour: number; gpusPerReplica: number; gpuModel: string };

export type SelfHostInputs = { traffic: ApiModelTraffic; measured: MeasuredServing | null; from: Date; to: Date };

export function selfHostCandidate({ traffic: t, measured, from, to }: SelfHostInputs): Candidate | null {
  const sub = substituteFor(t.model);
  if (!sub || !(t.tokens > 0) || !(t.costUsd > 0) || t.hourlyTokens.length === 0) return null;
  const hours = t.hourlyTokens.length;
  const mean = t.tokens / hours;
  const peakToMean = Math.max(1, (percentile(t.hourlyTokens, 0.95) ?? mean) / mean);
  const monthlyTokens = (t.tokens * HOURS_PER_MONTH) / hours;
  const apiMonthly = (t.costUsd * HOURS_PER_MONTH) / hours;
  const apiUsdPer1M = (t.costUsd / t.tokens) * 1e6;
  const f = sub.family;
  const basis = measured
    ? { throughputPerGpu: measured.throughputPerGpu, pricePerGpuHour: measured.pricePerGpuHour, gpusPerReplica: measured.gpusPerReplica, text: `measured on deployment ${measured.deployment}: ${num(measured.throughputPerGpu)} tokens/s per busy GPU, ${measured.gpusPerReplica} × ${measured.gpuModel} per replica at $${measured.pricePerGpuHour}/GPU-hour` }
    : { ...f.assumed, text: f.assumed.source };
  const c = crossover({ ...basis, targetUtilization: DEFAULT_TARGET_UTILIZATION, peakToMean, apiUsdPer1M });
  const self = selfHostMonthlyUsd(monthlyTokens, c);
  const past = c.crossoverTokensPerMonth !== null && self.usd < apiMonthly;
  const crossText = c.crossoverTokensPerMonth === null
    ? `never: at full use a replica costs $${c.selfHostUsdPer1MAtCapacity.toFixed(2)}/1M tokens, above the API's $${apiUsdPer1M.toFixed(2)}`
    : `${num(c.crossoverTokensPerMonth / 1e6, 1)}M tokens a month`;
  return {
    kind: "self_host",
    key: `self_host:${t.provider}/${t.model}`,
    scope: { provider: t.provider, model: t.model },
    title: past
      ? `Self-host ${f.label} instead of ${t.model}: past the crossover`
      : `Self-hosting ${f.label} instead of ${t.model} pays from ${crossText} (you send ${num(monthlyTokens / 1e6, 1)}M): not yet`,
    evidence: [
      { label: "monthly volume on the API", value: `${num(monthlyTokens / 1e6, 1)}M tokens ($${usdFloatString(apiMonthly)} a month, $${apiUsdPer1M.toFixed(4)}/1M measured)` },
      { label: "peak / mean hourly tokens", value: `${peakToMean.toFixed(2)} (self-hosted replicas are sized for the p95 hour)` },
      { label: "open-weight substitute", value: `${f.label}; ${sub.quality}` },
      { label: "throughput and GPU price", value: basis.text },
      { label: "one replica", value: `$${usdFloatString(c.replicaMonthlyUsd)} a month for up to ${num(c.replicaMonthlyTokens / 1e6, 1)}M tokens at ${Math.round(DEFAULT_TARGET_UTILIZATION * 100)}% target utilization` },
      { label: "crossover", value: crossText },
      { label: "self-hosted at your volume", value: `${self.replicas} replica(s), $${usdFloatString(self.usd)} a month` },
      ...(past ? [] : [{ label: "status", value: "informational: below the crossover, so no savings; keep it out of totals" }]),
    ],
    evidence_href: `/?provider=${encodeURIComponent(t.provider)}&model=${encodeURIComponent(t.model)}&from=${from.toISOString()}&to=${to.toISOString()}`,
    // below the crossover self-hosting saves nothing at today's volume: the figure is informational
    monthly_savings_usd: past ? usdFloatString(apiMonthly - self.usd) : "0",
    scenario: null,
    savings_method: past
      ? `The API's measured monthly cost minus ${self.replicas} replica(s) of ${f.label} sized for the p95 hour, each $${usdFloatString(c.replicaMonthlyUsd)} a month (GPUs × $/GPU-hour × 730 h).`
      : "Informational: below the crossover volume self-hosting costs more than the API, so there is no saving to count.",
    confidence: past ? (measured ? "medium" : "low") : "low",
    risk: `Quality: ${sub.quality}. Run the substitute on a sample of real requests and compare, then route 5% of the traffic first. Self-hosting adds on-call, upgrades and capacity planning the API price includes.`,
    owner_team: t.topTeam,
    overlap_group: `model:${t.provider}/${t.model}`,
  };
}
