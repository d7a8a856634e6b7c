import "server-only";
/**
 * The self-hosted finders the recommendations store runs: GPU right-sizing, autoscaling, quantization
 * (per deployment, from its GPU and serving samples) and the self-host vs API crossover (per API model
 * with an open-weight substitute, from the ledger). The rules are pure (gpu-rules.ts, self-host-rule.ts).
 */
import { querySpend, type SpendRow } from "@/lib/analytics/spend";
import type { Candidate, Finder, FinderContext } from "@/lib/recommendation-contract/candidate";
import { loadDeploymentData } from "@/lib/selfhosted/report";
import { autoscaling, quantization, rightsizing, type RuleContext } from "./gpu-rules";
import { selfHostCandidate, type ApiModelTraffic, type MeasuredServing } from "./self-host-rule";
import { deploymentStats, withEventLoad, type DeploymentStats } from "./stats";
import { FAMILIES, substituteFor } from "./substitutes";

const HOUR = 3_600_000;
const tokensOf = (r: SpendRow) => r.input_uncached_tokens + r.cache_read_tokens + r.cache_write_5m_tokens + r.cache_write_1h_tokens + r.output_tokens;

// The three GPU finders of one recomputation read the same samples: share one load for a minute.
const cache = new Map<string, { at: number; value: Promise<DeploymentStats[]> }>();

export function statsFor(ctx: FinderContext): Promise<DeploymentStats[]> {
  const key = `${ctx.orgId}|${ctx.from.getTime()}|${ctx.to.getTime()}`;
  const now = Date.now();
  for (const [k, v] of cache) if (now - v.at > 60_000) cache.delete(k);
  const hit = cache.get(key);
  if (hit) return hit.value;
  const value = loadDeploymentData(ctx.orgId, ctx.from.getTime(), ctx.to.getTime()).then((all) => all.map((d) => deploymentStats(d.deployment, d.gpu, d.serving)));
  cache.set(key, { at: now, value });
  value.catch(() => cache.delete(key));
  return value;
}

/** The team whose tagged events spent most on the deployment, when its events carry one. */
async function ownerTeam(ctx: FinderContext, deployment: string): Promise<string | null> {
  const rows = await querySpend({ orgId: ctx.orgId, from: ctx.from, to: ctx.to, groupBy: ["team"], filters: { provider: [deployment] } });
  return rows.find((r) => r.team)?.team ?? null;
}

function gpuFinder(rule: (s: DeploymentStats, c: RuleContext) => Candidate | null, prepare?: (ctx: FinderContext, s: DeploymentStats) => Promise<DeploymentStats>): Finder {
  return async (ctx) => {
    const out: Candidate[] = [];
    for (const loaded of await statsFor(ctx)) {
      if (loaded.hours.length === 0) continue;
      const s = prepare ? await prepare(ctx, loaded) : loaded;
      const c = rule(s, { windowMs: ctx.to.getTime() - ctx.from.getTime(), ownerTeam: null });
      if (c) out.push({ ...c, owner_team: await ownerTeam(ctx, s.deployment.name) });
    }
    return out;
  };
}

/** Requests and tokens per hour of the ledger events sent for a deployment (its name is their provider). */
async function eventLoad(ctx: FinderContext, deployment: string) {
  const rows = await querySpend({ orgId: ctx.orgId, from: ctx.from, to: ctx.to, groupBy: [], filters: { provider: [deployment] }, interval: "hour" });
  return rows.filter((r) => r.bucket).map((r) => ({ hourMs: Date.parse(r.bucket!), requests: r.requests, tokens: tokensOf(r) }));
}

export const gpuRightsizingFinder: Finder = gpuFinder(rightsizing);
// without serving endpoints, the idle hours come from the deployment's ledger events
export const autoscalingFinder: Finder = gpuFinder(autoscaling, async (ctx, s) => (s.hasServing ? s : withEventLoad(s, await eventLoad(ctx, s.deployment.name))));
export const quantizationFinder: Finder = gpuFinder(quantization);

/** A deployment of the family with measured throughput: the one that served the most. */
function measuredFor(stats: DeploymentStats[], family: string): MeasuredServing | null {
  const f = FAMILIES[family];
  const best = stats
    .filter((s) => f.deploymentModel.test(s.deployment.model) && s.throughputPerGpu !== null)
    .sort((a, b) => b.hours.reduce((x, h) => x + h.tokens, 0) - a.hours.reduce((x, h) => x + h.tokens, 0))[0];
  return best ? { deployment: best.deployment.name, throughputPerGpu: best.throughputPerGpu!, pricePerGpuHour: Number(best.pricePerGpuHour), gpusPerReplica: best.gpusPerReplica, gpuModel: best.gpuModel } : null;
}

export const selfHostFinder: Finder = async (ctx) => {
  const fromH = Math.floor(ctx.from.getTime() / HOUR) * HOUR;
  const toH = Math.floor(ctx.to.getTime() / HOUR) * HOUR;
  const hours = Math.max(1, (toH - fromH) / HOUR);
  const base = { orgId: ctx.orgId, from: new Date(fromH), to: new Date(toH), filters: {} };
  const totals = (await querySpend({ ...base, groupBy: ["provider", "model"] })).filter((r) => substituteFor(r.model ?? ""));
  if (totals.length === 0) return [];
  const hourly = await querySpend({ ...base, groupBy: ["provider", "model"], interval: "hour", filters: { model: totals.map((r) => r.model!) } });
  const teams = await querySpend({ ...base, groupBy: ["provider", "model", "team"], filters: { model: totals.map((r) => r.model!) } });
  const stats = await statsFor(ctx);
  const out: Candidate[] = [];
  for (const r of totals) {
    const series = new Array<number>(hours).fill(0);
    for (const h of hourly) {
      if (h.provider !== r.provider || h.model !== r.model || !h.bucket) continue;
      const i = Math.floor((Date.parse(h.bucket) - fromH) / HOUR);
      if (i >= 0 && i < hours) series[i] += tokensOf(h);
    }
    const traffic: ApiModelTraffic = {
      provider: r.provider!,
      model: r.model!,
      costUsd: Number(r.cost_usd_exact),
      // the priced requests' tokens, so the measured $/token is not diluted by unpriced ones
      tokens: Math.max(0, tokensOf(r) - r.unpriced_tokens),
      hourlyTokens: series,
      topTeam: teams.find((t) => t.provider === r.provider && t.model === r.model && t.team)?.team ?? null,
    };
    const c = selfHostCandidate({ traffic, measured: measuredFor(stats, substituteFor(r.model!)!.family.id), from: base.from, to: base.to });
    if (c) out.push(c);
  }
  return out;
};

export const selfHostedFinders: Finder[] = [gpuRightsizingFinder, autoscalingFinder, quantizationFinder, selfHostFinder];
