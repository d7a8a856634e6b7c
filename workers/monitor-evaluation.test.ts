/**
 * The monitor worker with a recording sink: one pass seeds the out-of-the-box monitors, evaluates
 * each and hands every evaluation to the sink, and records what each monitor saw.
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { Evaluation } from "@/lib/alert-contract/condition";
import { listMonitors, monitorRuns } from "@/lib/monitors/store";
import { event, ingestAll, steadyEvents } from "@/lib/monitors/testing/workload";
import { makeMonitorEvaluationWorker } from "./monitor-evaluation";

const NOW = new Date("2026-11-18T14:30:00Z");
let store: TempStore;
before(async () => {
  store = await openTempStore();
  const from = new Date(NOW.getTime() - 10 * 86_400_000);
  const history = steadyEvents({ orgId: store.orgId, from, to: NOW, features: [{ feature: "search", team: "growth", perHour: 40 }], seed: 3, idPrefix: "h" });
  const burst = Array.from({ length: 200 }, (_, i) => event(`b-${i}`, NOW.getTime() - 20 * 60_000 + i * 5_000, "search", "growth"));
  await ingestAll(store.orgId, [...history, ...burst]);
});
after(async () => {
  await store?.close();
});

test("one pass: default monitors seeded, every evaluation handed to the sink, runs recorded", async () => {
  const seen: Evaluation[] = [];
  const worker = makeMonitorEvaluationWorker(async (e) => void seen.push(e), () => NOW);
  assert.equal(await worker.run({ log: () => {} }), false);
  const monitors = await listMonitors(store.orgId);
  assert.deepEqual(monitors.map((m) => m.dimension).sort(), ["", "customer", "feature", "model", "project", "team"]);
  assert.deepEqual(seen.map((e) => e.source.id).sort(), monitors.map((m) => m.id).sort());
  const total = monitors.find((m) => m.dimension === "")!;
  const ev = seen.find((e) => e.source.id === total.id)!;
  assert.deepEqual(ev.conditions.map((c) => c.dedupKey), [`anomaly:${total.id}:total`]);
  assert.equal(ev.conditions[0].cause.length > 0, true);
  const runs = await monitorRuns(store.orgId);
  assert.equal(runs.get(total.id)?.seriesWatched, 1);
  assert.equal(runs.get(total.id)?.conditions, 1);
  // A second pass does not seed again.
  await worker.run({ log: () => {} });
  assert.equal((await listMonitors(store.orgId)).length, 6);
});

test("a sink that throws is logged per monitor and the pass goes on", async () => {
  const lines: string[] = [];
  let calls = 0;
  const worker = makeMonitorEvaluationWorker(async () => {
    calls++;
    throw new Error("store down");
  }, () => NOW);
  await worker.run({ log: (l) => lines.push(l) });
  assert.equal(calls, 6);
  assert.equal(lines.filter((l) => l.includes("store down")).length, 6);
  const runs = await monitorRuns(store.orgId);
  assert.ok([...runs.values()].every((r) => r.error === "store down"));
});
