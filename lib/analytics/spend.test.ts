/**
 * Integration: querySpend over the hourly rollup (embedded ClickHouse in a temp DATA_DIR): group by,
 * filters, time buckets, range bounds. Prices: gpt-4o input $2.50, output $10; claude-sonnet-4
 * input $3, output $15 (USD per Mtok x 1e6 = pico-dollars per token).
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { ingestEvents } from "@/lib/ingest/ingest-batch";
import { picoToUsdString } from "@/lib/money/pico";
import { querySpend, type SpendQuery } from "./spend";

let store: TempStore;
before(async () => {
  store = await openTempStore();
  const res = await ingestEvents(store.orgId, "k", EVENTS);
  assert.equal(res.accepted, EVENTS.length, JSON.stringify(res.results.filter((r) => r.status !== "accepted")));
});
after(async () => {
  await store?.close();
});

const GPT4O = { input: 2_500_000, output: 10_000_000 };
const SONNET = { input: 3_000_000, output: 15_000_000 };
const S = "claude-sonnet-4-20250514";

const ev = (id: string, timestamp: string, model: string, feature: string, customer: string, input: number, output: number) => ({
  id, timestamp, provider: model === S ? "anthropic" : "openai", model, feature, customer, team: feature === "chat" ? "growth" : "search-team",
  usage: { input_tokens: input, output_tokens: output },
});
const EVENTS = [
  ev("s-1", "2026-10-01T01:00:00Z", "gpt-4o", "chat", "acme", 1000, 100),
  ev("s-2", "2026-10-01T05:30:00Z", "gpt-4o", "chat", "globex", 2000, 0),
  ev("s-3", "2026-10-02T10:00:00Z", S, "search", "acme", 1000, 100),
  ev("s-4", "2026-10-02T23:59:59.999Z", "gpt-4o", "search", "initech", 0, 1000),
  ev("s-5", "2026-10-03T00:00:00Z", S, "chat", "acme", 4000, 0),
  // outside [from, to): just before `from`, exactly at `to`
  ev("s-out-1", "2026-09-30T23:59:59Z", "gpt-4o", "chat", "acme", 1000, 0),
  ev("s-out-2", "2026-10-04T00:00:00Z", "gpt-4o", "chat", "acme", 1000, 0),
];
const C1 = 1000 * GPT4O.input + 100 * GPT4O.output; // $0.0035
const C2 = 2000 * GPT4O.input; // $0.005
const C3 = 1000 * SONNET.input + 100 * SONNET.output; // $0.0045
const C4 = 1000 * GPT4O.output; // $0.01
const C5 = 4000 * SONNET.input; // $0.012
const usd = picoToUsdString;
/** Exact inverse of picoToUsdString, to add decimal USD strings without floats. */
const toPico = (s: string) => {
  const [whole, frac = ""] = s.split(".");
  return BigInt(whole) * 10n ** 12n + BigInt(frac.padEnd(12, "0"));
};

const FROM = new Date("2026-10-01T00:00:00Z");
const TO = new Date("2026-10-04T00:00:00Z");
const q = (o: Partial<SpendQuery> = {}) => querySpend({ orgId: store.orgId, from: FROM, to: TO, groupBy: [], filters: {}, ...o });

test("total over the range: only events in [from, to)", async () => {
  const rows = await q();
  assert.equal(rows.length, 1);
  assert.equal(rows[0].cost_usd_exact, usd(C1 + C2 + C3 + C4 + C5));
  assert.equal(rows[0].cost_usd_exact, "0.035");
  assert.equal(rows[0].requests, 5);
  assert.equal(rows[0].input_uncached_tokens, 1000 + 2000 + 1000 + 0 + 4000);
  assert.equal(rows[0].output_tokens, 100 + 0 + 100 + 1000 + 0);
  const wider = await q({ from: new Date("2026-09-30T00:00:00Z"), to: new Date("2026-10-05T00:00:00Z") });
  assert.equal(wider[0].requests, 7);
});

test("group by feature: one row per feature, most expensive first", async () => {
  const rows = await q({ groupBy: ["feature"] });
  assert.deepEqual(
    rows.map((r) => [r.feature, r.cost_usd_exact, r.requests]),
    [
      ["chat", usd(C1 + C2 + C5), 3], // $0.0205
      ["search", usd(C3 + C4), 2], // $0.0145
    ],
  );
  assert.equal(rows[0].cost_usd_exact, "0.0205");
});

test("group by feature and model", async () => {
  const rows = await q({ groupBy: ["feature", "model"] });
  assert.deepEqual(
    rows.map((r) => [r.feature, r.model, r.cost_usd_exact, r.requests]),
    [
      ["chat", S, usd(C5), 1], // $0.012
      ["search", "gpt-4o", usd(C4), 1], // $0.01
      ["chat", "gpt-4o", usd(C1 + C2), 2], // $0.0085
      ["search", S, usd(C3), 1], // $0.0045
    ],
  );
  // groups partition the total
  const sum = rows.reduce((s, r) => s + toPico(r.cost_usd_exact), 0n);
  assert.equal(usd(sum), "0.035");
});

test("filter by customer (one value, several values) and combined with group by", async () => {
  const acme = await q({ filters: { customer: ["acme"] } });
  assert.equal(acme[0].cost_usd_exact, usd(C1 + C3 + C5)); // $0.02
  assert.equal(acme[0].requests, 3);
  const two = await q({ filters: { customer: ["acme", "initech"] } });
  assert.equal(two[0].cost_usd_exact, usd(C1 + C3 + C4 + C5)); // $0.03
  const byModel = await q({ groupBy: ["model"], filters: { customer: ["acme"] } });
  assert.deepEqual(byModel.map((r) => [r.model, r.cost_usd_exact]), [[S, usd(C3 + C5)], ["gpt-4o", usd(C1)]]);
  const both = await q({ filters: { customer: ["acme"], feature: ["search"] } });
  assert.equal(both[0].cost_usd_exact, usd(C3));
  assert.deepEqual(await q({ filters: { customer: ["nobody"] } }), []);
  assert.equal((await q({ filters: { team: ["growth"] } }))[0].cost_usd_exact, usd(C1 + C2 + C5));
});

test("interval=day: one bucket per UTC day, buckets sum to the total", async () => {
  const rows = await q({ interval: "day" });
  assert.deepEqual(
    rows.map((r) => [r.bucket, r.cost_usd_exact, r.requests]),
    [
      ["2026-10-01T00:00:00.000Z", usd(C1 + C2), 2],
      ["2026-10-02T00:00:00.000Z", usd(C3 + C4), 2], // 23:59:59.999 stays on the 2nd
      ["2026-10-03T00:00:00.000Z", usd(C5), 1], // 00:00:00 is the 3rd
    ],
  );
  const sum = rows.reduce((s, r) => s + toPico(r.cost_usd_exact), 0n);
  assert.equal(usd(sum), (await q())[0].cost_usd_exact);
  assert.equal(rows.reduce((s, r) => s + r.requests, 0), 5);
});

test("interval=day with group by: every bucket x group, summing to the per-group totals", async () => {
  const rows = await q({ interval: "day", groupBy: ["feature"] });
  assert.deepEqual(
    rows.map((r) => [r.bucket?.slice(0, 10), r.feature, r.cost_usd_exact]),
    [
      ["2026-10-01", "chat", usd(C1 + C2)],
      ["2026-10-02", "search", usd(C3 + C4)],
      ["2026-10-03", "chat", usd(C5)],
    ],
  );
});

test("interval=hour buckets at the hour", async () => {
  const rows = await q({ interval: "hour", from: new Date("2026-10-02T00:00:00Z"), to: new Date("2026-10-03T00:00:00Z") });
  assert.deepEqual(rows.map((r) => [r.bucket, r.cost_usd_exact]), [
    ["2026-10-02T10:00:00.000Z", usd(C3)],
    ["2026-10-02T23:00:00.000Z", usd(C4)],
  ]);
});

test("limit keeps the top groups by cost", async () => {
  const rows = await q({ groupBy: ["customer"], limit: 1 });
  assert.deepEqual(rows.map((r) => [r.customer, r.cost_usd_exact]), [["acme", usd(C1 + C3 + C5)]]);
});

test("another organization sees none of these events", async () => {
  const other = await store.createOrg("empty");
  assert.deepEqual(await querySpend({ orgId: other, from: FROM, to: TO, groupBy: [], filters: {} }), []);
});
