/**
 * Integration: a price override re-costs past events (embedded ClickHouse + SQLite in a temp DATA_DIR).
 * Prices are USD per 1M tokens; x 1e6 gives pico-dollars per token.
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { ingestEvents } from "@/lib/ingest/ingest-batch";
import { querySpend } from "@/lib/analytics/spend";
import { chQuery } from "@/lib/clickhouse/query";
import { picoToUsdString } from "@/lib/money/pico";
import { createOverride, listOverrides } from "./overrides";
import { listRecostJobs, recostRange } from "./recost";
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

// Claude Sonnet 4 list prices: input $3, cache read $0.30, output $15.
const SONNET4 = { input: 3_000_000, read: 300_000, output: 15_000_000 };
// The negotiated override (from 2026-10-11): input $1.50, output $7.50; cache read left to the catalog.
const NEGOTIATED = { input: 1_500_000, output: 7_500_000 };

const MODEL = "claude-sonnet-4-20250514";
const FROM = new Date("2026-10-10T00:00:00Z");
const TO = new Date("2026-10-13T00:00:00Z");
const usd = (pico: number) => picoToUsdString(pico);

const EVENTS = [
  { id: "r-1", timestamp: "2026-10-10T08:00:00Z", provider: "anthropic", model: MODEL, usage: { input_tokens: 1000, output_tokens: 200 } },
  { id: "r-2", timestamp: "2026-10-11T08:00:00Z", provider: "anthropic", model: MODEL, usage: { input_tokens: 1000, cache_read_input_tokens: 5000, output_tokens: 200 } },
  { id: "r-3", timestamp: "2026-10-12T08:00:00Z", provider: "anthropic", model: MODEL, usage: { input_tokens: 2000, output_tokens: 100 } },
  { id: "r-4", timestamp: "2026-10-11T12:00:00Z", provider: "acme", model: "acme-llm-7b", usage: { input_tokens: 1000, output_tokens: 234 } },
];

// At list price:
const R1_LIST = 1000 * SONNET4.input + 200 * SONNET4.output; // $0.006
const R2_LIST = 1000 * SONNET4.input + 5000 * SONNET4.read + 200 * SONNET4.output; // $0.0075
const R3_LIST = 2000 * SONNET4.input + 100 * SONNET4.output; // $0.0075
// At the negotiated price (r-2 and r-3 are on or after 2026-10-11):
const R2_NEW = 1000 * NEGOTIATED.input + 5000 * SONNET4.read + 200 * NEGOTIATED.output; // $0.0045
const R3_NEW = 2000 * NEGOTIATED.input + 100 * NEGOTIATED.output; // $0.00375

async function total() {
  const [row] = await querySpend({ orgId: org, from: FROM, to: TO, groupBy: [], filters: {} });
  return row;
}
async function perDay() {
  const rows = await querySpend({ orgId: org, from: FROM, to: TO, groupBy: [], filters: {}, interval: "day" });
  return Object.fromEntries(rows.map((r) => [r.bucket!.slice(0, 10), r.cost_usd_exact]));
}
/** The live row of each event: the highest version whose signs have not cancelled out. */
async function liveRows() {
  return chQuery<{ event_id: string; cost_pico: string; price_source: string; v: number }>(
    `SELECT event_id, argMaxIf(e.cost_pico, e.version, sign = 1) AS cost_pico,
            argMaxIf(e.price_source, e.version, sign = 1) AS price_source, max(e.version) AS v
     FROM ${LLM_EVENTS} AS e WHERE org_id = {org:String} GROUP BY event_id HAVING sum(sign) > 0 ORDER BY event_id`,
    { tag: "test", params: { org } },
  );
}

test("before any override: catalog prices, the unknown model unpriced", async () => {
  const res = await ingestEvents(org, "k", EVENTS);
  assert.equal(res.accepted, 4);
  const t = await total();
  assert.equal(t.cost_usd_exact, usd(R1_LIST + R2_LIST + R3_LIST));
  assert.equal(t.cost_usd_exact, "0.021");
  assert.equal(t.requests, 4);
  assert.equal(t.unpriced_requests, 1);
  assert.equal(t.unpriced_tokens, 1234);
});

test("an override effective from a past time, then recostRange: totals reflect the new price exactly", async () => {
  await createOverride(org, { provider: "anthropic", modelPattern: "claude-sonnet-4*", effectiveFrom: "2026-10-11T00:00:00Z", inputPerMtok: "1.5", outputPerMtok: "7.5" });
  // creating the override alone changes nothing stored
  assert.equal((await total()).cost_usd_exact, "0.021");

  const r = await recostRange(org, FROM, TO, "test: negotiated price");
  assert.equal(r.scanned, 4);
  assert.equal(r.changed, 2, "only r-2 and r-3 are on or after the effective date");

  const t = await total();
  assert.equal(t.cost_usd_exact, usd(R1_LIST + R2_NEW + R3_NEW));
  assert.equal(t.cost_usd_exact, "0.01425"); // 0.006 + 0.0045 + 0.00375
  assert.equal(t.requests, 4, "re-costing never changes the request count");
  assert.equal(t.input_uncached_tokens, 1000 + 1000 + 2000 + 1000);
  assert.equal(t.cache_read_tokens, 5000);
  assert.equal(t.output_tokens, 200 + 200 + 100 + 234);
  // savings follow the new input price: 5000 cached tokens x ($1.50 - $0.30)
  assert.equal(t.cache_savings_usd, (5000 * (NEGOTIATED.input - SONNET4.read)) / 1e12);

  // the event before the effective date keeps the old price
  assert.deepEqual(await perDay(), { "2026-10-10": usd(R1_LIST), "2026-10-11": usd(R2_NEW), "2026-10-12": usd(R3_NEW) });
  const live = await liveRows();
  assert.deepEqual(
    live.map((x) => [x.event_id, Number(x.cost_pico), x.price_source]),
    [["r-1", R1_LIST, "catalog"], ["r-2", R2_NEW, "override"], ["r-3", R3_NEW, "override"], ["r-4", 0, "none"]],
  );
});

test("running the same re-cost again changes nothing and does not double-count", async () => {
  const before = await total();
  const r = await recostRange(org, FROM, TO, "again");
  assert.equal(r.changed, 0);
  assert.deepEqual(await total(), before);
  // two at once are serialized: still exact
  const both = await Promise.all([recostRange(org, FROM, TO, "a"), recostRange(org, FROM, TO, "b")]);
  assert.deepEqual(both.map((x) => x.changed), [0, 0]);
  assert.equal((await total()).cost_usd_exact, "0.01425");
  const jobs = await listRecostJobs(org);
  assert.ok(jobs.length >= 4);
  assert.ok(jobs.every((j) => j.status === "done"), JSON.stringify(jobs.map((j) => j.status)));
});

test("events ingested after the override are priced with it directly; retries of re-costed events stay duplicates", async () => {
  const res = await ingestEvents(org, "k", [
    { id: "r-5", timestamp: "2026-10-12T09:00:00Z", provider: "anthropic", model: MODEL, usage: { input_tokens: 1000, output_tokens: 200 } },
    ...EVENTS,
  ]);
  assert.equal(res.accepted, 1);
  assert.equal(res.duplicates, 4);
  const R5 = 1000 * NEGOTIATED.input + 200 * NEGOTIATED.output; // $0.003
  assert.equal((await total()).cost_usd_exact, usd(R1_LIST + R2_NEW + R3_NEW + R5));
  assert.equal((await total()).cost_usd_exact, "0.01725");
  assert.equal((await total()).requests, 5);
});

test("a re-cost touches only its range", async () => {
  // exact-name override from 2026-10-01: in force for r-1 only (the 2026-10-11 glob is later for the others)
  await createOverride(org, { provider: "anthropic", modelPattern: MODEL, effectiveFrom: "2026-10-01T00:00:00Z", inputPerMtok: "2", outputPerMtok: "10" });
  const outside = await recostRange(org, new Date("2026-10-12T00:00:00Z"), TO, "only the 12th");
  assert.equal(outside.changed, 0);
  assert.equal((await total()).cost_usd_exact, "0.01725", "r-1 is outside the range: not re-costed");
  const inside = await recostRange(org, FROM, new Date("2026-10-11T00:00:00Z"), "only the 10th");
  assert.equal(inside.changed, 1);
  const R1_EXACT = 1000 * 2_000_000 + 200 * 10_000_000; // $0.004
  assert.equal((await perDay())["2026-10-10"], usd(R1_EXACT));
  assert.equal((await total()).cost_usd_exact, "0.01525"); // 0.01725 - 0.006 + 0.004
});

test("an unpriced model becomes priced after an override for it and a re-cost", async () => {
  await createOverride(org, { provider: "acme", modelPattern: "acme-llm-7b", effectiveFrom: "2026-01-01T00:00:00Z", inputPerMtok: "0.4", outputPerMtok: "1.6" });
  assert.equal((await total()).unpriced_requests, 1, "still unpriced until re-costed");
  const r = await recostRange(org, FROM, TO, "price for acme");
  assert.equal(r.changed, 1);
  const t = await total();
  assert.equal(t.unpriced_requests, 0);
  assert.equal(t.unpriced_tokens, 0);
  assert.equal(t.priced_requests, 5);
  const R4 = 1000 * 400_000 + 234 * 1_600_000; // $0.40 and $1.60 per Mtok: $0.0007744
  assert.equal(t.cost_usd_exact, usd(15_250_000_000 + R4));
  assert.equal(t.cost_usd_exact, "0.0160244"); // 0.01525 + 0.0007744
  const acme = (await liveRows()).find((x) => x.event_id === "r-4");
  assert.equal(Number(acme?.cost_pico), R4);
  assert.equal(acme?.price_source, "override");
  assert.equal((await listOverrides(org)).length, 3);
});

test("another organization's events are never re-costed", async () => {
  const other = await store.createOrg("other");
  await ingestEvents(other, "k", [EVENTS[2]]);
  await recostRange(org, FROM, TO, "org scoped");
  const [row] = await querySpend({ orgId: other, from: FROM, to: TO, groupBy: [], filters: {} });
  assert.equal(row.cost_usd_exact, usd(R3_LIST), "the other org has no override: list price");
  const r = await recostRange(other, FROM, TO, "other org");
  assert.equal(r.changed, 0);
});
