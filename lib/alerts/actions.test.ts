import { openConfigDb, type ConfigDb } from "@/lib/auth/testing/config-db"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db/prisma";
import { HttpError } from "@/lib/http/body";
import { applyEvaluation } from "./apply";
import { acknowledgeAlert, resolveAlert, snoozeAlert } from "./actions";
import { condition, evaluation, minutes } from "./testing/fixtures";

let cfg: ConfigDb;
before(async () => {
  cfg = await openConfigDb();
});
after(async () => cfg?.close());

async function openAlert(key: string, at = minutes(0)) {
  const r = await applyEvaluation(evaluation(cfg.orgId, `src-${key}`, [condition(key)], at));
  return r.alerts[0].alertId!;
}
const timeline = async (alertId: string) => (await db().alertTimeline.findMany({ where: { alertId }, orderBy: [{ at: "asc" }, { id: "asc" }] })).map((t) => [t.type, t.actor]);
const who = (actor: string, at: Date) => ({ orgId: cfg.orgId, actor, now: at });

function rejectsWith(status: number, pattern: RegExp) {
  return (err: unknown) => err instanceof HttpError && err.status === status && pattern.test(err.message);
}

test("acknowledge: open → acknowledged with who and when, announced; a second acknowledge is a 409 naming the first", async () => {
  const id = await openAlert("ack");
  const a = await acknowledgeAlert(id, who("user:oncall@x", minutes(2)));
  assert.equal(a.state, "acknowledged");
  assert.equal(a.acknowledgedBy, "user:oncall@x");
  assert.deepEqual(a.acknowledgedAt, minutes(2));
  assert.deepEqual(a.lastNotifiedAt, minutes(2));
  await assert.rejects(acknowledgeAlert(id, who("user:other@x", minutes(3))), rejectsWith(409, /already acknowledged by user:oncall@x/));
  assert.deepEqual(await timeline(id), [
    ["opened", "system"],
    ["acknowledged", "user:oncall@x"],
  ]);
});

test("two people acknowledging at once: one wins, the other gets a 409", async () => {
  const id = await openAlert("ack-race");
  const results = await Promise.allSettled([acknowledgeAlert(id, who("user:a@x", minutes(1))), acknowledgeAlert(id, who("user:b@x", minutes(1)))]);
  assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
  const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
  assert.ok(rejectsWith(409, /already acknowledged/)(refused.reason));
});

test("resolve by hand from open or acknowledged; nothing acts on a resolved alert", async () => {
  const id = await openAlert("res");
  await acknowledgeAlert(id, who("user:a@x", minutes(1)));
  const r = await resolveAlert(id, who("user:a@x", minutes(2)));
  assert.equal(r.state, "resolved");
  assert.equal(r.resolution, "manual");
  assert.equal(r.resolvedBy, "user:a@x");
  assert.equal(r.activeKey, null);
  await assert.rejects(resolveAlert(id, who("user:a@x", minutes(3))), rejectsWith(409, /resolved by user:a@x/));
  await assert.rejects(acknowledgeAlert(id, who("user:a@x", minutes(3))), rejectsWith(409, /Cannot acknowledge: the alert was resolved/));
  await assert.rejects(snoozeAlert(id, { until: minutes(60), reason: "later" }, who("user:a@x", minutes(3))), rejectsWith(409, /Cannot snooze/));
  assert.deepEqual((await timeline(id)).map((t) => t[0]), ["opened", "acknowledged", "resolved"]);
});

test("an alert resolved by hand while its condition holds stays quiet until the condition clears or worsens", async () => {
  const id = await openAlert("latch");
  await resolveAlert(id, who("user:a@x", minutes(1)));
  const same = await applyEvaluation(evaluation(cfg.orgId, "src-latch", [condition("latch")], minutes(2)));
  assert.equal(same.alerts[0].outcome, "latched");
  assert.equal(await db().alert.count({ where: { orgId: cfg.orgId, dedupKey: "latch" } }), 1);
  const worse = await applyEvaluation(evaluation(cfg.orgId, "src-latch", [condition("latch", 2, "critical")], minutes(3)));
  assert.equal(worse.alerts[0].outcome, "opened");
  assert.notEqual(worse.alerts[0].alertId, id);
  // Clear, then hold again: a new alert, as after any resolve.
  const id2 = worse.alerts[0].alertId!;
  await resolveAlert(id2, who("user:a@x", minutes(4)));
  await applyEvaluation(evaluation(cfg.orgId, "src-latch", [], minutes(5)));
  const back = await applyEvaluation(evaluation(cfg.orgId, "src-latch", [condition("latch")], minutes(6)));
  assert.equal(back.alerts[0].outcome, "opened");
  assert.equal(await db().alert.count({ where: { orgId: cfg.orgId, dedupKey: "latch" } }), 3);
});

test("snooze: until a future time within 30 days, with a reason; escalation while snoozed is recorded but not sent", async () => {
  const id = await openAlert("snz");
  await assert.rejects(snoozeAlert(id, { until: minutes(-1), reason: "x" }, who("user:a@x", minutes(1))), rejectsWith(422, /Invalid snooze/));
  await assert.rejects(snoozeAlert(id, { until: minutes(31 * 24 * 60), reason: "x" }, who("user:a@x", minutes(1))), (e) => e instanceof HttpError && e.details[0] === "until: at most 30 days ahead");
  const s = await snoozeAlert(id, { until: minutes(60), reason: "deploy in progress" }, who("user:a@x", minutes(1)));
  assert.deepEqual(s.snoozedUntil, minutes(60));
  assert.equal(s.snoozeReason, "deploy in progress");
  assert.equal(s.state, "open");
  const r = await applyEvaluation(evaluation(cfg.orgId, "src-snz", [condition("snz", 3, "critical")], minutes(10)));
  assert.equal(r.alerts[0].outcome, "escalated");
  const a = await db().alert.findUniqueOrThrow({ where: { id } });
  assert.equal(a.level, 3);
  assert.deepEqual(a.lastNotifiedAt, minutes(0), "no notification while snoozed");
  assert.deepEqual((await timeline(id)).map((t) => t[0]), ["opened", "snoozed", "escalated"]);
});

test("an alert of another organization is a 404, as if it did not exist", async () => {
  const id = await openAlert("foreign");
  const other = (await db().organization.create({ data: { name: "Other" } })).id;
  await assert.rejects(acknowledgeAlert(id, { orgId: other, actor: "user:x@y" }), rejectsWith(404, /No alert/));
  assert.equal((await db().alert.findUniqueOrThrow({ where: { id } })).state, "open");
});
