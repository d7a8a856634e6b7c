import { openConfigDb } from "@/lib/auth/testing/config-db";
import { after, test } from "node:test";
import assert from "node:assert/strict";

const cfg = await openConfigDb();
const { db } = await import("@/lib/db/prisma");
const { createChannel, setChannelEnabled, deleteChannel } = await import("./channels");
const { createRoutingRule } = await import("./routing-rules");
const { createSilence, expireSilence } = await import("./silences");
const { enqueueAlertNotifications } = await import("./enqueue");
const { listDeliveries } = await import("./log");
const { sampleAlert } = await import("./testing/sample-alert");

after(() => cfg.close());

const orgId = cfg.orgId;
async function channel(name: string, type: "slack" | "webhook" = "webhook") {
  const r = await createChannel(orgId, "cli", { type, name, config: { url: `https://example.invalid/${name}` }, enabled: true });
  assert.ok(r.ok);
  return r.created.channel.id;
}
let seq = 0;
async function send(over: Parameters<typeof sampleAlert>[0], channelIds: string[] = []) {
  const alert = sampleAlert({ id: `al-${++seq}`, ...over });
  const n = await db().$transaction((tx) => enqueueAlertNotifications(tx, { orgId, alert, event: "alert.opened", channelIds }));
  const rows = await db().notification.findMany({ where: { alertId: alert.id }, orderBy: { createdAt: "asc" } });
  assert.equal(rows.length, n, "returns what it recorded");
  return rows.map((r) => r.channelId).sort();
}

const pd = await channel("pd");
const support = await channel("support-slack", "slack");
const all = await channel("everything");
await createRoutingRule(orgId, "cli", { channel_id: pd, kinds: [], min_severity: "critical", scope: {} });
await createRoutingRule(orgId, "cli", { channel_id: support, kinds: [], min_severity: "info", scope: { team: "support" } });

test("routing: critical to PagerDuty, team=support to its Slack, a channel without rules gets everything", async () => {
  assert.deepEqual(await send({ severity: "warning", scope: { team: "growth" } }), [all].sort());
  assert.deepEqual(await send({ severity: "critical", scope: { team: "support" } }), [pd, support, all].sort());
  assert.deepEqual(await send({ severity: "info", scope: { team: "support", feature: "chat" } }), [support, all].sort());
});

test("explicit channel ids bypass routing rules", async () => {
  assert.deepEqual(await send({ severity: "info", scope: {} }, [pd]), [pd]);
});

test("disabled and deleted channels are skipped; another organization's channel ids are ignored", async () => {
  const off = await channel("off");
  await setChannelEnabled(orgId, "cli", off, false);
  const gone = await channel("gone");
  await deleteChannel(orgId, "cli", gone);
  const otherOrg = (await db().organization.create({ data: { name: "Other" } })).id;
  const foreign = await createChannel(otherOrg, "cli", { type: "webhook", name: "theirs", config: { url: "https://example.invalid/x" }, enabled: true });
  assert.ok(foreign.ok);
  assert.deepEqual(await send({ severity: "critical" }, [off, gone, foreign.created.channel.id]), []);
  assert.ok(!(await send({ severity: "critical", scope: {} })).some((id) => id === off || id === gone));
});

test("an unexpired silence matching scope and kind enqueues nothing; expiring it restores delivery", async () => {
  const r = await createSilence(orgId, "user:a@b.c", { scope: { feature: "search" }, kinds: ["anomaly"], reason: "known migration", expires_at: new Date(Date.now() + 3600_000).toISOString() });
  assert.ok(r.ok);
  assert.deepEqual(await send({ kind: "anomaly", scope: { feature: "search" } }), []);
  assert.deepEqual(await send({ kind: "budget", scope: { feature: "search" } }, [all]), [all], "other kinds still go out");
  await expireSilence(orgId, "user:a@b.c", r.silence.id);
  assert.ok((await send({ kind: "anomaly", scope: { feature: "search" } })).length > 0);
});

test("notifications commit with the caller's transaction: a rollback records none", async () => {
  const alert = sampleAlert({ id: "rolled-back" });
  await assert.rejects(
    db().$transaction(async (tx) => {
      const n = await enqueueAlertNotifications(tx, { orgId, alert, event: "alert.opened", channelIds: [] });
      assert.ok(n > 0);
      throw new Error("the alert store failed after enqueueing");
    }),
    /alert store failed/,
  );
  assert.equal(await db().notification.count({ where: { alertId: "rolled-back" } }), 0);
});

test("listDeliveries names the channel and reports sending as pending", async () => {
  const alert = sampleAlert({ id: "logged" });
  await db().$transaction((tx) => enqueueAlertNotifications(tx, { orgId, alert, event: "alert.opened", channelIds: [pd, all] }));
  await db().notification.updateMany({ where: { alertId: "logged", channelId: pd }, data: { status: "sending" } });
  const rows = await listDeliveries(orgId, "logged");
  assert.deepEqual(rows.map((r) => [r.channelName, r.status, r.event]).sort(), [["everything", "pending", "alert.opened"], ["pd", "pending", "alert.opened"]]);
  assert.deepEqual(await listDeliveries("another-org", "logged"), []);
});
