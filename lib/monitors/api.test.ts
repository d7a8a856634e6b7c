/**
 * /api/v1/monitors once authenticated (SQLite in a temp DATA_DIR): create, list, get, patch, delete,
 * 422 details naming the field, and the audit rows. Which key scope and role may call each is
 * checked end to end (e2e/monitors-settings.spec.ts and the access matrix).
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db/prisma";
import { apiCreateMonitor, apiDeleteMonitor, apiGetMonitor, apiListMonitors, apiUpdateMonitor, type ApiContext } from "./api";

let store: TempStore;
let ctx: ApiContext;
before(async () => {
  store = await openTempStore();
  ctx = { orgId: store.orgId, actor: "key:lfo_test" };
});
after(async () => {
  await store?.close();
});

const errors = async (p: Promise<Response>) => {
  try {
    return await p;
  } catch (err) {
    const e = err as { status: number; message: string; details: string[] };
    return Response.json({ error: e.message, details: e.details }, { status: e.status });
  }
};

test("create, list, get, patch and delete, each audited", async () => {
  const created = await apiCreateMonitor(ctx, { name: "Search spend", dimension: "feature", scope: { project: "search" }, min_spend_usd: "2.50", kinds: ["anomaly", "runaway"] });
  assert.equal(created.status, 201);
  const m = await created.json();
  assert.equal(m.min_spend_usd, "2.50");
  assert.deepEqual(m.scope, { project: ["search"] });
  assert.deepEqual(m.kinds, ["anomaly", "runaway"]);
  assert.equal(m.sensitivity, "medium");

  const list = await (await apiListMonitors(ctx)).json();
  assert.deepEqual(list.monitors.map((x: { id: string }) => x.id), [m.id]);
  assert.equal((await apiGetMonitor(ctx, m.id)).status, 200);

  const patched = await apiUpdateMonitor(ctx, m.id, { enabled: false, sensitivity: "high" });
  assert.equal(patched.status, 200);
  const p = await patched.json();
  assert.equal(p.enabled, false);
  assert.equal(p.sensitivity, "high");
  assert.equal(p.name, "Search spend");

  assert.equal((await apiDeleteMonitor(ctx, m.id)).status, 204);
  assert.equal((await apiGetMonitor(ctx, m.id)).status, 404);
  assert.equal((await apiDeleteMonitor(ctx, m.id)).status, 404);

  const audit = await db().auditEntry.findMany({ where: { orgId: store.orgId, targetId: m.id }, orderBy: { at: "asc" } });
  assert.deepEqual(audit.map((a) => a.action), ["monitor.create", "monitor.update", "monitor.delete"]);
  assert.ok(audit.every((a) => a.actor.startsWith("key:lfo_")));
  assert.equal(JSON.parse(audit[1].before!).enabled, true);
  assert.equal(JSON.parse(audit[1].after!).enabled, false);
});

test("bad input: 422 with details naming each field, 400 for a body that is not an object", async () => {
  const r = await errors(apiCreateMonitor(ctx, { name: "", dimension: "colour", kinds: ["anomaly", "boom"], min_spend_usd: "-1", sensitivity: "max", scope: { feature: "" }, extra: 1 }));
  assert.equal(r.status, 422);
  const details: string[] = (await r.json()).details;
  for (const field of ["name", "dimension", "kinds.1", "min_spend_usd", "sensitivity", "scope.feature"]) {
    assert.ok(details.some((d) => d.startsWith(`${field}: expected`)), `${field} in ${JSON.stringify(details)}`);
  }
  assert.ok(details.some((d) => d.includes("extra")), JSON.stringify(details));
  assert.equal((await errors(apiCreateMonitor(ctx, [1]))).status, 400);
  const patch = await errors(apiUpdateMonitor(ctx, "nope", { kinds: [] }));
  assert.equal(patch.status, 422);
});
