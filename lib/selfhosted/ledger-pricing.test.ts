/**
 * Self-hosted events priced at their deployment's measured cost per token (embedded ClickHouse + SQLite):
 * GPU and serving samples written through their owner modules, events ingested through ingestEvents,
 * the hourly pass run, every cost computed by hand.
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { ingestEvents } from "@/lib/ingest/ingest-batch";
import { chQuery } from "@/lib/clickhouse/query";
import { querySpend } from "@/lib/analytics/spend";
import { recostRange } from "@/lib/pricing/recost";
import { selfHostedPricingPass } from "@/workers/selfhosted-pricing";
import { createDeployment } from "./deployments";
import { insertGpuSamples } from "./gpu-samples";
import { insertServingSamples } from "./serving-samples";
import { selfHostedPageData } from "./page-data";
import type { GpuSample, ServingSample } from "./types";
import { LLM_EVENTS } from "@/lib/clickhouse/tables";

let store: TempStore;
let org: string;
before(async () => {
  store = await openTempStore();
  org = store.orgId;
});
after(async () => {
  await store?.close();
});

const H0 = Date.UTC(2026, 10, 2, 10);
const HOUR = 3_600_000;
const Q = 900_000; // one scrape every 15 minutes
const DEP = "llama-70b-prod";

// One GPU at $3.60/h, 50 % busy, for hours H0 and H0+1: per hour GPU cost 3.6e12 pico, busy 1.8e12, idle 1.8e12.
function gpu(hour: number): GpuSample[] {
  return [1, 2, 3, 4].map((k) => ({
    gpuKey: "node-a/0", tsMs: hour + k * Q - 1, prevTsMs: hour + (k - 1) * Q - 1, coveredMs: Q, uuid: "GPU-0", gpu: "0", hostname: "node-a",
    modelName: "NVIDIA H100 80GB HBM3", pod: "", namespace: "llm-prod", labels: { hostname: "node-a", namespace: "llm-prod" },
    util: null, engineActive: 0.5, tensorActive: null, fbUsedMib: null, fbFreeMib: null, powerW: null,
  }));
}
// 1,000 prompt and 500 generated tokens an hour; H0 without prefill/decode times, H0+1 with 30 s prefill, 90 s decode.
function serving(hour: number, prefill: number, decode: number): ServingSample[] {
  return [1, 2, 3, 4].map((k) => ({
    seriesKey: "vllm|llama", tsMs: hour + k * Q - 1, prevTsMs: hour + (k - 1) * Q - 1, coveredMs: Q, engine: "vllm", model: "llama-70b",
    promptTokens: 250, generationTokens: 125, requests: 2, preemptions: 0, prefixQueries: 0, prefixHits: 0,
    prefillSeconds: prefill / 4, decodeSeconds: decode / 4, running: 1, waiting: 0, kvCache: 0.2,
  }));
}

const iso = (ms: number) => new Date(ms).toISOString();
const EVENTS = [
  { id: "sh-1", timestamp: iso(H0 + 5 * 60_000), provider: DEP, model: "llama-70b", feature: "chat", team: "a", customer: "c1", usage: { input_tokens: 600, output_tokens: 300 } },
  { id: "sh-2", timestamp: iso(H0 + 50 * 60_000), provider: DEP, model: "llama-70b", feature: "search", team: "b", customer: "c2", usage: { input_tokens: 400, output_tokens: 200 } },
  { id: "sh-3", timestamp: iso(H0 + HOUR + 10 * 60_000), provider: DEP, model: "llama-70b", feature: "chat", team: "a", customer: "c1", usage: { input_tokens: 1000, output_tokens: 500 } },
  // the hour still open at the pass: stays unpriced
  { id: "sh-4", timestamp: iso(H0 + 2 * HOUR + 5 * 60_000), provider: DEP, model: "llama-70b", usage: { input_tokens: 10, output_tokens: 10 } },
];

async function ledger() {
  const rows = await chQuery<{ event_id: string; cost: string; priced: string; versions: string }>(
    `SELECT event_id, toString(sum(cost_pico * sign)) AS cost, toString(sum(priced * sign)) AS priced, toString(max(version)) AS versions
     FROM ${LLM_EVENTS} WHERE org_id = {org:String} GROUP BY event_id ORDER BY event_id`,
    { tag: "test", params: { org } },
  );
  return Object.fromEntries(rows.map((r) => [r.event_id, r]));
}

test("events of a deployment are priced at its hour's measured usage-basis cost, attributed + idle = the GPU bill", async () => {
  await createDeployment(org, "test", { name: DEP, model: "llama-70b", gpu_price_per_hour_usd: "3.6", match: { namespace: "llm-prod" }, endpoints: ["src-vllm"] });
  await insertGpuSamples([{ orgId: org, sourceId: "src-dcgm", rows: [...gpu(H0), ...gpu(H0 + HOUR)] }]);
  await insertServingSamples([{ orgId: org, sourceId: "src-vllm", rows: [...serving(H0, 0, 0), ...serving(H0 + HOUR, 30, 90)] }]);
  const res = await ingestEvents(org, "key", EVENTS);
  assert.equal(res.accepted, 4);

  let l = await ledger();
  for (const id of ["sh-1", "sh-2", "sh-3", "sh-4"]) assert.equal(l[id].priced, "0", `${id} is unpriced until its hour closes (never $0)`);

  const now = H0 + 2 * HOUR + 20 * 60_000;
  const first = await selfHostedPricingPass(now);
  assert.equal(first.changed, 3);
  l = await ledger();
  // H0, blended: 1.8e12 busy pico / 1,500 tokens = 1.2e9 pico per token
  assert.equal(l["sh-1"].cost, String(900 * 1_200_000_000));
  assert.equal(l["sh-2"].cost, String(600 * 1_200_000_000));
  // H0+1: prefill 30 of 120 s -> input 0.45e12 / 1,000 = 4.5e8, output 1.35e12 / 500 = 2.7e9 pico per token
  assert.equal(l["sh-3"].cost, String(1000 * 450_000_000 + 500 * 2_700_000_000));
  assert.equal(l["sh-4"].priced, "0");

  // attributed by feature like API spend
  const byFeature = await querySpend({ orgId: org, from: new Date(H0), to: new Date(H0 + 2 * HOUR), groupBy: ["feature"], filters: { provider: [DEP] } });
  const f = Object.fromEntries(byFeature.map((r) => [String(r.feature), r.cost_usd_exact]));
  assert.equal(Number(f.chat), 2.88);
  assert.equal(Number(f.search), 0.72);

  // the page's GPU bill box: attributed + idle = GPU cost, nothing busy left unattributed
  const page = await selfHostedPageData(org, H0, H0 + 2 * HOUR, DEP);
  assert.deepEqual(page.reconciliation, { gpuCostUsd: "7.2", idleCostUsd: "3.6", attributedUsd: "3.6", unattributedBusyUsd: "0" });

  // idempotent: a second pass (and a general re-cost of the range) changes nothing
  const second = await selfHostedPricingPass(now);
  assert.equal(second.changed, 0);
  const general = await recostRange(org, new Date(H0), new Date(H0 + 2 * HOUR), "test");
  assert.equal(general.changed, 0);
  assert.deepEqual(await ledger(), l);
});
