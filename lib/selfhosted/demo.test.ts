import "@/lib/testing/temp-store";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { openTempStore, type TempStore } from "@/lib/testing/temp-store";
import { DEMO_DEPLOYMENT, seedDemoSelfHosted } from "./demo";
import { groupRows, loadDeploymentData } from "./report";
import { selfHostedPageData } from "./page-data";
import { prefixCacheStats } from "./prefix-cache";

let store: TempStore;
const END = new Date(Date.UTC(2026, 10, 30, 12, 0, 0));
before(async () => {
  store = await openTempStore();
  await seedDemoSelfHosted(store.orgId, END);
  await seedDemoSelfHosted(store.orgId, END); // a second start does not seed twice
});
after(() => store?.close());

test("demo: 60 days of 8 GPUs on 2 nodes, idle cost and both $/1M bases", async () => {
  const from = END.getTime() - 60 * 86_400_000;
  const [row] = groupRows(await loadDeploymentData(store.orgId, from, END.getTime()), "deployment");
  assert.equal(row.deployment, DEMO_DEPLOYMENT);
  assert.equal(row.gpus, 8);
  assert.equal(row.gpu_hours, 8 * 24 * 60);
  assert.equal(row.gpu_cost_usd, (8 * 24 * 60 * 2.49).toFixed(2).replace(/\.?0+$/, ""));
  assert.ok(Number(row.idle_cost_usd) > Number(row.gpu_cost_usd) * 0.3, "idle nights and weekends leave a large idle share");
  assert.ok(Number(row.cost_per_1m_tokens_allocation) > Number(row.cost_per_1m_tokens_usage));
  const byNode = groupRows(await loadDeploymentData(store.orgId, from, END.getTime()), "node");
  assert.deepEqual(byNode.map((r) => r.node), ["gpu-node-1", "gpu-node-2"]);
});

test("demo page: nights idle, one under-used GPU, GPU bill = attributed + busy unattributed + idle", async () => {
  const d = await selfHostedPageData(store.orgId, END.getTime() - 86_400_000, END.getTime());
  assert.equal(d.selected, DEMO_DEPLOYMENT);
  assert.equal(d.bucket, "hour");
  const avgs = d.heatmap.gpus.map((g) => { const v = g.util.filter((u): u is number => u !== null); return v.reduce((a, b) => a + b, 0) / v.length; });
  const lowest = Math.min(...avgs);
  assert.equal(avgs.filter((a) => a === lowest).length, 1);
  assert.ok(lowest < 0.5 * Math.min(...avgs.filter((a) => a !== lowest)), "one GPU is clearly under-used");
  const night = d.trend.find((p) => p.t.endsWith(" 03:00"))!;
  const noon = d.trend.find((p) => p.t.endsWith(" 11:00"))!;
  assert.ok(night.idle! > noon.idle!, "nights cost more idle $ than middays");
  const r = d.reconciliation!;
  const sum = Number(r.attributedUsd) + Number(r.unattributedBusyUsd) + Number(r.idleCostUsd);
  assert.ok(Math.abs(sum - Number(r.gpuCostUsd)) < 1e-9);
  const prefix = await prefixCacheStats(store.orgId, new Date(END.getTime() - 86_400_000), END);
  assert.equal(prefix.length, 1);
  assert.ok(prefix[0].hit_rate! > 0.3 && prefix[0].hit_rate! < 0.5);
});
