import { openConfigDb, type ConfigDb } from "@/lib/auth/testing/config-db"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db/prisma";
import { applyEvaluation } from "./apply";
import { toPayload } from "./payload";
import { setAlertTiming } from "./settings";
import { condition, evaluation, minutes } from "./testing/fixtures";

let cfg: ConfigDb;
before(async () => {
  cfg = await openConfigDb();
});
after(async () => cfg?.close());

const alertsOf = (dedupKey: string) => db().alert.findMany({ where: { orgId: cfg.orgId, dedupKey }, orderBy: { openedAt: "asc" } });
const timelineOf = async (alertId: string) => (await db().alertTimeline.findMany({ where: { alertId }, orderBy: [{ at: "asc" }, { id: "asc" }] })).map((t) => t.type);

test("a new condition opens one alert, announced once; the same evaluation repeated changes nothing", async () => {
  const ev = evaluation(cfg.orgId, "m-open", [condition("open-1")], minutes(0));
  const first = await applyEvaluation(ev);
  assert.deepEqual(first.alerts.map((a) => a.outcome), ["opened"]);
  const [a] = await alertsOf("open-1");
  assert.equal(a.state, "open");
  assert.equal(a.activeKey, `${cfg.orgId}:open-1`);
  assert.deepEqual(a.lastNotifiedAt, minutes(0));
  const payload = toPayload(a);
  assert.equal(payload.dedup_key, "open-1");
  assert.deepEqual(payload.scope, { feature: "search" });
  assert.equal(payload.cause[0].value, "search");
  assert.match(payload.url, new RegExp(`/alerts/${a.id}$`));

  const again = await applyEvaluation({ ...ev, evaluatedAt: minutes(1) });
  assert.deepEqual(again.alerts.map((x) => x.outcome), ["updated"]);
  assert.equal((await alertsOf("open-1")).length, 1);
  assert.deepEqual(await timelineOf(a.id), ["opened"]);
  assert.deepEqual((await alertsOf("open-1"))[0].lastNotifiedAt, minutes(0), "no notification for an unchanged condition");
});

test("an unchanged condition is answered without writing the alert (no write lock taken each pass)", async () => {
  const ev = evaluation(cfg.orgId, "m-quiet", [condition("quiet-1")], minutes(0));
  await applyEvaluation(ev);
  const [before] = await alertsOf("quiet-1");
  await new Promise((r) => setTimeout(r, 20));
  await applyEvaluation({ ...ev, evaluatedAt: minutes(1) });
  const [after] = await alertsOf("quiet-1");
  assert.deepEqual(after.updatedAt, before.updatedAt, "an identical condition must not rewrite the row");
});

test("escalates (timeline + notification) only when level or severity rises; numbers always follow the condition", async () => {
  await applyEvaluation(evaluation(cfg.orgId, "m-esc", [condition("esc", 1, "info")], minutes(0)));
  const id = (await alertsOf("esc"))[0].id;
  const r1 = await applyEvaluation(evaluation(cfg.orgId, "m-esc", [condition("esc", 1, "info", { numbers: { actual: 99 } })], minutes(1)));
  assert.equal(r1.alerts[0].outcome, "updated");
  assert.deepEqual(JSON.parse((await alertsOf("esc"))[0].numbers), { actual: 99 });

  const r2 = await applyEvaluation(evaluation(cfg.orgId, "m-esc", [condition("esc", 2, "warning")], minutes(2)));
  assert.equal(r2.alerts[0].outcome, "escalated");
  let a = (await alertsOf("esc"))[0];
  assert.equal(a.level, 2);
  assert.equal(a.severity, "warning");
  assert.deepEqual(a.lastNotifiedAt, minutes(2));

  // Easing back does not lower the alert, and returning to the level already reached does not page.
  await applyEvaluation(evaluation(cfg.orgId, "m-esc", [condition("esc", 1, "info")], minutes(3)));
  const r4 = await applyEvaluation(evaluation(cfg.orgId, "m-esc", [condition("esc", 2, "warning")], minutes(4)));
  assert.equal(r4.alerts[0].outcome, "updated");
  a = (await alertsOf("esc"))[0];
  assert.equal(a.level, 2);
  assert.deepEqual(a.lastNotifiedAt, minutes(2));

  // Same level, higher severity: a rise.
  const r5 = await applyEvaluation(evaluation(cfg.orgId, "m-esc", [condition("esc", 2, "critical")], minutes(5)));
  assert.equal(r5.alerts[0].outcome, "escalated");
  assert.deepEqual(await timelineOf(id), ["opened", "escalated", "escalated"]);
  assert.equal((await alertsOf("esc")).length, 1);
});

test("a cleared condition resolves itself only after the hold-off, with one notification", async () => {
  await applyEvaluation(evaluation(cfg.orgId, "m-hold", [condition("hold")], minutes(0)));
  const id = (await alertsOf("hold"))[0].id;
  const r1 = await applyEvaluation(evaluation(cfg.orgId, "m-hold", [], minutes(1)));
  assert.deepEqual(r1.alerts.map((x) => x.outcome), ["clearing"]);
  let a = (await alertsOf("hold"))[0];
  assert.equal(a.state, "open");
  assert.deepEqual(a.clearSince, minutes(1));
  await applyEvaluation(evaluation(cfg.orgId, "m-hold", [], minutes(10)));
  assert.equal((await alertsOf("hold"))[0].state, "open", "9 minutes absent is inside the default 10 minute hold-off");
  const r3 = await applyEvaluation(evaluation(cfg.orgId, "m-hold", [], minutes(11)));
  assert.deepEqual(r3.alerts.map((x) => x.outcome), ["auto_resolved"]);
  a = (await alertsOf("hold"))[0];
  assert.equal(a.state, "resolved");
  assert.equal(a.resolution, "auto");
  assert.equal(a.activeKey, null);
  assert.deepEqual(a.resolvedAt, minutes(11));
  assert.deepEqual(a.lastNotifiedAt, minutes(11));
  assert.deepEqual(await timelineOf(id), ["opened", "auto_resolved"]);
  // Nothing more happens on later passes.
  assert.deepEqual((await applyEvaluation(evaluation(cfg.orgId, "m-hold", [], minutes(30)))).alerts, []);
});

test("a condition that comes back within the hold-off keeps its alert without any notification (no flapping)", async () => {
  await applyEvaluation(evaluation(cfg.orgId, "m-flap", [condition("flap")], minutes(0)));
  const id = (await alertsOf("flap"))[0].id;
  await applyEvaluation(evaluation(cfg.orgId, "m-flap", [], minutes(1)));
  const back = await applyEvaluation(evaluation(cfg.orgId, "m-flap", [condition("flap")], minutes(6)));
  assert.equal(back.alerts[0].outcome, "returned");
  let a = (await alertsOf("flap"))[0];
  assert.equal(a.clearSince, null);
  assert.deepEqual(a.lastNotifiedAt, minutes(0));
  // The hold-off starts again from the next absence, not the first one.
  await applyEvaluation(evaluation(cfg.orgId, "m-flap", [], minutes(8)));
  await applyEvaluation(evaluation(cfg.orgId, "m-flap", [], minutes(12)));
  a = (await alertsOf("flap"))[0];
  assert.equal(a.state, "open");
  assert.deepEqual(a.clearSince, minutes(8));
  assert.deepEqual(await timelineOf(id), ["opened"]);
});

test("the hold-off is a per-organization setting", async () => {
  const org = (await db().organization.create({ data: { name: "Quick" } })).id;
  await setAlertTiming(org, { hold_off_seconds: 0, repeat_interval_seconds: 3600 });
  await applyEvaluation(evaluation(org, "m-quick", [condition("quick")], minutes(0)));
  const r = await applyEvaluation(evaluation(org, "m-quick", [], minutes(1)));
  assert.deepEqual(r.alerts.map((x) => x.outcome), ["auto_resolved"]);
});

test("a condition that holds again after its alert resolved opens a new alert that points at the old one", async () => {
  await applyEvaluation(evaluation(cfg.orgId, "m-re", [condition("re")], minutes(0)));
  await applyEvaluation(evaluation(cfg.orgId, "m-re", [], minutes(1)));
  await applyEvaluation(evaluation(cfg.orgId, "m-re", [], minutes(20)));
  const r = await applyEvaluation(evaluation(cfg.orgId, "m-re", [condition("re")], minutes(30)));
  assert.equal(r.alerts[0].outcome, "opened");
  const [old, fresh] = await alertsOf("re");
  assert.notEqual(old.id, fresh.id);
  assert.equal(old.state, "resolved");
  assert.equal(fresh.state, "open");
  const opened = await db().alertTimeline.findFirstOrThrow({ where: { alertId: fresh.id, type: "opened" } });
  assert.equal(JSON.parse(opened.detail).previous_alert_id, old.id);
});

test("conditions of another source or organization are left alone", async () => {
  await applyEvaluation(evaluation(cfg.orgId, "m-a", [condition("iso-a")], minutes(0)));
  await applyEvaluation(evaluation(cfg.orgId, "m-b", [], minutes(1)));
  assert.equal((await alertsOf("iso-a"))[0].clearSince, null);
  const other = (await db().organization.create({ data: { name: "Other" } })).id;
  await applyEvaluation(evaluation(other, "m-a", [condition("iso-a")], minutes(2)));
  assert.equal((await alertsOf("iso-a")).length, 1, "same key in another organization is its own alert");
  assert.equal((await db().alert.findMany({ where: { orgId: other, dedupKey: "iso-a" } })).length, 1);
});

test("many callers applying the same new condition at once open exactly one alert", async () => {
  const ev = evaluation(cfg.orgId, "m-race", [condition("race")], minutes(0));
  await Promise.all(Array.from({ length: 12 }, (_, i) => applyEvaluation({ ...ev, evaluatedAt: minutes(i / 60) })));
  const rows = await alertsOf("race");
  assert.equal(rows.length, 1);
  assert.deepEqual(await timelineOf(rows[0].id), ["opened"]);
});
