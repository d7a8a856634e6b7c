/**
 * Integration: ingestion into the embedded ClickHouse (chdb) of a temporary DATA_DIR, read back
 * through querySpend. Costs are hand-computed from published prices (USD per Mtok x 1e6 =
 * pico-dollars per token).
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { ingestEvents } from "./ingest-batch";
import { querySpend, type SpendRow } from "@/lib/analytics/spend";
import { chQuery } from "@/lib/clickhouse/query";
import { picoToUsdString } from "@/lib/money/pico";
import { A_CHAT_CACHED, B_RESPONSES_CACHED, D_DELTA, E_ANTHROPIC_1H } from "@/lib/testing/usage-fixtures";
import { LLM_EVENTS } from "@/lib/clickhouse/tables";

let store: TempStore;
before(async () => {
  store = await openTempStore();
});
after(async () => {
  await store?.close();
});

// Published prices in pico-dollars per token ($X/Mtok = X * 1e6).
const GPT54 = { input: 2_500_000, cached: 250_000, output: 15_000_000 }; // $2.50 / $0.25 / $15
const SONNET4 = { input: 3_000_000, read: 300_000, write5m: 3_750_000, write1h: 6_000_000, output: 15_000_000 }; // $3 / $0.30 / $3.75 / $6 / $15
const OPUS48 = { input: 5_000_000, read: 500_000, write5m: 6_250_000, output: 25_000_000 }; // $5 / $0.50 / $6.25 / $25

const FROM = new Date("2026-10-01T00:00:00Z");
const TO = new Date("2026-11-01T00:00:00Z");

async function totals(orgId: string, filters = {}): Promise<SpendRow | undefined> {
  const rows = await querySpend({ orgId, from: FROM, to: TO, groupBy: [], filters });
  assert.ok(rows.length <= 1);
  return rows[0];
}

function batch(prefix: string) {
  return [
    { id: `${prefix}-1`, timestamp: "2026-10-05T10:15:00Z", provider: "openai", model: "gpt-5.4", feature: "chat", usage: A_CHAT_CACHED },
    { id: `${prefix}-2`, timestamp: "2026-10-05T11:30:00Z", provider: "openai", model: "gpt-5.4", feature: "search", usage: B_RESPONSES_CACHED },
    { id: `${prefix}-3`, timestamp: "2026-10-06T09:00:00Z", provider: "anthropic", model: "claude-sonnet-4-20250514", feature: "summarize", usage: E_ANTHROPIC_1H, cache: "miss" },
    { id: `${prefix}-4`, timestamp: "2026-10-07T23:59:59Z", provider: "anthropic", model: "claude-opus-4-8", feature: "summarize", usage: D_DELTA, cache: "hit", status: "error", latency_ms: 1200 },
  ];
}

// Hand-computed, event by event:
const COST_1 = 86 * GPT54.input + 1920 * GPT54.cached + 300 * GPT54.output; // $0.005195
const COST_2 = 904 * GPT54.input + 4096 * GPT54.cached + 1200 * GPT54.output; // $0.021284
const COST_3 = 900 * SONNET4.input + 4000 * SONNET4.read + 1000 * SONNET4.write5m + 2000 * SONNET4.write1h + 500 * SONNET4.output; // $0.02715
const COST_4 = 42 * OPUS48.input + 8 * OPUS48.read + 7 * OPUS48.write5m + 99 * OPUS48.output; // $0.00273275
const BATCH_COST_USD = "0.05636175"; // 0.005195 + 0.021284 + 0.02715 + 0.00273275

const BATCH_TOKENS = {
  input_uncached_tokens: 86 + 904 + 900 + 42,
  cache_read_tokens: 1920 + 4096 + 4000 + 8,
  cache_write_5m_tokens: 1000 + 7,
  cache_write_1h_tokens: 2000,
  output_tokens: 300 + 1200 + 500 + 99,
  reasoning_tokens: 192 + 1024 + 200 + 30,
};

test("hand-computed batch total adds up (guards the constants)", () => {
  assert.equal(COST_1 + COST_2 + COST_3 + COST_4, 56_361_750_000);
  assert.equal(picoToUsdString(COST_1 + COST_2 + COST_3 + COST_4), BATCH_COST_USD);
});

test("ingest a batch: querySpend totals equal the sum of the hand-computed costs and tokens", async () => {
  const res = await ingestEvents(store.orgId, "key-1", batch("a"));
  assert.deepEqual(res, {
    accepted: 4,
    duplicates: 0,
    rejected: 0,
    results: [0, 1, 2, 3].map((i) => ({ index: i, id: `a-${i + 1}`, status: "accepted" })),
  });
  const t = await totals(store.orgId);
  assert.ok(t);
  assert.equal(t.cost_usd_exact, BATCH_COST_USD);
  assert.equal(t.cost_usd, 0.05636175);
  assert.equal(t.requests, 4);
  assert.equal(t.priced_requests, 4);
  assert.equal(t.unpriced_requests, 0);
  assert.equal(t.unpriced_tokens, 0);
  for (const [k, v] of Object.entries(BATCH_TOKENS)) assert.equal(t[k as keyof SpendRow], v, k);
  assert.equal(t.app_cache_hits, 1);
  assert.equal(t.app_cache_lookups, 2);
  assert.equal(t.errors, 1);
  assert.equal(t.latency_ms_sum, 1200);
  assert.equal(t.latency_count, 1);
  // savings of prompt caching: cached tokens at full input price minus their cost
  const savingsPico = 1920 * (GPT54.input - GPT54.cached) + 4096 * (GPT54.input - GPT54.cached) + 4000 * (SONNET4.input - SONNET4.read) + 8 * (OPUS48.input - OPUS48.read);
  assert.equal(t.cache_savings_usd, savingsPico / 1e12);

  // the raw rows carry the exact per-event cost and the price used
  const rows = await chQuery<{ event_id: string; cost_pico: string; price_source: string; price_ref: string; api_key_id: string }>(
    `SELECT event_id, cost_pico, price_source, price_ref, api_key_id FROM ${LLM_EVENTS} WHERE org_id = {org:String} ORDER BY event_id`,
    { tag: "test", params: { org: store.orgId } },
  );
  assert.deepEqual(
    rows.map((r) => [r.event_id, Number(r.cost_pico), r.price_source, r.price_ref, r.api_key_id]),
    [
      ["a-1", COST_1, "catalog", "catalog:openai/gpt-5.4", "key-1"],
      ["a-2", COST_2, "catalog", "catalog:openai/gpt-5.4", "key-1"],
      ["a-3", COST_3, "catalog", "catalog:anthropic/claude-sonnet-4-0", "key-1"],
      ["a-4", COST_4, "catalog", "catalog:anthropic/claude-opus-4-8", "key-1"],
    ],
  );
});

test("retrying the same batch: accepted 0 / duplicates 4, totals unchanged", async () => {
  const before = await totals(store.orgId);
  const res = await ingestEvents(store.orgId, "key-1", batch("a"));
  assert.equal(res.accepted, 0);
  assert.equal(res.duplicates, 4);
  assert.equal(res.rejected, 0);
  assert.deepEqual(res.results.map((r) => r.status), ["duplicate", "duplicate", "duplicate", "duplicate"]);
  const after = await totals(store.orgId);
  assert.deepEqual(after, before);
  assert.equal(after?.cost_usd_exact, BATCH_COST_USD);
  assert.equal(after?.requests, 4);
});

test("a retried id with different content is still a duplicate (the first version counts)", async () => {
  const res = await ingestEvents(store.orgId, "key-2", [{ ...batch("a")[0], usage: { input_tokens: 999_999, output_tokens: 1 } }]);
  assert.equal(res.duplicates, 1);
  assert.equal((await totals(store.orgId))?.cost_usd_exact, BATCH_COST_USD);
});

test("concurrent retries of the same batch are stored once", async () => {
  const org = await store.createOrg("concurrent");
  const results = await Promise.all([1, 2, 3].map(() => ingestEvents(org, "k", batch("c"))));
  assert.equal(results.reduce((s, r) => s + r.accepted, 0), 4);
  assert.equal(results.reduce((s, r) => s + r.duplicates, 0), 8);
  const t = await totals(org);
  assert.equal(t?.requests, 4);
  assert.equal(t?.cost_usd_exact, BATCH_COST_USD);
});

test("a batch repeating an id within itself counts it once", async () => {
  const org = await store.createOrg("repeats");
  const e = batch("r")[2]; // $0.02715
  const res = await ingestEvents(org, "k", [e, { ...e }, { ...e, feature: "other" }]);
  assert.equal(res.accepted, 1);
  assert.equal(res.duplicates, 2);
  assert.deepEqual(res.results.map((r) => r.status), ["accepted", "duplicate", "duplicate"]);
  const t = await totals(org);
  assert.equal(t?.requests, 1);
  assert.equal(t?.cost_usd_exact, "0.02715");
});

test("mixed good and bad events: good stored, bad rejected with field-named errors, totals = good only", async () => {
  const org = await store.createOrg("mixed");
  const good = batch("m");
  const res = await ingestEvents(org, "k", [
    good[0],
    { id: "m-bad-usage", timestamp: "2026-10-05T10:00:00Z", provider: "openai", model: "gpt-5.4", usage: { prompt_tokens: -3, completion_tokens: 1 } },
    good[2],
    { timestamp: "2026-10-05T10:00:00Z", provider: "openai", model: "gpt-5.4", usage: { input_tokens: 1, output_tokens: 1 } },
    { id: "m-bad-ts", timestamp: "last tuesday", provider: "openai", model: "gpt-5.4", usage: { input_tokens: 1, output_tokens: 1 } },
    "not an event",
    { id: "m-no-usage", timestamp: "2026-10-05T10:00:00Z", provider: "openai", model: "gpt-5.4" },
  ]);
  assert.equal(res.accepted, 2);
  assert.equal(res.duplicates, 0);
  assert.equal(res.rejected, 5);
  assert.deepEqual(res.results[0], { index: 0, id: "m-1", status: "accepted" });
  assert.deepEqual(res.results[2], { index: 2, id: "m-3", status: "accepted" });
  assert.deepEqual(res.results[1], {
    index: 1, id: "m-bad-usage", status: "rejected",
    errors: ["usage.prompt_tokens: expected a non-negative integer token count, got -3"],
  });
  assert.deepEqual(res.results[3], { index: 3, id: null, status: "rejected", errors: ["id: expected a string (your idempotency key)"] });
  assert.equal(res.results[4].status, "rejected");
  assert.match((res.results[4] as { errors: string[] }).errors[0], /^timestamp: expected RFC 3339/);
  assert.deepEqual(res.results[5], { index: 5, id: null, status: "rejected", errors: ['event: expected an object, got "not an event"'] });
  assert.match((res.results[6] as { errors: string[] }).errors[0], /^usage: required/);

  const t = await totals(org);
  assert.equal(t?.requests, 2);
  assert.equal(t?.cost_usd_exact, "0.032345"); // 0.005195 + 0.02715
  assert.equal(t?.cost_usd_exact, picoToUsdString(COST_1 + COST_3));
  assert.equal(t?.output_tokens, 300 + 500);
  // a rejected id was not stored, so sending it again fixed is accepted
  const fixed = await ingestEvents(org, "k", [{ id: "m-bad-usage", timestamp: "2026-10-05T10:00:00Z", provider: "openai", model: "gpt-5.4", usage: { prompt_tokens: 3, completion_tokens: 1 } }]);
  assert.equal(fixed.accepted, 1);
});

test("a batch of only bad events writes nothing", async () => {
  const org = await store.createOrg("all-bad");
  const res = await ingestEvents(org, "k", [{ id: "x" }, 5]);
  assert.equal(res.rejected, 2);
  assert.equal(res.accepted, 0);
  assert.equal(await totals(org), undefined);
});

test("an absurd token count is rejected per event and does not block the good events of its batch", async () => {
  const org = await store.createOrg("huge");
  const res = await ingestEvents(org, "k", [
    batch("h")[0],
    { id: "h-huge", timestamp: "2026-10-05T10:00:00Z", provider: "openai", model: "gpt-5.4", usage: { input_tokens: 1, output_tokens: 1_000_000_000_000 } },
  ]);
  assert.equal(res.accepted, 1);
  assert.equal(res.rejected, 1);
  assert.match((res.results[1] as { errors: string[] }).errors[0], /^usage\.output_tokens: /);
  assert.equal((await totals(org))?.cost_usd_exact, "0.005195");
});

test("an unknown model is stored unpriced: its tokens count, its cost is not presented as $0 spend", async () => {
  const org = await store.createOrg("unpriced");
  const res = await ingestEvents(org, "k", [
    batch("u")[0],
    { id: "u-x", timestamp: "2026-10-05T10:00:00Z", provider: "acme", model: "acme-llm-7b", usage: { input_tokens: 1000, output_tokens: 234 } },
  ]);
  assert.equal(res.accepted, 2);
  const t = await totals(org);
  assert.equal(t?.requests, 2);
  assert.equal(t?.priced_requests, 1);
  assert.equal(t?.unpriced_requests, 1);
  assert.equal(t?.unpriced_tokens, 1234);
  assert.equal(t?.cost_usd_exact, "0.005195");
  const byModel = await querySpend({ orgId: org, from: FROM, to: TO, groupBy: ["model"], filters: {} });
  const acme = byModel.find((r) => r.model === "acme-llm-7b");
  assert.equal(acme?.unpriced_requests, 1);
  assert.equal(acme?.priced_requests, 0);
  const raw = await chQuery<{ priced: number; price_source: string }>(`SELECT priced, price_source FROM ${LLM_EVENTS} WHERE org_id = {org:String} AND event_id = 'u-x'`, { tag: "test", params: { org } });
  assert.deepEqual(raw, [{ priced: 0, price_source: "none" }]);
});

test("ids are scoped per organization", async () => {
  const org = await store.createOrg("other org, same ids");
  const res = await ingestEvents(org, "k", batch("a"));
  assert.equal(res.accepted, 4);
  assert.equal((await totals(org))?.cost_usd_exact, BATCH_COST_USD);
  assert.equal((await totals(store.orgId))?.requests, 4, "the first org is unchanged");
});
