/**
 * Realized savings: a feature whose unit cost drops after the implementation date, with a volume change,
 * gives (unit_before - unit_after) x units_after scaled to a month; per action when the feature sends
 * tags.action; "verified" only after a week. Real ClickHouse and SQLite.
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db/prisma";
import { realizedSavings } from "./realized";
import { updateRealized } from "./recompute";
import { DAY, ingestAll, workload } from "./testing/workload";

const D = new Date("2026-11-10T00:00:00Z");
const at = (days: number) => new Date(D.getTime() + days * DAY);
let store: TempStore;

before(async () => {
  store = await openTempStore();
  const org = store.orgId;
  // Outside the 10-day before-window: dearer calls that must not count.
  await ingestAll(org, workload({ feature: "triage", provider: "openai", model: "gpt-4.1", from: at(-20), to: at(-10), count: 500, input: 8000, output: 250 }));
  // Before: 100 calls a day at 4000 x $2/1M + 250 x $8/1M = $0.01 each.
  await ingestAll(org, workload({ feature: "triage", provider: "openai", model: "gpt-4.1", from: at(-10), to: D, count: 1000, input: 4000, output: 250 }));
  // After: 150 calls a day on gpt-4.1-mini at $0.002 each (volume up 50%, unit cost down 80%).
  await ingestAll(org, workload({ feature: "triage", provider: "openai", model: "gpt-4.1-mini", from: D, to: at(10), count: 1500, input: 4000, output: 250 }));
  // Per action: one call in four resolves a ticket before, one in two after.
  await ingestAll(org, workload({ feature: "tickets", provider: "openai", model: "gpt-4.1", from: at(-10), to: D, count: 1000, input: 4000, output: 250, tags: (i): Record<string, string> => (i % 4 === 0 ? { action: "ticket_resolved" } : {}) }));
  await ingestAll(org, workload({ feature: "tickets", provider: "openai", model: "gpt-4.1-mini", from: D, to: at(10), count: 1500, input: 4000, output: 250, tags: (i): Record<string, string> => (i % 2 === 0 ? { action: "ticket_resolved" } : {}) }));
});
after(async () => {
  await store?.close();
});

test("unit cost per request, normalized for volume, scaled to a month", async () => {
  const r = await realizedSavings(store.orgId, "triage", D, at(10));
  assert.equal(r.unit, "request");
  assert.equal(r.before.unit_cost_usd, "0.01");
  assert.equal(r.after.unit_cost_usd, "0.002");
  assert.equal(r.before.units, 1000);
  assert.equal(r.after.units, 1500);
  // ($0.01 - $0.002) x 1500 calls in 10 days = $12, x 3 = $36 a month (not the naive $10 - $3 = $7)
  assert.equal(r.realized_monthly_usd, "36");
  assert.equal(r.verified, true);
});

test("before a week of data the figure shows but is not verified", async () => {
  const r = await realizedSavings(store.orgId, "triage", D, at(5));
  assert.equal(r.after_days, 5);
  assert.equal(r.realized_monthly_usd, "36");
  assert.equal(r.verified, false);
});

test("per action when the feature sends tags.action", async () => {
  const r = await realizedSavings(store.orgId, "tickets", D, at(10));
  assert.equal(r.unit, "action");
  // before $10 / 250 actions = $0.04; after $3 / 750 = $0.004; ($0.036 x 750) x 3 = $81
  assert.equal(r.before.unit_cost_usd, "0.04");
  assert.equal(r.after.unit_cost_usd, "0.004");
  assert.equal(r.realized_monthly_usd, "81");
});

test("an implemented recommendation gets its realized savings and turns verified after a week", async () => {
  const rec = await db().recommendation.create({
    data: {
      orgId: store.orgId, key: "model_routing|openai|gpt-4.1|triage", kind: "model_routing", scope: JSON.stringify({ feature: "triage", model: "gpt-4.1" }),
      title: "t", evidence: "[]", evidenceHref: "/", monthlySavingsUsd: "40", savingsMethod: "m", confidence: "high", risk: "r", overlapGroup: "feature:triage|model:gpt-4.1",
      status: "implemented", implementedAt: D,
    },
  });
  await updateRealized(store.orgId, at(5));
  let row = await db().recommendation.findUniqueOrThrow({ where: { id: rec.id } });
  assert.equal(row.status, "implemented");
  assert.equal(row.realizedSavingsUsd, "36");
  await updateRealized(store.orgId, at(10));
  row = await db().recommendation.findUniqueOrThrow({ where: { id: rec.id } });
  assert.equal(row.status, "verified");
  const events = await db().recommendationEvent.findMany({ where: { recommendationId: rec.id } });
  assert.deepEqual(events.map((e) => [e.fromStatus, e.toStatus]), [["implemented", "verified"]]);
});
