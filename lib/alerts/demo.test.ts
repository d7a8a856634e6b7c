import { openConfigDb, type ConfigDb } from "@/lib/auth/testing/config-db"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db/prisma";
import { seedDemoAlerts } from "./demo";

let cfg: ConfigDb;
before(async () => {
  cfg = await openConfigDb();
});
after(async () => cfg?.close());

test("the demo organization gets a resolved anomaly with cause and series, an acknowledged budget alert and an open cost-per-request alert, once", async () => {
  await seedDemoAlerts(cfg.orgId);
  await seedDemoAlerts(cfg.orgId);
  const rows = await db().alert.findMany({ where: { orgId: cfg.orgId }, orderBy: { openedAt: "asc" } });
  assert.deepEqual(rows.map((r) => [r.kind, r.state]), [
    ["anomaly", "resolved"],
    ["budget", "acknowledged"],
    ["cost_per_request", "open"],
  ]);
  assert.ok(JSON.parse(rows[0].cause).length > 0);
  assert.ok(JSON.parse(rows[0].series ?? "[]").length > 0);
  const types = (await db().alertTimeline.findMany({ where: { alertId: rows[0].id }, orderBy: { at: "asc" } })).map((t) => t.type);
  assert.deepEqual(types, ["opened", "acknowledged", "auto_resolved"]);
});
