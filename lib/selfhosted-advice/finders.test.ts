import "@/lib/testing/temp-store";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { openTempStore, type TempStore } from "@/lib/testing/temp-store";
import { createDeployment } from "@/lib/selfhosted/deployments";
import { insertGpuSamples } from "@/lib/selfhosted/gpu-samples";
import { insertServingSamples } from "@/lib/selfhosted/serving-samples";
import type { Candidate, FinderContext } from "@/lib/recommendation-contract/candidate";
import { ingestEvents } from "@/lib/ingest/ingest-batch";
import { querySpend } from "@/lib/analytics/spend";
import { autoscalingFinder, gpuRightsizingFinder, quantizationFinder, selfHostedFinders, selfHostFinder } from "./finders";
import { generateWorkload, type WorkloadSpec } from "./workload";

let store: TempStore;
let ctx: FinderContext;
const END = Date.UTC(2026, 10, 30, 0, 0, 0);
const START = END - 14 * 86_400_000;
const H100 = "NVIDIA H100 80GB HBM3";
/** a small deterministic wobble, so percentiles are not read off a constant */
const wobble = (ms: number) => ((ms / 600_000) % 7) / 7 - 0.5;

async function plant(name: string, price: string, spec: Omit<WorkloadSpec, "namespace" | "hostname" | "gpuModel" | "fbUsedMib" | "fbTotalMib">, endpoints = true) {
  await createDeployment(store.orgId, "test", { name, model: spec.servedModel, gpu_price_per_hour_usd: price, match: { namespace: name }, endpoints: endpoints ? [`src-${name}`] : [] });
  const w = generateWorkload({ ...spec, namespace: name, hostname: `host-${name}`, gpuModel: H100, fbUsedMib: 73_500, fbTotalMib: 81_559 }, START, END);
  await insertGpuSamples([{ orgId: store.orgId, sourceId: `dcgm-${name}`, rows: w.gpus }]);
  if (endpoints) await insertServingSamples([{ orgId: store.orgId, sourceId: `src-${name}`, rows: w.serving }]);
}

const dayHours = (ms: number) => new Date(ms).getUTCHours() >= 8 && new Date(ms).getUTCHours() < 20;

before(async () => {
  store = await openTempStore();
  ctx = { orgId: store.orgId, from: new Date(START), to: new Date(END), now: new Date(END) };
  // planted: 4 GPUs at ~20% where 2 carry the p95 hour at 70%: 2 GPUs too many
  await plant("overprov-8b", "2", { gpus: 4, servedModel: "acme/Llama-3.1-8B-Instruct", tokensPerBusyGpuSecond: 5000, tokensPerRequest: 1000, util: (t) => 0.2 + 0.04 * wobble(t) });
  // planted: 8 GPUs (2 replicas of 4) busy 08-20 UTC, no requests the other 12 hours: 4 GPUs x 12 h a day idle
  await plant("nights-70b", "2.5", {
    gpus: 8, servedModel: "acme/Llama-3.3-70B-Instruct", tokensPerBusyGpuSecond: 750, tokensPerRequest: 2000,
    util: (t) => (dayHours(t) ? 0.75 : 0.02), serving: dayHours,
  });
  // the same nights on a deployment without serving endpoints: its load is known from its ledger events only
  await plant("events-only-70b", "2.5", { gpus: 8, servedModel: "acme/Llama-3.3-70B-Instruct", tokensPerBusyGpuSecond: 750, tokensPerRequest: 2000, util: (t) => (dayHours(t) ? 0.75 : 0.02) }, false);
  // well sized: 4 GPUs at ~60% around the clock, already INT4
  await plant("steady-awq", "2", { gpus: 4, servedModel: "acme/Llama-3.1-8B-Instruct-AWQ", tokensPerBusyGpuSecond: 9000, tokensPerRequest: 800, util: (t) => 0.6 + 0.05 * wobble(t) });
  // API traffic with an open-weight substitute: 20M tokens every hour on Claude 3.5 Haiku, some on a frontier model
  const events = [];
  for (let t = START; t < END; t += 3_600_000) {
    for (let i = 0; i < 20; i++) events.push({ id: `haiku-${t}-${i}`, timestamp: new Date(t + i * 60_000).toISOString(), provider: "anthropic", model: "claude-3-5-haiku-latest", feature: "summarize", team: "support", usage: { input_tokens: 750_000, output_tokens: 250_000 } });
    if (dayHours(t)) events.push({ id: `own-${t}`, timestamp: new Date(t + 60_000).toISOString(), provider: "events-only-70b", model: "acme/Llama-3.3-70B-Instruct", feature: "chat", team: "platform", usage: { input_tokens: 2000, output_tokens: 500 } });
    events.push({ id: `sonnet-${t}`, timestamp: new Date(t).toISOString(), provider: "anthropic", model: "claude-sonnet-4-20250514", feature: "answer", team: "support", usage: { input_tokens: 1000, output_tokens: 100 } });
  }
  for (let i = 0; i < events.length; i += 1000) assert.equal((await ingestEvents(store.orgId, "test", events.slice(i, i + 1000))).accepted, events.slice(i, i + 1000).length);
});
after(() => store?.close());

const byDeployment = (cs: Candidate[], name: string) => cs.filter((c) => c.scope.deployment === name);
const within10 = (actual: string, planted: number) => assert.ok(Math.abs(Number(actual) - planted) <= planted * 0.1, `${actual} is not within 10% of ${planted}`);

test("gpu_rightsizing finds the 2 surplus GPUs: 2 x $2 x 730 h = $2,920 a month, and nothing on busy deployments", async () => {
  const cs = await gpuRightsizingFinder(ctx);
  assert.deepEqual(cs.map((c) => c.scope.deployment), ["overprov-8b"]);
  const c = cs[0];
  within10(c.monthly_savings_usd, 2 * 2 * 730);
  assert.equal(c.kind, "gpu_rightsizing");
  assert.equal(c.scenario, null);
  assert.match(c.savings_method, /p95 hourly utilization below 40\.0%/);
  assert.match(c.evidence_href, /^\/self-hosted\?range=30d&deployment=overprov-8b$/);
  assert.ok(c.evidence.some((e) => e.label === "p95 hourly GPU utilization" && /^2\d\.\d%$/.test(e.value)));
  assert.equal(c.overlap_group, "deployment:overprov-8b");
});

test("autoscaling finds the idle nights: 4 GPUs x 12 h a day x $2.50 = $3,650 a month, and nothing on round-the-clock load", async () => {
  const cs = await autoscalingFinder(ctx);
  assert.deepEqual(cs.map((c) => c.scope.deployment), ["events-only-70b", "nights-70b"]);
  const [fromEvents, fromServing] = cs;
  within10(fromServing.monthly_savings_usd, 4 * 12 * 30.4167 * 2.5);
  assert.match(fromServing.title, /one replica \(4 GPUs\)/);
  // without endpoints the ledger events tell the idle hours, and name the owner team
  within10(fromEvents.monthly_savings_usd, 4 * 12 * 30.4167 * 2.5);
  assert.equal(fromEvents.owner_team, "platform");
});

test("quantization: the 70B at FP16 fits its p95 load on 5 GPUs at INT4 (AWQ) instead of 8; nothing for a model already at INT4", async () => {
  const cs = await quantizationFinder(ctx);
  assert.equal(byDeployment(cs, "steady-awq").length, 0);
  const [c] = byDeployment(cs, "nights-70b");
  // load 0.75 x 8 x 750 = 4,500 tokens/s; measured 750 x 0.75/0.77 per busy GPU (idle hours are busy 2% without tokens);
  // x 3.2/1.8 at INT4 (AWQ), one GPU per replica (4 x 4/16): 4,500 / (1,298.7 x 0.7) -> 5 GPUs; 3 removed x $2.50 x 730
  within10(c.monthly_savings_usd, 3 * 2.5 * 730);
  assert.match(c.title, /INT4 \(AWQ\): 5 GPUs for the same load instead of 8/);
  assert.match(c.risk, /A\/B quality test/);
});

test("selfHostedFinders: four finders, every candidate valid for the contract", async () => {
  assert.equal(selfHostedFinders.length, 4);
  for (const f of selfHostedFinders) {
    for (const c of await f(ctx)) {
      assert.match(c.monthly_savings_usd, /^\d+(\.\d{1,2})?$/);
      assert.ok(c.savings_method.length > 0 && c.risk.length > 0 && c.key.startsWith(`${c.kind}:`));
    }
  }
  assert.deepEqual(byDeployment([...(await gpuRightsizingFinder(ctx)), ...(await autoscalingFinder(ctx))], "steady-awq"), []);
});

test("self_host: Haiku traffic past the crossover against the measured 70B deployment; frontier models get none", async () => {
  const cs = await selfHostFinder(ctx);
  assert.deepEqual(cs.map((c) => c.scope.model), ["claude-3-5-haiku-latest"]);
  const [spend] = await querySpend({ orgId: store.orgId, from: ctx.from, to: ctx.to, groupBy: [], filters: { model: ["claude-3-5-haiku-latest"] } });
  // nights-70b serves 750 x 0.75/0.77 = 730.5 tokens/s per busy GPU on replicas of 4 at $2.50: $7,300 a month for
  // 730.5 x 4 x 0.7 x 2,628,000 s = 5,375.6M tokens; 20M tokens/h x 730 h = 14,600M -> 3 replicas = $21,900
  const apiMonthly = (Number(spend.cost_usd_exact) * 730) / (14 * 24);
  assert.ok(apiMonthly > 21_900, `the planted traffic costs $${apiMonthly} a month on the API`);
  within10(cs[0].monthly_savings_usd, apiMonthly - 21_900);
  assert.match(cs[0].evidence.find((e) => e.label === "self-hosted at your volume")!.value, /^3 replica\(s\), \$21900 a month$/);
  assert.match(cs[0].evidence.find((e) => e.label === "throughput and GPU price")!.value, /measured on deployment nights-70b/);
  assert.equal(cs[0].owner_team, "support");
});
