/**
 * Demo seeding on a workload shaped like the demo's planted switch: a classification feature on gpt-4.1
 * that moved to gpt-4.1-mini two weeks ago. The routing recommendation is marked implemented at the
 * switch's first call and shows its realized savings; the other lever stays open.
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { recommendationList } from "./api-view";
import { DEMO_NOT_INTERACTIVE, seedDemoRecommendations } from "./demo";
import { listFeatureSettings } from "./feature-settings";
import { DAY, ingestAll, workload } from "./testing/workload";

const END = new Date("2026-11-30T00:00:00Z");
const SWITCH = new Date(END.getTime() - 14 * DAY);
let store: TempStore;

before(async () => {
  store = await openTempStore();
  const shape = { feature: "classify", provider: "openai", count: 2000, input: 5000, output: 5 };
  await ingestAll(store.orgId, workload({ ...shape, model: "gpt-4.1", from: new Date(END.getTime() - 30 * DAY), to: SWITCH }));
  await ingestAll(store.orgId, workload({ ...shape, model: "gpt-4.1-mini", from: SWITCH, to: END }));
  await seedDemoRecommendations(store.orgId, END);
});
after(async () => {
  await store?.close();
});

test("the routing recommendation is implemented at the planted switch and shows realized savings", async () => {
  const { recommendations, totals } = await recommendationList(store.orgId);
  const route = recommendations.find((r) => r.kind === "model_routing" && r.scope.model === "gpt-4.1");
  assert.ok(route, JSON.stringify(recommendations.map((r) => [r.kind, r.scope.model])));
  // the first call on gpt-4.1-mini: half a slot after the switch (2000 calls over 14 days)
  assert.equal(route.implemented_at, new Date(SWITCH.getTime() + Math.floor((0.5 * 14 * DAY) / 2000)).toISOString());
  assert.equal(route.status, "verified");
  // ($0.01004 - $0.002008) per call x ~2000 calls after, over ~14 days, x 30/14 = ~$34.4 a month
  const realized = Number(route.realized_savings_usd);
  assert.ok(Math.abs(realized - 34.42) < 0.5, `realized ${realized}`);
  assert.equal(totals.realized_savings_usd, route.realized_savings_usd);
  assert.ok(recommendations.some((r) => r.status === "open"), "another lever stays open");
  assert.ok(Number(totals.open_monthly_savings_usd) > 0);
});

test("the demo's batch feature is marked not interactive", async () => {
  const settings = await listFeatureSettings(store.orgId);
  assert.deepEqual(settings.filter((s) => !s.interactive).map((s) => s.feature), DEMO_NOT_INTERACTIVE);
});
