/**
 * Integration: the what-if replay over real events (embedded ClickHouse + SQLite in a temp DATA_DIR),
 * every expected cost computed by hand from the catalog's prices (USD per Mtok x 1e6 = pico per token):
 * - gpt-5.6-luna (feature classify): before 2026-07-30 input $1 / output $6; from 2026-07-30 input
 *   $0.20 / output $1.20, and above 271,999 prompt tokens $0.40 / $1.80 (a dated and a tiered price);
 * - gpt-4o (feature chat): $2.50 / $10, then the organization's override $1 / $4 from 2026-07-30 12:00
 *   (mid-day: the replay must split the day);
 * - claude-sonnet-4 (feature summarize): $3 / $15, cache read $0.30, cache write (5 min) $3.75;
 * - gpt-4o-mini: $0.15 / $0.60.
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { ingestEvents } from "@/lib/ingest/ingest-batch";
import { createOverride } from "@/lib/pricing/overrides";
import { querySpend } from "@/lib/analytics/spend";
import { picoToUsdString } from "@/lib/money/pico";
import { createDeployment } from "@/lib/selfhosted/deployments";
import { insertGpuSamples } from "@/lib/selfhosted/gpu-samples";
import { insertServingSamples } from "@/lib/selfhosted/serving-samples";
import type { GpuSample, ServingSample } from "@/lib/selfhosted/types";
import type { Scenario, ScenarioChange } from "@/lib/whatif-contract/scenario";
import { HttpError } from "@/lib/http/body";
import { recostRange } from "@/lib/pricing/recost";
import { replayScenario } from "./replay";

let store: TempStore;
const FROM = "2026-07-28T00:00:00Z";
const TO = "2026-08-02T00:00:00Z";
const S4 = "claude-sonnet-4-20250514";

const ev = (id: string, timestamp: string, provider: string, model: string, feature: string, usage: Record<string, number>, team = "core") => ({ id, timestamp, provider, model, feature, team, usage });
const EVENTS = [
  ev("L1", "2026-07-29T10:00:00Z", "openai", "gpt-5.6-luna", "classify", { input_tokens: 1000, output_tokens: 200 }),
  ev("L2", "2026-07-31T10:00:00Z", "openai", "gpt-5.6-luna", "classify", { input_tokens: 1000, output_tokens: 200 }),
  ev("L3", "2026-07-31T12:00:00Z", "openai", "gpt-5.6-luna", "classify", { input_tokens: 300_000, output_tokens: 1000 }, "research"),
  ev("C1", "2026-07-30T06:00:00Z", "openai", "gpt-4o", "chat", { input_tokens: 2000, output_tokens: 500 }),
  ev("C2", "2026-07-30T18:00:00Z", "openai", "gpt-4o", "chat", { input_tokens: 2000, output_tokens: 500 }),
  ev("A1", "2026-08-01T09:00:00Z", "anthropic", S4, "summarize", { input_tokens: 3000, cache_read_input_tokens: 1000, cache_creation_input_tokens: 500, output_tokens: 400 }),
  ev("A2", "2026-08-01T10:00:00Z", "anthropic", S4, "summarize", { input_tokens: 800, output_tokens: 100 }),
  ev("U1", "2026-07-29T00:00:00Z", "openai", "no-such-model-x", "chat", { input_tokens: 100, output_tokens: 10 }),
  // outside [FROM, TO)
  ev("O1", "2026-07-27T23:59:59Z", "openai", "gpt-4o", "chat", { input_tokens: 1000, output_tokens: 0 }),
  ev("O2", "2026-08-02T00:00:00Z", "openai", "gpt-4o", "chat", { input_tokens: 1000, output_tokens: 0 }),
];
// stored costs, pico-dollars
const L1 = 1000n * 1_000_000n + 200n * 6_000_000n; // old luna price
const L2 = 1000n * 200_000n + 200n * 1_200_000n; // new luna price
const L3 = 300_000n * 400_000n + 1000n * 1_800_000n; // new price, upper tier
const C1 = 2000n * 2_500_000n + 500n * 10_000_000n; // catalog
const C2 = 2000n * 1_000_000n + 500n * 4_000_000n; // override
const A1 = 3000n * 3_000_000n + 1000n * 300_000n + 500n * 3_750_000n + 400n * 15_000_000n;
const A2 = 800n * 3_000_000n + 100n * 15_000_000n;
const ALL = L1 + L2 + L3 + C1 + C2 + A1 + A2;
const usd = (p: bigint) => picoToUsdString(p);

const DEP = "llama-70b-prod";
const H = Date.UTC(2026, 6, 31, 10);
const Q = 900_000;
// One GPU at $3.60/h, 50 % busy (busy cost 1.8e12 pico an hour), two hours; the servers counted 1,000
// prompt and 500 generated tokens an hour with 30 s prefill and 90 s decode: over the window the busy
// cost 3.6e12 splits 1/4 to input (9e11 / 2,000 tokens = 4.5e8 a token) and 3/4 to output (2.7e12 / 1,000).
const gpu = (hour: number): GpuSample[] =>
  [1, 2, 3, 4].map((k) => ({
    gpuKey: "node-a/0", tsMs: hour + k * Q - 1, prevTsMs: hour + (k - 1) * Q - 1, coveredMs: Q, uuid: "GPU-0", gpu: "0", hostname: "node-a",
    modelName: "NVIDIA H100 80GB HBM3", pod: "", namespace: "llm-prod", labels: { hostname: "node-a", namespace: "llm-prod" },
    util: null, engineActive: 0.5, tensorActive: null, fbUsedMib: null, fbFreeMib: null, powerW: null,
  }));
const serving = (hour: number): ServingSample[] =>
  [1, 2, 3, 4].map((k) => ({
    seriesKey: "vllm|llama", tsMs: hour + k * Q - 1, prevTsMs: hour + (k - 1) * Q - 1, coveredMs: Q, engine: "vllm", model: "llama-70b",
    promptTokens: 250, generationTokens: 125, requests: 2, preemptions: 0, prefixQueries: 0, prefixHits: 0,
    prefillSeconds: 30 / 4, decodeSeconds: 90 / 4, running: 1, waiting: 0, kvCache: 0.2,
  }));

before(async () => {
  store = await openTempStore();
  await createOverride(store.orgId, { provider: "openai", modelPattern: "gpt-4o", effectiveFrom: "2026-07-30T12:00:00Z", inputPerMtok: "1", outputPerMtok: "4" });
  const res = await ingestEvents(store.orgId, "k", EVENTS);
  assert.equal(res.accepted, EVENTS.length, JSON.stringify(res.results.filter((r) => r.status !== "accepted")));
  await createDeployment(store.orgId, "test", { name: DEP, model: "llama-70b", gpu_price_per_hour_usd: "3.6", match: { namespace: "llm-prod" }, endpoints: ["src-vllm"] });
  await createDeployment(store.orgId, "test", { name: "idle-dep", model: "x", gpu_price_per_hour_usd: "1", match: { namespace: "nothing" }, endpoints: [] });
  await insertGpuSamples([{ orgId: store.orgId, sourceId: "src-dcgm", rows: [...gpu(H), ...gpu(H + 3_600_000)] }]);
  await insertServingSamples([{ orgId: store.orgId, sourceId: "src-vllm", rows: [...serving(H), ...serving(H + 3_600_000)] }]);
});
after(async () => {
  await store?.close();
});

const run = (change: ScenarioChange, scope: Scenario["scope"] = {}) => replayScenario(store.orgId, { from: FROM, to: TO, scope, change });
const feature = (r: Awaited<ReturnType<typeof run>>, f: string) => r.by_feature.find((l) => l.feature === f);

test("before is the stored cost of the window's events, equal to the read API's total, by feature and by month", async () => {
  const r = await run({ kind: "app_cache", hit_rate: 0 });
  assert.equal(r.before_usd, usd(ALL));
  assert.equal(r.after_usd, usd(ALL));
  assert.equal(r.saved_usd, "0");
  assert.equal(r.requests_in_scope, 8);
  assert.equal(r.unpriced_requests, 1, "U1 has no price");
  const [spend] = await querySpend({ orgId: store.orgId, from: new Date(FROM), to: new Date(TO), groupBy: [], filters: {} });
  assert.equal(r.before_usd, spend.cost_usd_exact);
  assert.deepEqual(r.by_month.map((m) => [m.month, m.before_usd]), [["2026-07", usd(L1 + L2 + L3 + C1 + C2)], ["2026-08", usd(A1 + A2)]]);
  assert.deepEqual(r.by_feature.map((l) => [l.feature, l.before_usd, l.requests]), [["classify", usd(L1 + L2 + L3), 3], ["summarize", usd(A1 + A2), 2], ["chat", usd(C1 + C2), 3]]);
  const scoped = await run({ kind: "app_cache", hit_rate: 0 }, { team: "core", provider: "openai" });
  const [spendScoped] = await querySpend({ orgId: store.orgId, from: new Date(FROM), to: new Date(TO), groupBy: [], filters: { team: ["core"], provider: ["openai"] } });
  assert.equal(scoped.before_usd, spendScoped.cost_usd_exact);
  assert.equal(scoped.before_usd, usd(L1 + L2 + C1 + C2));
});

test("route: a share of the scope priced at the target model, the override and the catalog's dates kept apart", async () => {
  // gpt-4o -> gpt-4o-mini for half of chat's priced requests: C1 and C2 would cost 2000 x 0.15 + 500 x 0.60 = $0.0006
  const MINI_C = 2000n * 150_000n + 500n * 600_000n;
  const r = await run({ kind: "route", to_provider: "openai", to_model: "gpt-4o-mini", share: 0.5 }, { model: "gpt-4o" });
  assert.equal(r.before_usd, usd(C1 + C2));
  assert.equal(r.after_usd, usd((C1 + MINI_C) / 2n + (C2 + MINI_C) / 2n));
  assert.equal(r.saved_usd, usd(C1 + C2 - ((C1 + MINI_C) / 2n + (C2 + MINI_C) / 2n)));
  assert.equal(r.unpriced_requests, 0);
  // all of classify, including the request above the luna tier (the mini price is flat)
  const all = await run({ kind: "route", to_provider: "openai", to_model: "gpt-4o-mini", share: 1 }, { feature: "classify" });
  const mini = (i: bigint, o: bigint) => i * 150_000n + o * 600_000n;
  assert.equal(all.after_usd, usd(mini(1000n, 200n) * 2n + mini(300_000n, 1000n)));
  assert.equal(feature(all, "classify")?.saved_usd, usd(L1 + L2 + L3 - mini(1000n, 200n) * 2n - mini(300_000n, 1000n)));
  // the other way: into the tiered model, whose upper tier a 300k prompt reaches
  const into = await run({ kind: "route", to_provider: "openai", to_model: "gpt-5.6-luna", share: 1 }, { feature: "summarize" });
  // A1 keeps its cache buckets at luna's cache prices (read $0.02, write $0.25); A2 plain
  const A1L = 3000n * 200_000n + 1000n * 20_000n + 500n * 250_000n + 400n * 1_200_000n;
  const A2L = 800n * 200_000n + 100n * 1_200_000n;
  assert.equal(into.after_usd, usd(A1L + A2L));
});

test("route to a model no price covers: unpriced, never $0, and no saving claimed", async () => {
  const r = await run({ kind: "route", to_provider: "openai", to_model: "made-up-model", share: 1 }, { feature: "classify" });
  assert.equal(r.after_usd, r.before_usd);
  assert.equal(r.saved_usd, "0");
  assert.equal(r.unpriced_requests, 3);
});

test("prompt_cache: hits at the cache-read rate, misses written at the cache-write rate, small prompts unchanged", async () => {
  const r = await run({ kind: "prompt_cache", hit_rate: 0.8 }, { feature: "summarize" });
  // A1 (prompt 4,500 >= 1,024): of 3,000 uncached, 2,400 read and 600 written
  const A1C = (1000n + 2400n) * 300_000n + (500n + 600n) * 3_750_000n + 400n * 15_000_000n;
  assert.equal(r.before_usd, usd(A1 + A2));
  assert.equal(r.after_usd, usd(A1C + A2), "A2's prompt of 800 is below Anthropic's minimum: unchanged");
  assert.equal(r.saved_usd, usd(A1 - A1C));
});

test("app_cache: the hit share of requests costs nothing", async () => {
  const r = await run({ kind: "app_cache", hit_rate: 0.25 });
  assert.equal(r.after_usd, usd((ALL * 3n) / 4n));
  assert.equal(r.saved_usd, usd(ALL / 4n));
  assert.equal(r.unpriced_requests, 1);
});

test("batch: the provider's batch discount (50 % at OpenAI and Anthropic), the override's dates kept", async () => {
  const r = await run({ kind: "batch" });
  assert.equal(r.after_usd, usd(ALL / 2n));
  const chat = await run({ kind: "batch" }, { feature: "chat" });
  assert.equal(chat.after_usd, usd((C1 + C2) / 2n));
  assert.deepEqual(chat.by_month, [{ month: "2026-07", before_usd: usd(C1 + C2), after_usd: usd((C1 + C2) / 2n), saved_usd: usd((C1 + C2) / 2n) }]);
});

test("max_tokens: output capped per request, at each request's own tier and date", async () => {
  const r = await run({ kind: "max_tokens", cap: 300 }, { feature: "classify" });
  // L1, L2 output 200 (under the cap): unchanged; L3 1,000 -> 300 at the upper tier's $1.80
  const L3C = 300_000n * 400_000n + 300n * 1_800_000n;
  assert.equal(r.after_usd, usd(L1 + L2 + L3C));
  assert.equal(r.saved_usd, usd(L3 - L3C));
});

test("trim_input: input cut by the percentage; a trimmed prompt can fall below a tier", async () => {
  const r = await run({ kind: "trim_input", percent: 20 }, { feature: "classify" });
  const L1T = 800n * 1_000_000n + 200n * 6_000_000n;
  const L2T = 800n * 200_000n + 200n * 1_200_000n;
  const L3T = 240_000n * 200_000n + 1000n * 1_200_000n; // 240,000 <= 271,999: the base tier
  assert.equal(r.after_usd, usd(L1T + L2T + L3T));
  const chat = await run({ kind: "trim_input", percent: 50 }, { feature: "chat" });
  assert.equal(chat.after_usd, usd(1000n * 2_500_000n + 500n * 10_000_000n + 1000n * 1_000_000n + 500n * 4_000_000n));
  assert.equal(chat.unpriced_requests, 1);
});

test("self_host: the deployment's measured input and output rates over the window", async () => {
  const r = await run({ kind: "self_host", deployment: DEP }, { feature: "classify" });
  const sh = (i: bigint, o: bigint) => i * 450_000_000n + o * 2_700_000_000n;
  assert.equal(r.after_usd, usd(sh(1000n, 200n) * 2n + sh(300_000n, 1000n)));
  await assert.rejects(run({ kind: "self_host", deployment: "idle-dep" }), (e: unknown) => e instanceof HttpError && e.status === 422 && /no measured cost/.test(e.details.join()));
  await assert.rejects(run({ kind: "self_host", deployment: "nope" }), (e: unknown) => e instanceof HttpError && e.status === 422 && /no self-hosted deployment/.test(e.details.join()));
});

test("monthly_saved_usd scales the saving to 30 days of the window", async () => {
  const r = await run({ kind: "batch" }, { feature: "chat" });
  // 5-day window: x6
  assert.equal(r.monthly_saved_usd, usd(((C1 + C2) / 2n) * 6n));
});

test("an invalid scenario is refused with the field named", async () => {
  await assert.rejects(run({ kind: "route", to_provider: "openai", to_model: "x", share: 1.5 }), (e: unknown) => e instanceof HttpError && e.status === 400 && e.details.some((d) => d.startsWith("change.share")));
});

test("a re-costed event counts once, at its latest version; organizations are kept apart", async () => {
  const org = await store.createOrg("Re-cost org");
  const res = await ingestEvents(org, "k", [ev("R1", "2026-07-29T10:00:00Z", "acme", "custom-llm", "chat", { input_tokens: 1000, output_tokens: 100 })]);
  assert.equal(res.accepted, 1);
  const change: ScenarioChange = { kind: "app_cache", hit_rate: 0.5 };
  const before = await replayScenario(org, { from: FROM, to: TO, scope: {}, change });
  assert.deepEqual([before.before_usd, before.unpriced_requests, before.requests_in_scope], ["0", 1, 1], "unknown model: unpriced");
  await createOverride(org, { provider: "acme", modelPattern: "custom-llm", effectiveFrom: "2026-01-01", inputPerMtok: "1", outputPerMtok: "2" });
  await recostRange(org, new Date(FROM), new Date(TO), "test");
  const r = await replayScenario(org, { from: FROM, to: TO, scope: {}, change });
  const R1 = 1000n * 1_000_000n + 100n * 2_000_000n;
  assert.deepEqual([r.before_usd, r.after_usd, r.unpriced_requests, r.requests_in_scope], [usd(R1), usd(R1 / 2n), 0, 1]);
});

test("a time-of-day price (DeepSeek's off-peak hours, 16:30-00:30 UTC) splits the day", async () => {
  const org = await store.createOrg("Off-peak org");
  const res = await ingestEvents(org, "k", [
    ev("D1", "2026-07-29T10:00:00Z", "deepseek", "deepseek-chat", "tod", { input_tokens: 1000, output_tokens: 100 }),
    ev("D2", "2026-07-29T17:00:00Z", "deepseek", "deepseek-chat", "tod", { input_tokens: 1000, output_tokens: 100 }),
  ]);
  assert.equal(res.accepted, 2);
  const r = await replayScenario(org, { from: FROM, to: TO, scope: {}, change: { kind: "trim_input", percent: 50 } });
  // standard $0.27 / $1.10, off-peak $0.135 / $0.55
  assert.equal(r.before_usd, usd(1000n * 270_000n + 100n * 1_100_000n + 1000n * 135_000n + 100n * 550_000n));
  assert.equal(r.after_usd, usd(500n * 270_000n + 100n * 1_100_000n + 500n * 135_000n + 100n * 550_000n));
});
