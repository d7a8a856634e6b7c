import "server-only";
/**
 * What GET /api/v1/self-hosted and the page show: per deployment the GPU-hours of its matching GPUs
 * priced per GPU model, its endpoints' tokens, and from both the figures of cost.ts, grouped by
 * deployment, served model, GPU model or node. Tokens belong to a deployment, not to a GPU, so for
 * gpu_model and node they are shared out by each group's busy GPU time (its GPU time when nothing
 * was busy); serving gauges are shown only per deployment and model, where they mean something.
 */
import { addTotals, busyCostPico, costFigures, emptyTotals, gpuCostPico, type CostTotals } from "./cost";
import { listDeployments } from "./deployments";
import { gpuHourPrice, type Deployment } from "./deployment-types";
import { gpuHoursMatching, type GpuHourRow } from "./gpu-samples";
import { servingHours, type ServingHourRow } from "./serving-samples";

import type { GroupBy } from "./types";

export type DeploymentData = { deployment: Deployment; gpu: GpuHourRow[]; serving: ServingHourRow[] };

export async function loadDeploymentData(orgId: string, fromMs: number, toMs: number, only?: string): Promise<DeploymentData[]> {
  const deployments = (await listDeployments(orgId)).filter((d) => !only || d.id === only || d.name === only);
  return Promise.all(
    deployments.map(async (d) => ({
      deployment: d,
      gpu: await gpuHoursMatching(orgId, d.match, fromMs, toMs),
      serving: await servingHours(orgId, d.endpoints, fromMs, toMs),
    })),
  );
}

const n = (v: string | number | null | undefined) => Number(v ?? 0);

/** The cost totals of one GPU-hour row at the deployment's price for that GPU model. */
export function gpuRowTotals(d: Deployment, r: GpuHourRow): CostTotals {
  const covered = n(r.covered_ms);
  const cost = gpuCostPico(covered, gpuHourPrice(d, r.model_name));
  return { ...emptyTotals(), gpuMs: covered, knownMs: n(r.known_ms), busyMs: n(r.busy_ms), engineActiveMs: n(r.engine_ms), gpuCostPico: cost, busyCostPico: busyCostPico(cost, n(r.busy_ms), n(r.known_ms)) };
}

export function servingTotals(rows: ServingHourRow[]): CostTotals {
  const t = emptyTotals();
  for (const r of rows) {
    t.inputTokens += n(r.prompt_tokens);
    t.outputTokens += n(r.generation_tokens);
    t.prefillSeconds += n(r.prefill_seconds);
    t.decodeSeconds += n(r.decode_seconds);
  }
  return t;
}

function servingPanel(rows: ServingHourRow[]) {
  const seconds = rows.reduce((s, r) => s + n(r.covered_ms), 0) / 1000;
  const tokens = rows.reduce((s, r) => s + n(r.prompt_tokens) + n(r.generation_tokens), 0);
  const avg = (f: (r: ServingHourRow) => number | null) => {
    const v = rows.map(f).filter((x): x is number => x !== null && Number.isFinite(x));
    return v.length ? Math.round((v.reduce((a, b) => a + b, 0) / v.length) * 1000) / 1000 : null;
  };
  return {
    requests: rows.reduce((s, r) => s + n(r.requests), 0),
    preemptions: rows.reduce((s, r) => s + n(r.preemptions), 0),
    tokens_per_second: seconds > 0 ? Math.round((tokens / seconds) * 1000) / 1000 : null,
    queue_depth_avg: avg((r) => r.waiting),
    running_avg: avg((r) => r.running),
    kv_cache_usage_avg: avg((r) => r.kv_cache),
  };
}

export type SelfHostedRow = Record<string, unknown> & { key: string };

export function groupRows(data: DeploymentData[], groupBy: GroupBy): SelfHostedRow[] {
  type Acc = { totals: CostTotals; deployments: Set<string>; gpus: Set<string>; serving: ServingHourRow[] };
  const groups = new Map<string, Acc>();
  const acc = (key: string) => {
    let a = groups.get(key);
    if (!a) groups.set(key, (a = { totals: emptyTotals(), deployments: new Set(), gpus: new Set(), serving: [] }));
    return a;
  };
  for (const { deployment: d, gpu, serving } of data) {
    const keyOf = (r: GpuHourRow | null) =>
      groupBy === "deployment" ? d.name : groupBy === "model" ? d.model : groupBy === "gpu_model" ? (r?.model_name || "(unknown GPU)") : (r?.hostname || "(unknown node)");
    const perKey = new Map<string, CostTotals>();
    for (const r of gpu) {
      const k = keyOf(r);
      perKey.set(k, addTotals(perKey.get(k) ?? emptyTotals(), gpuRowTotals(d, r)));
      acc(k).gpus.add(`${d.id}/${r.gpu_key}`);
    }
    const tokens = servingTotals(serving);
    if (perKey.size === 0) perKey.set(keyOf(null), emptyTotals());
    const busyAll = [...perKey.values()].reduce((s, t) => s + t.busyMs, 0);
    const msAll = [...perKey.values()].reduce((s, t) => s + t.gpuMs, 0);
    for (const [k, t] of perKey) {
      const share = busyAll > 0 ? t.busyMs / busyAll : msAll > 0 ? t.gpuMs / msAll : 1 / perKey.size;
      const a = acc(k);
      a.deployments.add(d.name);
      a.totals = addTotals(a.totals, {
        ...t,
        inputTokens: Math.round(tokens.inputTokens * share),
        outputTokens: Math.round(tokens.outputTokens * share),
        prefillSeconds: tokens.prefillSeconds * share,
        decodeSeconds: tokens.decodeSeconds * share,
      });
      if (groupBy === "deployment" || groupBy === "model") a.serving.push(...serving);
    }
  }
  return [...groups.entries()]
    .map(([key, a]) => ({
      key,
      [groupBy]: key,
      deployments: [...a.deployments].sort(),
      gpus: a.gpus.size,
      ...costFigures(a.totals),
      ...(groupBy === "deployment" || groupBy === "model" ? servingPanel(a.serving) : {}),
    }))
    .sort((x, y) => (x.key < y.key ? -1 : 1));
}
