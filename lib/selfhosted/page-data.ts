import "server-only";
/**
 * Everything the /self-hosted page shows for a time range: the deployments table, and for the chosen
 * deployment its cost trend (both bases and idle $), utilization per GPU over time, GPU memory and
 * the serving panels, bucketed by hour up to three days and by day beyond.
 */
import { addTotals, costFigures, emptyTotals, type CostTotals } from "./cost";
import type { Deployment } from "./deployment-types";
import { listDeployments } from "./deployments";
import { ledgerSpendByProvider } from "./ledger-spend";
import { groupRows, gpuRowTotals, loadDeploymentData, servingTotals } from "./report";

export type TrendPoint = {
  t: string;
  gpu_cost: number;
  idle: number | null;
  alloc_per_1m: number | null;
  usage_per_1m: number | null;
  tokens_per_s: number | null;
  queue: number | null;
  kv_cache: number | null;
  preemptions: number;
};

export type Heatmap = { buckets: string[]; gpus: { key: string; label: string; util: (number | null)[]; fbUsedMib: number | null; fbFreeMib: number | null }[] };

export type SelfHostedPageData = {
  fromMs: number;
  toMs: number;
  bucket: "hour" | "day";
  deployments: Deployment[];
  rows: ReturnType<typeof groupRows>;
  selected: string | null;
  trend: TrendPoint[];
  heatmap: Heatmap;
  /** GPU bill = attributed (ledger events priced for this deployment) + idle + busy nobody's events absorbed */
  reconciliation: { gpuCostUsd: string; idleCostUsd: string | null; attributedUsd: string; unattributedBusyUsd: string | null } | null;
};

const bucketOf = (hour: string, bucket: "hour" | "day") => (bucket === "hour" ? hour.slice(0, 13) + ":00" : hour.slice(0, 10));
const num = (s: string | null) => (s === null ? null : Number(s));

export async function selfHostedPageData(orgId: string, fromMs: number, toMs: number, selectedName?: string): Promise<SelfHostedPageData> {
  const bucket = toMs - fromMs <= 3 * 86_400_000 ? "hour" : "day";
  const data = await loadDeploymentData(orgId, fromMs, toMs);
  const rows = groupRows(data, "deployment");
  const pick = data.find((d) => d.deployment.name === selectedName) ?? data[0];
  const empty: SelfHostedPageData = { fromMs, toMs, bucket, deployments: await listDeployments(orgId), rows, selected: null, trend: [], heatmap: { buckets: [], gpus: [] }, reconciliation: null };
  if (!pick) return empty;
  const d = pick.deployment;

  const buckets = new Map<string, { totals: CostTotals; serving: typeof pick.serving }>();
  const at = (k: string) => {
    let b = buckets.get(k);
    if (!b) buckets.set(k, (b = { totals: emptyTotals(), serving: [] }));
    return b;
  };
  for (const r of pick.gpu) at(bucketOf(r.hour, bucket)).totals = addTotals(at(bucketOf(r.hour, bucket)).totals, gpuRowTotals(d, r));
  for (const s of pick.serving) at(bucketOf(s.hour, bucket)).serving.push(s);
  const keys = [...buckets.keys()].sort();
  const trend = keys.map((k) => {
    const b = buckets.get(k)!;
    const f = costFigures(addTotals(b.totals, servingTotals(b.serving)));
    const seconds = b.serving.reduce((s, r) => s + Number(r.covered_ms), 0) / 1000;
    const avg = (xs: (number | null)[]) => {
      const v = xs.filter((x): x is number => x !== null);
      return v.length ? v.reduce((a, c) => a + c, 0) / v.length : null;
    };
    return {
      t: k,
      gpu_cost: Number(f.gpu_cost_usd),
      idle: num(f.idle_cost_usd),
      alloc_per_1m: num(f.cost_per_1m_tokens_allocation),
      usage_per_1m: num(f.cost_per_1m_tokens_usage),
      tokens_per_s: seconds > 0 ? (f.input_tokens + f.output_tokens) / seconds : null,
      queue: avg(b.serving.map((r) => r.waiting)),
      kv_cache: avg(b.serving.map((r) => r.kv_cache)),
      preemptions: b.serving.reduce((s, r) => s + Number(r.preemptions), 0),
    };
  });

  const gpus = new Map<string, { label: string; cells: Map<string, { busy: number; known: number }>; used: number[]; free: number[] }>();
  for (const r of pick.gpu) {
    let g = gpus.get(r.gpu_key);
    if (!g) gpus.set(r.gpu_key, (g = { label: `${r.hostname || "?"} / GPU ${r.gpu}`, cells: new Map(), used: [], free: [] }));
    const k = bucketOf(r.hour, bucket);
    const c = g.cells.get(k) ?? { busy: 0, known: 0 };
    c.busy += Number(r.busy_ms);
    c.known += Number(r.known_ms);
    g.cells.set(k, c);
    if (r.fb_used_avg !== null) g.used.push(r.fb_used_avg);
    if (r.fb_free_avg !== null) g.free.push(r.fb_free_avg);
  }
  const mean = (v: number[]) => (v.length ? Math.round(v.reduce((a, b) => a + b, 0) / v.length) : null);
  const heatmap: Heatmap = {
    buckets: keys,
    gpus: [...gpus.entries()]
      .sort((a, b) => (a[1].label < b[1].label ? -1 : 1))
      .map(([key, g]) => ({ key, label: g.label, util: keys.map((k) => { const c = g.cells.get(k); return c && c.known > 0 ? c.busy / c.known : null; }), fbUsedMib: mean(g.used), fbFreeMib: mean(g.free) })),
  };

  const row = rows.find((r) => r.deployment === d.name);
  const attributed = await ledgerSpendByProvider(orgId, d.name, fromMs, toMs);
  const busy = row?.busy_cost_usd as string | null;
  return {
    ...empty,
    selected: d.name,
    trend,
    heatmap,
    reconciliation: row
      ? {
          gpuCostUsd: row.gpu_cost_usd as string,
          idleCostUsd: row.idle_cost_usd as string | null,
          attributedUsd: attributed.usd,
          unattributedBusyUsd: busy === null ? null : attributed.subtractedFrom(busy),
        }
      : null,
  };
}
