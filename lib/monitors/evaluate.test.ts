/**
 * Integration: the monitor evaluator against the embedded ClickHouse, with events written through the
 * product's ingest path. One organization per scenario (a steady 14-day history, then one change).
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { evaluateMonitor } from "./evaluate";
import { THRESHOLDS } from "./series-cache";
import { createMonitor } from "./store";
import { createMonitorSchema, type MonitorConfig } from "./types";
import { event, ingestAll, steadyEvents } from "./testing/workload";

const NOW = new Date("2026-11-18T14:30:00Z"); // a Wednesday, half an hour into the daily peak
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const FEATURES = [
  { feature: "search", team: "growth", perHour: 12 },
  { feature: "chat", team: "support", perHour: 12 },
  { feature: "summarize", team: "support", perHour: 8 },
];

let store: TempStore;
let burstOrg: string;
let cprOrg: string;
let runawayOrg: string;

const monitor = async (orgId: string, body: Record<string, unknown>): Promise<MonitorConfig> => createMonitor(orgId, createMonitorSchema.parse(body));
const history = (orgId: string, prefix: string, seed: number) =>
  steadyEvents({ orgId, from: new Date(NOW.getTime() - 14 * DAY_MS), to: NOW, features: FEATURES, seed, idPrefix: prefix });

before(async () => {
  store = await openTempStore();
  burstOrg = store.orgId;
  cprOrg = await store.createOrg("cpr");
  runawayOrg = await store.createOrg("runaway");
  // A burst of 60 extra search requests in the first 20 minutes of the current hour (about 10x its rate).
  const burst = Array.from({ length: 60 }, (_, i) => event(`burst-${i}`, NOW.getTime() - 30 * 60_000 + i * 20_000, "search", "growth"));
  await ingestAll(burstOrg, [...history(burstOrg, "a", 11), ...burst]);
  // Flat traffic; from the start of the previous hour every request carries a 4x larger prompt.
  const bloatFrom = Math.floor(NOW.getTime() / HOUR_MS) * HOUR_MS - HOUR_MS;
  const cprEvents = [...history(cprOrg, "c", 12)].map((e) =>
    Date.parse(e.timestamp as string) >= bloatFrom ? { ...e, usage: { input_tokens: 4 * (e.usage as { input_tokens: number }).input_tokens * 2, output_tokens: (e.usage as { output_tokens: number }).output_tokens } } : e,
  );
  await ingestAll(cprOrg, cprEvents);
  // Three hours of ordinary chat requests, then one that costs 50x the usual.
  const recent = steadyEvents({ orgId: runawayOrg, from: new Date(NOW.getTime() - 3 * HOUR_MS), to: new Date(NOW.getTime() - 5 * 60_000), features: FEATURES, seed: 13, idPrefix: "r" });
  await ingestAll(runawayOrg, [...recent, event("runaway-1", NOW.getTime() - 2 * 60_000, "chat", "support", 50_000, 10_000)]);
});
after(async () => {
  await store?.close();
});

test("a burst on one feature in the current hour: exactly one anomaly, whose cause names that feature", async () => {
  const total = await monitor(burstOrg, { name: "total", kinds: ["anomaly"] });
  const { evaluation } = await evaluateMonitor(total, NOW);
  const anomalies = evaluation.conditions.filter((c) => c.kind === "anomaly");
  assert.equal(anomalies.length, 1, JSON.stringify(evaluation.conditions.map((c) => c.title)));
  const a = anomalies[0];
  assert.equal(a.dedupKey, `anomaly:${total.id}:total`);
  assert.deepEqual(a.scope, {});
  assert.equal(a.cause[0].dimension, "feature");
  assert.equal(a.cause[0].value, "search");
  assert.ok(a.cause[0].share > 0.5, `search explains most of it: ${JSON.stringify(a.cause[0])}`);
  assert.ok(a.cause[0].volume_usd > a.cause[0].size_usd, "more requests, not bigger ones");
  assert.match(a.cause[0].url, /^\/\?feature=search&from=2026-11-17T14%3A00%3A00\.000Z&to=2026-11-18T15%3A00%3A00\.000Z$/);
  const n = a.numbers as { expected: number; value: number; impact_usd: number; band: [number, number]; score: number; raised_by: string };
  assert.ok(n.value > n.band[1] && n.band[0] <= n.expected && n.expected <= n.band[1], JSON.stringify(n));
  // The alert says what raised it, consistently with the score it carries.
  assert.equal(n.raised_by, n.score >= THRESHOLDS[total.sensitivity] ? "detector_score" : "spike_rule", JSON.stringify(n));
  assert.ok(Math.abs(n.impact_usd - (n.value - n.expected)) < 1e-6);
  assert.ok(a.series && a.series.length === 72 && a.series.at(-1)!.ts === "2026-11-18T14:00:00.000Z");
  assert.ok(a.series.slice(0, 60).every((p) => p.expected !== null), "the chart carries the expected band");

  const byFeature = await monitor(burstOrg, { name: "features", dimension: "feature", kinds: ["anomaly"] });
  const f = (await evaluateMonitor(byFeature, NOW)).evaluation.conditions;
  assert.deepEqual(f.map((c) => c.dedupKey), [`anomaly:${byFeature.id}:feature=search`]);
  assert.deepEqual(f[0].scope, { feature: "search" });
});

test("a repeated pass yields the same dedup keys", async () => {
  const m = await monitor(burstOrg, { name: "features again", dimension: "feature", kinds: ["anomaly", "cost_per_request"] });
  const first = (await evaluateMonitor(m, NOW)).evaluation.conditions.map((c) => c.dedupKey).sort();
  const second = (await evaluateMonitor(m, new Date(NOW.getTime() + 15_000))).evaluation.conditions.map((c) => c.dedupKey).sort();
  assert.ok(first.length > 0);
  assert.deepEqual(second, first);
});

test("a series under the minimum spend yields nothing", async () => {
  // Each feature spends well under $2 a day; the burst is there, the monitor ignores these series.
  const m = await monitor(burstOrg, { name: "big features only", dimension: "feature", kinds: ["anomaly", "cost_per_request"], min_spend_usd: "1000" });
  const pass = await evaluateMonitor(m, NOW);
  assert.deepEqual(pass.evaluation.conditions, []);
  assert.equal(pass.seriesWatched, 0);
});

test("flat traffic with a bigger prompt: cost per request up, with the requests flat", async () => {
  const m = await monitor(cprOrg, { name: "cpr", kinds: ["cost_per_request"] });
  const { evaluation } = await evaluateMonitor(m, NOW);
  assert.equal(evaluation.conditions.length, 1, JSON.stringify(evaluation.conditions));
  const c = evaluation.conditions[0];
  assert.equal(c.kind, "cost_per_request");
  assert.equal(c.dedupKey, `cost_per_request:${m.id}:total`);
  const n = c.numbers as { expected_cpr: number; value_cpr: number; requests_change: number; impact_usd: number };
  assert.ok(n.value_cpr > 2.5 * n.expected_cpr, JSON.stringify(n));
  assert.ok(Math.abs(n.requests_change) <= 0.5, JSON.stringify(n));
  assert.ok(n.impact_usd > 0);
  const split = c.cause.reduce((s, x) => ({ size: s.size + x.size_usd, volume: s.volume + Math.abs(x.volume_usd) }), { size: 0, volume: 0 });
  assert.ok(c.cause.length > 0 && split.size > 0, JSON.stringify(c.cause));

  // The same traffic watched with the anomaly kind only has no cost-per-request condition.
  const other = await monitor(cprOrg, { name: "anomaly only", kinds: ["anomaly"] });
  assert.ok((await evaluateMonitor(other, NOW)).evaluation.conditions.every((x) => x.kind === "anomaly"));
});

test("a 50x request is a runaway, named by its event id", async () => {
  const m = await monitor(runawayOrg, { name: "runaways", kinds: ["runaway"] });
  const { evaluation } = await evaluateMonitor(m, NOW);
  assert.equal(evaluation.conditions.length, 1, JSON.stringify(evaluation.conditions));
  const c = evaluation.conditions[0];
  assert.equal(c.kind, "runaway");
  assert.equal(c.dedupKey, `runaway:${m.id}:feature=chat:2026-11-18T14:00:00.000Z`);
  const n = c.numbers as { cost_usd: number; norm_usd: number; ratio: number; event_id: string };
  assert.equal(n.event_id, "runaway-1");
  assert.ok(n.ratio > 20 && n.ratio < 100, JSON.stringify(n));
  assert.deepEqual(c.scope, { feature: "chat" });
  // Twenty minutes later the request has left the window: the condition no longer holds.
  assert.deepEqual((await evaluateMonitor(m, new Date(NOW.getTime() + 20 * 60_000))).evaluation.conditions, []);
});

test("a disabled monitor reports no conditions", async () => {
  const m = await monitor(burstOrg, { name: "off", kinds: ["anomaly", "runaway"], enabled: false });
  assert.deepEqual((await evaluateMonitor(m, NOW)).evaluation.conditions, []);
});
