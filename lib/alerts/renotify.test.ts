import { openConfigDb, type ConfigDb } from "@/lib/auth/testing/config-db"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db/prisma";
import { applyEvaluation } from "./apply";
import { acknowledgeAlert, snoozeAlert } from "./actions";
import { runRenotifyPass } from "./renotify";
import { setAlertTiming } from "./settings";
import { condition, evaluation, minutes } from "./testing/fixtures";

let cfg: ConfigDb;
before(async () => {
  cfg = await openConfigDb();
});
after(async () => cfg?.close());

// Each test its own organization: the pass looks at every open alert of every organization.
async function orgWithAlert(key: string) {
  const orgId = (await db().organization.create({ data: { name: key } })).id;
  const id = (await applyEvaluation(evaluation(orgId, `src-${key}`, [condition(key)], minutes(0)))).alerts[0].alertId!;
  return { orgId, id };
}
const types = async (alertId: string) => (await db().alertTimeline.findMany({ where: { alertId }, orderBy: [{ at: "asc" }, { id: "asc" }] })).map((t) => t.type);

test("an open, unacknowledged alert is sent again once the repeat interval (default 4 h) has passed, once per interval", async () => {
  const { id } = await orgWithAlert("rep");
  await runRenotifyPass(minutes(239));
  assert.deepEqual(await types(id), ["opened"]);
  await runRenotifyPass(minutes(240));
  await runRenotifyPass(minutes(241));
  assert.deepEqual(await types(id), ["opened", "renotified"]);
  assert.deepEqual((await db().alert.findUniqueOrThrow({ where: { id } })).lastNotifiedAt, minutes(240));
  await runRenotifyPass(minutes(480));
  assert.deepEqual(await types(id), ["opened", "renotified", "renotified"]);
});

test("the repeat interval is a per-organization setting; acknowledged alerts are not repeated", async () => {
  const a = await orgWithAlert("rep-org");
  await setAlertTiming(a.orgId, { hold_off_seconds: 600, repeat_interval_seconds: 900 });
  const b = (await applyEvaluation(evaluation(a.orgId, "src-rep-org-b", [condition("rep-org-b")], minutes(0)))).alerts[0].alertId!;
  await acknowledgeAlert(b, { orgId: a.orgId, actor: "user:x@y", now: minutes(1) });
  await runRenotifyPass(minutes(15));
  assert.deepEqual(await types(a.id), ["opened", "renotified"]);
  assert.deepEqual(await types(b), ["opened", "acknowledged"]);
});

test("a snoozed alert is not repeated until the snooze ends; then it is unsnoozed and sent again", async () => {
  const { orgId, id } = await orgWithAlert("snz");
  await snoozeAlert(id, { until: minutes(300), reason: "known, fix deploying" }, { orgId, actor: "user:x@y", now: minutes(10) });
  await runRenotifyPass(minutes(250));
  assert.deepEqual(await types(id), ["opened", "snoozed"]);
  const r = await runRenotifyPass(minutes(301));
  assert.equal(r.unsnoozed >= 1, true);
  const a = await db().alert.findUniqueOrThrow({ where: { id } });
  assert.equal(a.snoozedUntil, null);
  assert.deepEqual(a.lastNotifiedAt, minutes(301));
  assert.deepEqual(await types(id), ["opened", "snoozed", "unsnoozed"]);
  // The unsnooze notification counts as the latest: no second reminder in the same pass or the next.
  await runRenotifyPass(minutes(302));
  assert.deepEqual(await types(id), ["opened", "snoozed", "unsnoozed"]);
});

test("two workers running the same pass at once send one reminder", async () => {
  const { id } = await orgWithAlert("dup");
  await Promise.all([runRenotifyPass(minutes(600)), runRenotifyPass(minutes(600))]);
  assert.deepEqual(await types(id), ["opened", "renotified"]);
});
