/**
 * The Caches report from events ingested through ingestEvents and stats stored as POST
 * /api/v1/cache-stats stores them, in the real embedded ClickHouse; every figure computed by hand
 * from published prices (USD per Mtok x 1e6 = pico-dollars per token).
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { ingestEvents } from "@/lib/ingest/ingest-batch";
import { parseCacheStats } from "./cache-stats-schema";
import { storeCacheStats } from "./cache-stats-store";
import { cacheReport, type CacheReportRow } from "./report";

let store: TempStore;
let org: string;
before(async () => {
  store = await openTempStore();
  org = store.orgId;
  const res = await ingestEvents(org, "k", EVENTS);
  assert.equal(res.accepted, EVENTS.length, JSON.stringify(res));
  await post(STATS_FIRST);
  await post(STATS_CORRECTED); // the same window of "answers" again: replaces, never adds
});
after(async () => {
  await store?.close();
});

const FROM = new Date("2026-11-01T00:00:00Z");
const TO = new Date("2026-12-01T00:00:00Z");
const SONNET = "claude-sonnet-4-20250514"; // $3 input, $0.30 read, $3.75 5m write, $6 1h write
const T = "2026-11-10T10:00:00Z";

const EVENTS = [
  // 900 uncached + 1000 written (5 min) + 4000 read. Gross saving 4000 x (3 - 0.30) = $0.0108; premium 1000 x 0.75 = $0.00075.
  { id: "p-1", timestamp: T, provider: "anthropic", model: SONNET, feature: "summarize", usage: { input_tokens: 900, cache_creation_input_tokens: 1000, cache_read_input_tokens: 4000, output_tokens: 500 } },
  // 100 uncached + 2000 written for 1 h: premium 2000 x (6 - 3) = $0.006, no read.
  {
    id: "p-2", timestamp: T, provider: "anthropic", model: SONNET, feature: "summarize",
    usage: { input_tokens: 100, cache_creation_input_tokens: 2000, cache_read_input_tokens: 0, cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 2000 }, output_tokens: 10 },
  },
  // Application cache misses for search / gpt-5.4 ($2.50 in, $15 out): $0.004, $0.008, $0.0075; mean $0.0065.
  { id: "m-1", timestamp: T, provider: "openai", model: "gpt-5.4", feature: "search", cache: "miss", usage: { prompt_tokens: 1000, completion_tokens: 100 } },
  { id: "m-2", timestamp: T, provider: "openai", model: "gpt-5.4", feature: "search", cache: "miss", usage: { prompt_tokens: 2000, completion_tokens: 200 } },
  { id: "m-3", timestamp: T, provider: "openai", model: "gpt-5.4", feature: "search", cache: "miss", usage: { prompt_tokens: 3000, completion_tokens: 0 } },
  { id: "h-1", timestamp: T, provider: "openai", model: "gpt-5.4", feature: "search", cache: "hit", usage: { prompt_tokens: 0, completion_tokens: 0 } },
  { id: "h-2", timestamp: T, provider: "openai", model: "gpt-5.4", feature: "search", cache: "hit", usage: { prompt_tokens: 0, completion_tokens: 0 } },
];

const WINDOW = { window_start: "2026-11-10T00:00:00Z", window_end: "2026-11-11T00:00:00Z" };
const STATS_FIRST = {
  stats: [
    { cache: "answers", kind: "semantic", feature: "search", model: "gpt-5.4", ...WINDOW, hits: 30, misses: 70, latency_ms_p50: 4, latency_ms_p95: 20, bytes_stored: 1_000_000 },
    { cache: "faq", kind: "exact", ...WINDOW, hits: 5, misses: 5 },
  ],
};
const STATS_CORRECTED = {
  stats: [{ cache: "answers", kind: "semantic", feature: "search", model: "gpt-5.4", ...WINDOW, hits: 40, misses: 60, latency_ms_p50: 5, latency_ms_p95: 25, bytes_stored: 2_000_000 }],
};

async function post(body: unknown) {
  const parsed = parseCacheStats(body, Date.parse("2026-11-20T00:00:00Z"));
  assert.ok(parsed.ok, JSON.stringify(parsed));
  await storeCacheStats(org, parsed.stats);
}

const find = (rows: CacheReportRow[], pred: (r: CacheReportRow) => boolean) => {
  const r = rows.find(pred);
  assert.ok(r, `no row in ${JSON.stringify(rows)}`);
  return r;
};

test("prompt caching: savings net of the cache-write premium, per feature and model", async () => {
  const rows = await cacheReport(org, FROM, TO, "model");
  const sonnet = find(rows, (r) => r.layer === "prompt" && r.model === SONNET);
  assert.equal(sonnet.provider, "anthropic");
  // Gross is what the ledger's cache_savings_pico holds; net takes the write premium off.
  assert.equal(sonnet.gross_savings_usd, "0.0108");
  assert.equal(sonnet.write_premium_usd, "0.00675");
  assert.equal(sonnet.saved_usd, "0.00405");
  assert.equal(sonnet.saved_is_estimate, false);
  assert.equal(sonnet.hits, 4000);
  assert.equal(sonnet.lookups, 900 + 1000 + 4000 + 100 + 2000);
  assert.equal(sonnet.hit_rate, 0.5);
  assert.equal(sonnet.cache_write_tokens, 3000);
  const gpt = find(rows, (r) => r.layer === "prompt" && r.model === "gpt-5.4");
  assert.equal(gpt.hits, 0);
  assert.equal(gpt.lookups, 6000);
  assert.equal(gpt.saved_usd, "0");
});

test("application caches: hits from events and from reports, each hit worth the average miss (an estimate)", async () => {
  const rows = await cacheReport(org, FROM, TO, "cache");
  const events = find(rows, (r) => r.layer === "application" && r.cache === "(from events)");
  assert.equal(events.hits, 2);
  assert.equal(events.lookups, 5);
  assert.equal(events.hit_rate, 0.4);
  assert.equal(events.saved_usd, "0.013"); // 2 x $0.0065
  assert.equal(events.saved_is_estimate, true);
  const answers = find(rows, (r) => r.cache === "answers");
  assert.equal(answers.kind, "semantic");
  assert.equal(answers.hits, 40, "the corrected report replaced the first");
  assert.equal(answers.lookups, 100);
  assert.equal(answers.saved_usd, "0.26"); // 40 x $0.0065
  assert.equal(answers.latency_ms_p50, 5);
  assert.equal(answers.latency_ms_p95, 25);
  assert.equal(answers.bytes_stored, 2_000_000);
  const faq = find(rows, (r) => r.cache === "faq");
  assert.equal(faq.saved_usd, null, "no feature or model to price a miss: unknown, not $0");
  assert.equal(faq.unknown_saving_hits, 5);
  assert.equal(faq.latency_ms_p50, null);
});

test("grouped by layer: every layer answers, the prefix layer empty until a deployment reports", async () => {
  const rows = await cacheReport(org, FROM, TO, "layer");
  assert.deepEqual(rows.map((r) => r.layer), ["prompt", "prefix", "application"]);
  const app = find(rows, (r) => r.layer === "application");
  assert.equal(app.hits, 2 + 40 + 5);
  assert.equal(app.lookups, 5 + 100 + 10);
  assert.equal(app.saved_usd, "0.273");
  assert.equal(app.unknown_saving_hits, 5);
  const prompt = find(rows, (r) => r.layer === "prompt");
  assert.equal(prompt.saved_usd, "0.00405");
  assert.equal(prompt.lookups, 8000 + 6000);
  const prefix = find(rows, (r) => r.layer === "prefix");
  assert.equal(prefix.lookups, 0);
  assert.equal(prefix.hit_rate, null);
  assert.equal(prefix.saved_usd, null);
});

test("grouped by feature", async () => {
  const rows = await cacheReport(org, FROM, TO, "feature");
  assert.ok(!rows.some((r) => r.layer === "prefix"));
  const search = find(rows, (r) => r.layer === "application" && r.feature === "search");
  assert.equal(search.hits, 42);
  assert.equal(search.saved_usd, "0.273");
  assert.equal(find(rows, (r) => r.layer === "prompt" && r.feature === "summarize").saved_usd, "0.00405");
});

test("cache-stats validation names the item and the field; nothing is stored from a bad request", () => {
  const now = Date.parse("2026-11-20T00:00:00Z");
  const errs = (body: unknown) => {
    const r = parseCacheStats(body, now);
    assert.equal(r.ok, false);
    return (r as { errors: string[] }).errors;
  };
  const good = { cache: "c", kind: "exact", ...WINDOW, hits: 1, misses: 2 };
  assert.deepEqual(errs({}), ["stats: expected an array"]);
  assert.deepEqual(errs({ stats: [] }), ["stats: send at least one"]);
  assert.deepEqual(errs({ stats: [{ ...good, kind: "fuzzy" }] }), ['stats[0].kind: expected "exact" or "semantic"']);
  assert.deepEqual(errs({ stats: [good, { ...good, hits: -1 }] }), ["stats[1].hits: expected a whole number >= 0"]);
  assert.deepEqual(errs({ stats: [{ ...good, misses: undefined }] }), ["stats[0].misses: expected a whole number >= 0"]);
  assert.deepEqual(errs({ stats: [{ ...good, cache: "" }] }), ["stats[0].cache: must not be empty"]);
  assert.deepEqual(errs({ stats: [{ ...good, window_start: "yesterday" }] })[0].startsWith("stats[0].window_start: expected an RFC 3339 time"), true);
  assert.deepEqual(errs({ stats: [{ ...good, window_end: WINDOW.window_start }] }), ["stats[0].window_end: expected a time after window_start"]);
  assert.deepEqual(errs({ stats: [{ ...good, latency_ms_p50: 9, latency_ms_p95: 3 }] }), ["stats[0].latency_ms_p95: expected a value >= latency_ms_p50"]);
  assert.match(errs({ stats: [{ ...good, hit: 3 }] })[0], /^stats\[0\]\.hit: unknown field/);
  assert.deepEqual(errs({ stats: ["x"] }), ["stats[0]: expected an object"]);
});
