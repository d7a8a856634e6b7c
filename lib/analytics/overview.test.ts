/**
 * Integration (embedded ClickHouse in a temp DATA_DIR): the overview asks its questions in four
 * statements instead of eleven, and every answer is exactly what the one-question-per-statement
 * queries (the read API's querySpend) give: same numbers, same order, same limits, for aligned and
 * unaligned ranges, hourly and daily buckets, filters, ties, values left unset and unpriced usage.
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { selectStatementsDuring } from "@/lib/testing/statement-count";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { ingestEvents } from "@/lib/ingest/ingest-batch";
import type { Dimension } from "@/lib/domain/event";
import { bucketInterval, previousRange, type ViewFilters } from "./filters";
import { spendOverTime, spendSummary, ZERO_TOTALS } from "./overview";
import { DRIVER_DIMENSIONS, overviewBreakdown } from "./overview-breakdown";
import { loadOverview } from "./overview-load";
import { querySpend, type SpendFilters } from "./spend";
import { shapeStackedSeries } from "./stack-series";

let store: TempStore;
const FEATURES = ["chat", "search", "summarize", "triage", "rerank", "plan", "extract", "draft", "classify", "agent", "translate", "", "ocr"];
const CUSTOMERS = ["acme", "globex", "", "initech"];

before(async () => {
  store = await openTempStore();
  const events: Record<string, unknown>[] = [];
  // Ten days, every third hour; equal usage for some features on purpose, so costs tie and the order
  // falls back to the value.
  for (let h = 0; h < 240; h += 3) {
    for (let k = 0; k < 4; k++) {
      const i = h * 4 + k;
      const feature = FEATURES[(h / 3 + k) % FEATURES.length];
      const unpriced = i % 29 === 0;
      events.push({
        id: `ov-${i}`,
        timestamp: new Date(Date.UTC(2026, 9, 1, h, (k * 13) % 60)).toISOString(),
        provider: unpriced ? "selfhost" : k % 2 ? "openai" : "anthropic",
        model: unpriced ? `private-${i % 2}` : k % 2 ? "gpt-4o-mini" : "claude-sonnet-4-20250514",
        project: k === 3 ? "" : `p-${k % 2}`,
        feature,
        team: ["growth", "core", "data"][i % 3],
        customer: CUSTOMERS[i % CUSTOMERS.length],
        user: `u-${i % 17}`,
        environment: "prod",
        usage: { input_tokens: feature === "search" || feature === "summarize" ? 1000 : 200 + (i % 7) * 100, output_tokens: 50 + (i % 5) * 10 },
        latency_ms: 100 + (i % 50),
        cache: i % 4 === 0 ? "hit" : "miss",
      });
    }
  }
  const res = await ingestEvents(store.orgId, "k", events);
  assert.equal(res.accepted, events.length);
});
after(async () => {
  await store?.close();
});

const view = (from: string, to: string, filters: SpendFilters = {}, stack: Dimension = "feature"): ViewFilters => ({ from: new Date(from), to: new Date(to), filters, stack });

const VIEWS: [string, ViewFilters][] = [
  ["unaligned start, partial days at both ends", view("2026-10-02T05:30:00Z", "2026-10-09T07:00:00Z")],
  ["whole days", view("2026-10-01T00:00:00Z", "2026-10-11T00:00:00Z")],
  ["two days or less: hourly buckets", view("2026-10-05T03:00:00Z", "2026-10-06T10:00:00Z")],
  ["filters, including a value left unset", view("2026-10-01T00:00:00Z", "2026-10-08T12:00:00Z", { customer: ["acme", ""], team: ["growth"] })],
  ["nothing in range", view("2026-08-01T00:00:00Z", "2026-08-20T00:00:00Z")],
];

// The questions as the page asked them before, one statement each (the read API's answers).
const one = (v: ViewFilters, o: { groupBy?: Dimension[]; interval?: "hour" | "day"; limit?: number; filters?: SpendFilters } = {}) =>
  querySpend({ orgId: store.orgId, from: v.from, to: v.to, groupBy: o.groupBy ?? [], filters: o.filters ?? v.filters, interval: o.interval, limit: o.limit });

for (const [name, v] of VIEWS) {
  test(`${name}: driver tables and the total series equal one query each`, async () => {
    const interval = bucketInterval(v);
    const b = await overviewBreakdown(store.orgId, v, interval);
    for (const d of DRIVER_DIMENSIONS) {
      const expected = (await one(v, { groupBy: [d], limit: 10 })).map((r) => ({
        value: String(r[d] ?? ""),
        costUsd: r.cost_usd,
        requests: r.requests,
        pricedRequests: r.priced_requests,
        unpricedRequests: r.unpriced_requests,
        tokens: r.input_uncached_tokens + r.cache_read_tokens + r.cache_write_5m_tokens + r.cache_write_1h_tokens + r.output_tokens,
      }));
      assert.deepEqual(b.drivers[d], expected, d);
    }
    assert.deepEqual(b.series, await one(v, { interval }));
    if (name !== "nothing in range") assert.ok(b.series.length > 0 && b.drivers.user.length > 0, "the view has data");
  });

  test(`${name}: current and previous totals equal one query each`, async () => {
    const prev = previousRange(v);
    const expected = {
      current: (await one(v))[0] ?? ZERO_TOTALS,
      previous: (await querySpend({ orgId: store.orgId, ...prev, groupBy: [], filters: v.filters }))[0] ?? ZERO_TOTALS,
    };
    assert.deepEqual(await spendSummary(store.orgId, v), expected);
  });

  test(`${name}: the chart equals the one built from three read-API questions`, async () => {
    for (const stack of ["feature", "customer", "user", "provider", "environment"] as const) {
      const interval = bucketInterval(v);
      const top = await one(v, { groupBy: [stack], limit: 8 });
      const values = top.map((r) => r[stack] ?? "");
      const expected = shapeStackedSeries({
        from: v.from.toISOString(),
        to: v.to.toISOString(),
        interval,
        stack,
        top,
        perValue: values.length ? await one(v, { groupBy: [stack], interval, filters: { ...v.filters, [stack]: values } }) : [],
        total: await one(v, { interval }),
      });
      const data = loadOverview(store.orgId, { ...v, stack });
      assert.deepEqual(await data.chart, expected, stack);
      const b = await data.breakdown;
      assert.deepEqual(await spendOverTime(store.orgId, v, stack, b.series), expected, `${stack} without known top values`);
    }
  });
}

test("the unpriced callout's question is unchanged and sees the unpriced models", async () => {
  const data = loadOverview(store.orgId, VIEWS[1][1]);
  const unpriced = await data.unpriced;
  assert.ok(unpriced.length > 0);
  assert.deepEqual(unpriced.map((m) => m.provider), unpriced.map(() => "selfhost"));
  assert.equal(unpriced.reduce((n, m) => n + m.requests, 0), (await data.summary).current.unpriced_requests);
});

let outside = 0;
/** Stores one event far outside every view above: the data changed, the numbers shown did not. */
const touchRollup = async () => assert.equal((await ingestEvents(store.orgId, "k", [{ id: `outside-${outside++}`, timestamp: "2025-01-01T00:00:00Z", provider: "openai", model: "gpt-4o-mini", usage: { input_tokens: 1, output_tokens: 1 } }])).accepted, 1);

const statementsFor = (v: ViewFilters) =>
  selectStatementsDuring(() => {
    const data = loadOverview(store.orgId, v);
    return Promise.all([data.summary, data.unpriced, data.breakdown, data.chart]);
  });

test("a whole overview costs four statements (it was eleven), five when the chart is stacked by a dimension without a driver table", async () => {
  const b = await overviewBreakdown(store.orgId, VIEWS[1][1], "day");
  assert.equal(b.drivers.feature.length, 10, "13 features, the 10 costliest shown");
  for (const [name, v] of VIEWS) {
    for (const stack of ["feature", "provider"] as const) {
      await touchRollup();
      // totals, unpriced, breakdown; the chart's series of its top values when
      // there are any; and the top values themselves when no driver table has them
      const expected = 3 + (name === "nothing in range" ? 0 : 1) + (stack === "provider" ? 1 : 0);
      assert.equal(await statementsFor({ ...v, stack }), expected, `${name}, stacked by ${stack}`);
    }
  }
});

test("a view seen before costs no statement until this process writes to the store: then it shows the new numbers", async () => {
  const v = VIEWS[0][1];
  await touchRollup();
  await statementsFor(v);
  const first = await loadOverview(store.orgId, v).summary;
  assert.equal(await statementsFor(v), 0, "answered from memory");
  assert.deepEqual(await loadOverview(store.orgId, v).summary, first);
  // Any write, even one outside the view, is a miss: the cache knows only that the store changed.
  await touchRollup();
  assert.ok((await statementsFor(v)) >= 3, "asked again after a write");

  // One more call inside the view: the very next overview counts it.
  const more = await ingestEvents(store.orgId, "k", [{ id: "inside-1", timestamp: "2026-10-04T10:00:00Z", provider: "openai", model: "gpt-4o-mini", feature: "chat", usage: { input_tokens: 1000, output_tokens: 10 } }]);
  assert.equal(more.accepted, 1);
  const after = await loadOverview(store.orgId, v);
  assert.equal((await after.summary).current.requests, first.current.requests + 1);
  assert.deepEqual(await after.summary, { current: (await one(v))[0], previous: first.previous });
  const chat = (await after.breakdown).drivers.feature.find((r) => r.value === "chat");
  assert.deepEqual(chat, (await overviewBreakdown(store.orgId, v, bucketInterval(v))).drivers.feature.find((r) => r.value === "chat"));
});
