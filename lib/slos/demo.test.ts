/**
 * Integration (embedded ClickHouse + SQLite): the demo organization's SLOs through the real evaluator
 * and alert store. The cost-per-request SLO burns fast (a critical slo_burn alert linking to its
 * page); the others hold; an evaluation repeated opens nothing twice.
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { applyEvaluations } from "@/lib/alerts/apply-batch";
import { db } from "@/lib/db/prisma";
import { seedDemoData } from "@/lib/demo/seed";
import { eventWriter } from "@/lib/ingest/writer";
import { evaluateAllSlos } from "./evaluate";
import { listSlos } from "./repository";
import { sloStatuses } from "./status-load";

let store: TempStore;
const NOW = new Date();
before(async () => {
  store = await openTempStore();
  await seedDemoData(store.orgId, NOW);
  await eventWriter().drain();
});
after(async () => {
  await store?.close();
});

test("the demo's cost-per-request SLO pages through the alert store; the others hold", async () => {
  const slos = await listSlos(store.orgId);
  assert.ok(slos.length >= 3, `${slos.length} demo SLOs`);
  const statuses = await sloStatuses(slos, NOW);
  const burning = statuses.filter((s) => s.status.state === "page");
  assert.deepEqual(burning.map((s) => s.kind), ["cost_per_request"]);
  for (const s of statuses.filter((x) => x.kind !== "cost_per_request")) assert.equal(s.status.state, "ok", `${s.name}: ${JSON.stringify(s.status.burn)}`);

  await evaluateAllSlos(async (e) => void (await applyEvaluations(e)), { now: NOW });
  await evaluateAllSlos(async (e) => void (await applyEvaluations(e)), { now: NOW });
  const alerts = await db().alert.findMany({ where: { orgId: store.orgId, kind: "slo_burn" } });
  assert.equal(alerts.length, 1);
  assert.equal(alerts[0].state, "open");
  assert.equal(alerts[0].severity, "critical");
  assert.equal(alerts[0].sourceId, burning[0].id);
  assert.equal(alerts[0].sourceUrl, `/slos/${burning[0].id}`);
});
