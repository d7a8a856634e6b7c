/**
 * The collectors against a fake Prometheus (real HTTP) into the embedded ClickHouse, then the
 * self-hosted report, every figure computed by hand from the fake's script (lib/testing/fake-prometheus.ts).
 */
import "@/lib/testing/temp-store";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { openTempStore, type TempStore } from "@/lib/testing/temp-store";
import { startFakePrometheus, type FakePrometheus } from "@/lib/testing/fake-prometheus";
import { CollectorError, type Collector, type CollectorRun } from "@/lib/source-contract/collector";
import { prometheusApiCollector, prometheusScrapeCollector } from "./collectors";
import { createDeployment } from "./deployments";
import { groupRows, loadDeploymentData } from "./report";

let store: TempStore;
let fake: FakePrometheus;
const T0 = Date.UTC(2026, 10, 2, 10, 0, 0);
const HOUR = 3_600_000;

before(async () => {
  process.env.SELFHOSTED_FLUSH_MS = "5";
  store = await openTempStore();
  fake = await startFakePrometheus({ originMs: T0 });
});
after(async () => {
  await fake?.close();
  await store?.close();
});

function ctx(orgId: string, sourceId: string, c: Collector, config: Record<string, unknown>, cursor: unknown, nowMs: number): CollectorRun {
  return { orgId, sourceId, sourceName: sourceId, config: c.configSchema.parse(config), cursor, now: new Date(nowMs), signal: new AbortController().signal, log: () => {}, progress: async () => {} };
}

async function scrapeLoop(orgId: string, sourceId: string, kind: string, times: number[]) {
  let cursor: unknown = null;
  const cursors: unknown[] = [];
  for (const t of times) {
    const out = await prometheusScrapeCollector.run(ctx(orgId, sourceId, prometheusScrapeCollector, { url: `${fake.url}/${kind}/metrics`, kind }, cursor, t));
    // what the framework stores: plain JSON
    cursor = JSON.parse(JSON.stringify(out.cursor));
    cursors.push(cursor);
  }
  return cursors;
}

test("scrape: DCGM + vLLM for a deployment, figures by hand (sentinel, renamed metrics, counter reset)", async () => {
  const org = store.orgId;
  const ticks = (n: number) => Array.from({ length: n }, (_, i) => T0 + i * 15_000);
  const dcgmCursors = await scrapeLoop(org, "src-dcgm", "dcgm", ticks(4));
  await scrapeLoop(org, "src-vllm", "vllm", ticks(8));
  // a run repeated from the same cursor (crash before the cursor was saved) at the same instant: no double
  await prometheusScrapeCollector.run(ctx(org, "src-dcgm", prometheusScrapeCollector, { url: `${fake.url}/dcgm/metrics`, kind: "dcgm" }, dcgmCursors[2], T0 + 45_000));
  await createDeployment(org, "test", { name: "Llama-70B-Prod", model: "llama-70b", gpu_price_per_hour_usd: "3.6", match: { Hostname: "node-a" }, endpoints: ["src-vllm"] });
  const [row] = groupRows(await loadDeploymentData(org, T0, T0 + HOUR), "deployment");
  // 2 GPUs x 4 scrapes x 15 s = 120 s = 0.033333 GPU-hours; each 15 s sample costs 15/3600 x $3.60 = $0.015
  assert.equal(row.deployment, "llama-70b-prod");
  assert.equal(row.gpus, 2);
  assert.equal(row.gpu_hours, 0.033333);
  assert.equal(row.gpu_cost_usd, "0.12");
  // GPU 0 busy 0.6 (GR_ENGINE_ACTIVE); GPU 1's GR_ENGINE_ACTIVE is the DCGM blank, so util 20 % -> 0.2
  // busy $ = 4 x 0.015 x 0.6 + 4 x 0.015 x 0.2 = 0.036 + 0.012 = 0.048; idle = 0.12 - 0.048 = 0.072
  assert.equal(row.busy_cost_usd, "0.048");
  assert.equal(row.idle_cost_usd, "0.072");
  assert.equal(row.gpu_utilization_avg, 0.4);
  assert.equal(row.utilization_metric, "mixed");
  // prompt: 0, +1000 x4, reset to 400 (+400), +1000 x2 = 6400; generation: 0, +500 x4, +100, +500 x2 = 3100
  assert.equal(row.input_tokens, 6400);
  assert.equal(row.output_tokens, 3100);
  // 0.12 / 9500 x 1e6 = 12.631578947368..; 0.048 / 9500 x 1e6 = 5.052631578947..
  assert.equal(row.cost_per_1m_tokens_allocation, "12.631578947368");
  assert.equal(row.cost_per_1m_tokens_usage, "5.052631578947");
  assert.equal(row.requests, 70);
  assert.equal(row.preemptions, 7);
  assert.equal(row.queue_depth_avg, 2);
  assert.equal(row.kv_cache_usage_avg, 0.5, "old gpu_cache_usage_perc read as kv_cache_usage_perc");

  const byNode = groupRows(await loadDeploymentData(org, T0, T0 + HOUR), "node");
  assert.deepEqual(byNode.map((r) => [r.node, r.gpu_cost_usd]), [["node-a", "0.12"]]);
  const byGpu = groupRows(await loadDeploymentData(org, T0, T0 + HOUR), "gpu_model");
  assert.equal(byGpu[0].gpu_model, "NVIDIA H100 80GB HBM3");
});

test("scrape: a later repeat of a crashed run replaces its rows instead of adding to them", async () => {
  const org = await store.createOrg("replay");
  const cursors = await scrapeLoop(org, "d", "dcgm", [T0, T0 + 15_000]);
  await prometheusScrapeCollector.run(ctx(org, "d", prometheusScrapeCollector, { url: `${fake.url}/dcgm/metrics`, kind: "dcgm" }, cursors[0], T0 + 20_000));
  await createDeployment(org, "test", { name: "x", model: "m", gpu_price_per_hour_usd: "3.6", match: { hostname: "node-a" } });
  const [row] = groupRows(await loadDeploymentData(org, T0, T0 + HOUR), "deployment");
  // per GPU: 15 s (first) + 20 s (the repeat covers the whole gap since the first), not 15 + 15 + 20
  assert.equal(row.gpu_hours, Math.round((70 / 3600) * 1e6) / 1e6);
});

test("query_range: backfill in chunks then incremental; same figures as scraping the same script", async () => {
  const org = await store.createOrg("prom-api");
  const now = T0 + 600_000;
  const cfg = (kind: string) => ({ base_url: fake.url, kind, interval_s: 15, backfill_days: 1, match: { job: "x" } });
  for (const [src, kind] of [["api-dcgm", "dcgm"], ["api-vllm", "vllm"]] as const) {
    let cursor: unknown = null;
    let runs = 0;
    for (;;) {
      const out = await prometheusApiCollector.run(ctx(org, src, prometheusApiCollector, cfg(kind), cursor, now));
      cursor = JSON.parse(JSON.stringify(out.cursor));
      runs++;
      if (out.backfillDone) break;
      assert.ok(out.nextRunAt, "an unfinished backfill asks to run again soon");
      assert.ok(runs < 20);
    }
    assert.ok(runs > 1, "a day of 15 s steps takes several chunks");
    // repeating the last run from the previous cursor is a no-op; a later run continues incrementally
    const again = await prometheusApiCollector.run(ctx(org, src, prometheusApiCollector, cfg(kind), cursor, now));
    assert.equal(again.stats?.points, 0);
  }
  await createDeployment(org, "test", { name: "api", model: "llama-70b", gpu_price_per_hour_usd: "3.6", match: { hostname: "node-a" }, endpoints: ["api-vllm"] });
  const [row] = groupRows(await loadDeploymentData(org, T0, T0 + HOUR), "deployment");
  // points at T0, T0+15 s, ..., T0+600 s: 41 per GPU, 15 s each -> 2 x 615 s
  assert.equal(row.gpu_hours, Math.round(((2 * 615) / 3600) * 1e6) / 1e6);
  // 2 x 41 x $0.015 = $1.23; busy 41 x 0.015 x (0.6 + 0.2) = 0.492
  assert.equal(row.gpu_cost_usd, "1.23");
  assert.equal(row.idle_cost_usd, "0.738");
  // prompt: ticks 1-4 +1000, tick 5 reset +400, ticks 6-40 +1000 -> 39400; generation 2000 + 100 + 17500 = 19600
  assert.equal(row.input_tokens, 39400);
  assert.equal(row.output_tokens, 19600);
});

test("query_range errors keep Prometheus's words and the right kind; a bad token stops the source", async () => {
  const run = (cfg: Record<string, unknown>) => prometheusApiCollector.run(ctx(store.orgId, "e", prometheusApiCollector, { base_url: fake.url, kind: "dcgm", ...cfg }, null, T0 + 60_000));
  fake.failNextQuery(422, "execution", "query processing would load too many samples into memory");
  await assert.rejects(run({}), (e: unknown) => e instanceof CollectorError && e.kind === "config" && /422 execution: query processing would load too many samples/.test(e.message));
  fake.failNextQuery(400, "bad_data", 'invalid parameter "query"');
  await assert.rejects(run({}), (e: unknown) => e instanceof CollectorError && e.kind === "config" && /bad_data/.test(e.message));
  fake.failNextQuery(503, "unavailable", "TSDB not ready");
  await assert.rejects(run({}), (e: unknown) => e instanceof CollectorError && e.kind === "unavailable" && !e.stopsSource && /TSDB not ready/.test(e.message));
  const locked = await startFakePrometheus({ token: "s3cret-token" });
  try {
    await assert.rejects(
      prometheusScrapeCollector.run(ctx(store.orgId, "l", prometheusScrapeCollector, { url: `${locked.url}/vllm/metrics`, kind: "vllm", bearer_token: "wrong" }, null, T0)),
      (e: unknown) => e instanceof CollectorError && e.stopsSource && !e.message.includes("wrong"),
    );
    const ok = await prometheusScrapeCollector.run(ctx(store.orgId, "l", prometheusScrapeCollector, { url: `${locked.url}/vllm/metrics`, kind: "vllm", bearer_token: "s3cret-token" }, null, T0));
    assert.equal(ok.stats?.serving_rows, 1);
  } finally {
    await locked.close();
  }
  await assert.rejects(
    prometheusScrapeCollector.run(ctx(store.orgId, "n", prometheusScrapeCollector, { url: `${fake.url}/nothing/here`, kind: "vllm" }, null, T0)),
    (e: unknown) => e instanceof CollectorError && e.kind === "config" && /404/.test(e.message),
  );
  await assert.rejects(
    prometheusScrapeCollector.run(ctx(store.orgId, "n", prometheusScrapeCollector, { url: "http://127.0.0.1:9/metrics", kind: "vllm" }, null, T0)),
    (e: unknown) => e instanceof CollectorError && e.kind === "unavailable",
  );
});

test("config validation names the field", () => {
  const r = prometheusScrapeCollector.configSchema.safeParse({ kind: "nvidia", interval_s: 2 });
  assert.equal(r.success, false);
  const paths = r.error!.issues.map((i) => i.path.join("."));
  assert.ok(paths.includes("kind") && paths.includes("interval_s"), paths.join(","));
  const alias = prometheusScrapeCollector.configSchema.parse({ base_url: "http://h:8000/metrics", kind: "vllm" });
  assert.deepEqual(alias, { url: "http://h:8000/metrics", kind: "vllm", interval_s: 15 });
  assert.equal(prometheusApiCollector.configSchema.safeParse({ base_url: "ftp://x", kind: "dcgm" }).success, false);
});

test("prefix cache per deployment: vLLM's renamed counters summed, hit rate = hits / queries", async () => {
  const { prefixCacheStats } = await import("./prefix-cache");
  const stats = await prefixCacheStats(store.orgId, new Date(T0), new Date(T0 + HOUR));
  // 7 increases of 800 queries and 200 hits after the first scrape (no reset in these counters)
  assert.deepEqual(stats.filter((s) => s.deployment === "llama-70b-prod"), [{ deployment: "llama-70b-prod", model: "llama-70b", engine: "vllm", queries: 5600, hits: 1400, hit_rate: 0.25 }]);
});
