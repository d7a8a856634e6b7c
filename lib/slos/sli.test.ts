/**
 * Integration (embedded ClickHouse): each objective kind's SLI on a small, hand-computed event set,
 * and a re-cost (cancelling row + new version) counted once with its new cost.
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { chInsert } from "@/lib/clickhouse/query";
import { toEventRow } from "@/lib/ingest/rows";
import { sliceCounts } from "./sli";
import type { SloConfig } from "./types";
import { LLM_EVENTS } from "@/lib/clickhouse/tables";

let store: TempStore;
after(async () => {
  await store?.close();
});

const T0 = Date.UTC(2026, 10, 20, 10, 0, 0); // a slice start
const MIN = 60_000;
const FROM = new Date(T0 - 3_600_000);
const TO = new Date(T0 + 3_600_000);

type Ev = { id: string; at: number; costMicro: number | null; latency: number | null; status?: "ok" | "error"; cache?: "hit" | "miss" | ""; action?: string; feature?: string };

function row(org: string, e: Ev) {
  return toEventRow(
    org,
    "k",
    {
      id: e.id, timestamp: new Date(e.at), provider: "openai", model: "gpt-4o-mini", project: "p", feature: e.feature ?? "support", team: "t", user: "u", customer: "c", environment: "prod",
      tokens: { inputUncached: 10, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 5, reasoning: 0 },
      latencyMs: e.latency, status: e.status ?? "ok", appCache: e.cache ?? "", tags: e.action ? { action: e.action } : {}, source: "api",
    },
    { priced: e.costMicro !== null, costPico: (e.costMicro ?? 0) * 1_000_000, cacheSavingsPico: 0, priceSource: e.costMicro === null ? "none" : "catalog", priceRef: "test" },
  );
}

// Slice A (T0..T0+5m): costs $1, $2, $3 (micro), one unpriced; slice B (T0+5m..): costs $5, $2.
const EVENTS: Ev[] = [
  { id: "a1", at: T0 + 1 * MIN, costMicro: 1, latency: 100, cache: "hit", action: "resolved" },
  { id: "a2", at: T0 + 2 * MIN, costMicro: 2, latency: 200, cache: "miss" },
  { id: "a3", at: T0 + 3 * MIN, costMicro: 3, latency: 300, status: "error", cache: "hit" },
  { id: "a4", at: T0 + 4 * MIN, costMicro: null, latency: null },
  { id: "b1", at: T0 + 6 * MIN, costMicro: 5, latency: 900, cache: "miss", action: "resolved" },
  { id: "b2", at: T0 + 7 * MIN, costMicro: 2, latency: 250, action: "resolved" },
  // another feature: outside every SLO's scope below
  { id: "x1", at: T0 + 1 * MIN, costMicro: 100, latency: 5000, status: "error", cache: "miss", feature: "search" },
];

let org = "";
before(async () => {
  store = await openTempStore();
  org = await store.createOrg("sli");
  await chInsert(LLM_EVENTS, EVENTS.map((e) => row(org, e)), { tag: "test" });
});

const slo = (over: Partial<SloConfig>) => ({ orgId: org, kind: "error_rate" as const, threshold: "", action: "", scope: { feature: "support" }, ...over });
const sums = (s: { good: number; total: number }[]) => s.reduce((a, x) => ({ good: a.good + x.good, total: a.total + x.total }), { good: 0, total: 0 });

test("cost_per_request: priced requests at or under the threshold; unpriced ones are not counted", async () => {
  // <= $0.000002: a1 ($1), a2 ($2), b2 ($2) of the 5 priced
  assert.deepEqual(sums(await sliceCounts(slo({ kind: "cost_per_request", threshold: "0.000002" }), FROM, TO)), { good: 3, total: 5 });
});

test("latency_p95: requests that report a latency, good when at or under the threshold", async () => {
  // <= 250 ms: 100, 200, 250 of 100, 200, 300, 900, 250
  const s = await sliceCounts(slo({ kind: "latency_p95", threshold: "250" }), FROM, TO);
  assert.deepEqual(sums(s), { good: 3, total: 5 });
  assert.deepEqual(s.map((x) => [x.start, x.good, x.total]), [[T0, 2, 3], [T0 + 5 * MIN, 1, 2]]);
});

test("error_rate: every request, good unless status is error", async () => {
  assert.deepEqual(sums(await sliceCounts(slo({ kind: "error_rate" }), FROM, TO)), { good: 5, total: 6 });
});

test("cache_hit_rate: cache lookups, good on a hit", async () => {
  assert.deepEqual(sums(await sliceCounts(slo({ kind: "cache_hit_rate" }), FROM, TO)), { good: 2, total: 4 });
});

test("cost_per_action: 5-minute slices, good when spend <= threshold x actions", async () => {
  // slice A: $6 spent (micro), 1 action -> bad at $3/action, good at $6/action; slice B: $7, 2 actions -> good at $3.5
  const at3 = await sliceCounts(slo({ kind: "cost_per_action", threshold: "0.000003", action: "resolved" }), FROM, TO);
  assert.deepEqual(at3.map((x) => [x.start, x.good, x.total]), [[T0, 0, 1], [T0 + 5 * MIN, 0, 1]]);
  const at35 = await sliceCounts(slo({ kind: "cost_per_action", threshold: "0.0000035", action: "resolved" }), FROM, TO);
  assert.deepEqual(at35.map((x) => x.good), [0, 1]);
  const at6 = await sliceCounts(slo({ kind: "cost_per_action", threshold: "0.000006", action: "resolved" }), FROM, TO);
  assert.deepEqual(at6.map((x) => x.good), [1, 1]);
});

test("a re-cost counts once, with the new cost", async () => {
  const o = await store.createOrg("recost");
  const live = row(o, { id: "r1", at: T0 + MIN, costMicro: 5, latency: 100 });
  await chInsert(LLM_EVENTS, [live], { tag: "test" });
  const kind = slo({ orgId: o, kind: "cost_per_request", threshold: "0.000002" });
  assert.deepEqual(sums(await sliceCounts(kind, FROM, TO)), { good: 0, total: 1 });
  // What lib/pricing/recost writes: a cancelling row of the live version and the next version.
  await chInsert(LLM_EVENTS, [{ ...live, sign: -1 }, { ...live, cost_pico: 1_000_000, version: 2 }], { tag: "test" });
  assert.deepEqual(sums(await sliceCounts(kind, FROM, TO)), { good: 1, total: 1 });
  assert.deepEqual(sums(await sliceCounts({ ...kind, kind: "error_rate" }, FROM, TO)), { good: 1, total: 1 });
});

test("worst bad events: the costliest over the threshold, current version only", async () => {
  const { worstBadEvents } = await import("./breaches");
  const cfg = { id: "x", orgId: org, name: "n", scope: { feature: "support" }, kind: "cost_per_request" as const, threshold: "0.000002", action: "", target: 99, windowType: "rolling" as const, windowDays: 30, enabled: true, createdAt: new Date(), updatedAt: new Date() };
  const bad = await worstBadEvents(cfg, FROM, TO);
  assert.deepEqual(bad.map((b) => [b.event_id, b.cost_usd]), [["b1", "0.000005"], ["a3", "0.000003"]]);
  const slow = await worstBadEvents({ ...cfg, kind: "latency_p95", threshold: "250" }, FROM, TO);
  assert.deepEqual(slow.map((b) => b.event_id), ["b1", "a3"]);
});

test("attainment over a range, per SLO, for the quarterly report", async () => {
  const { createSlo } = await import("./service");
  const { sloAttainmentForRange } = await import("./attainment");
  await createSlo(org, "cli", { name: "Support errors", scope: { feature: "support" }, objective: "error_rate", target: 90 });
  const [a] = await sloAttainmentForRange(org, FROM, TO);
  assert.equal(a.name, "Support errors");
  assert.equal(a.good, 5);
  assert.equal(a.total, 6);
  assert.ok(Math.abs(a.attainment! - 5 / 6) < 1e-12);
  // 1 bad of an allowance of 0.6: budget overspent by 2/3
  assert.ok(Math.abs(a.budget_remaining! - (1 - 1 / 0.6)) < 1e-9);
});
