import { openConfigDb } from "@/lib/auth/testing/config-db";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import net from "node:net";
import { Webhook } from "standardwebhooks";

process.env.DELIVERY_TIMEOUT_MS = "700";
const cfg = await openConfigDb();
const { db } = await import("@/lib/db/prisma");
const { createChannel } = await import("./channels");
const { enqueueAlertNotifications } = await import("./enqueue");
const { runOutboxPass } = await import("./outbox");
const { startReceiver } = await import("./testing/receiver");
const { sampleAlert } = await import("./testing/sample-alert");
const { driveUntilSettled, FAST } = await import("./testing/drive");

const rx = await startReceiver({ "/pd": 202 });
let slackId = "", pdId = "", hookId = "", hookSecret = "";

before(async () => {
  const mk = async (type: "slack" | "pagerduty" | "webhook", config: Record<string, unknown>) => {
    const r = await createChannel(cfg.orgId, "cli", { type, name: type, config, enabled: true });
    assert.ok(r.ok, JSON.stringify(r));
    return r.created;
  };
  slackId = (await mk("slack", { url: rx.url("/slack") })).channel.id;
  pdId = (await mk("pagerduty", { url: rx.url("/pd"), routing_key: "R0UTINGKEY0123456789" })).channel.id;
  const hook = await mk("webhook", { url: rx.url("/hook") });
  hookId = hook.channel.id;
  hookSecret = hook.secret!;
});
after(async () => {
  await rx.close();
  await cfg.close();
});

async function enqueue(alertId: string, channelIds: string[], event: "alert.opened" | "alert.acknowledged" = "alert.opened"): Promise<string[]> {
  const alert = sampleAlert({ id: alertId, url: `http://localhost:3000/alerts/${alertId}`, dedup_key: `key-${alertId}` });
  const n = await db().$transaction((tx) => enqueueAlertNotifications(tx, { orgId: cfg.orgId, alert, event, channelIds }));
  assert.equal(n, channelIds.length);
  return (await db().notification.findMany({ where: { alertId, event }, select: { id: true } })).map((r) => r.id);
}

const forAlert = (path: string, alertId: string) => rx.on(path).filter((r) => r.body.includes(`key-${alertId}`) || r.body.includes(`/alerts/${alertId}`));

test("Slack 200, PagerDuty 202, webhook 200: each sent once in its wire format", async () => {
  const ids = await enqueue("a-ok", [slackId, pdId, hookId]);
  await driveUntilSettled(ids, FAST);
  const rows = await db().notification.findMany({ where: { id: { in: ids } } });
  assert.deepEqual(rows.map((r) => [r.status, r.attempts]), [["sent", 1], ["sent", 1], ["sent", 1]]);
  const slack = forAlert("/slack", "a-ok");
  assert.equal(slack.length, 1);
  assert.ok(Array.isArray(JSON.parse(slack[0].body).blocks));
  const pd = forAlert("/pd", "a-ok");
  assert.equal(pd.length, 1);
  assert.equal(JSON.parse(pd[0].body).event_action, "trigger");
  assert.equal(JSON.parse(pd[0].body).dedup_key, "key-a-ok");
  const hook = forAlert("/hook", "a-ok");
  assert.equal(hook.length, 1);
  const verified = new Webhook(hookSecret).verify(hook[0].body, hook[0].headers as Record<string, string>) as { type: string; data: { id: string } };
  assert.equal(verified.type, "alert.opened");
  assert.equal(verified.data.id, "a-ok");
  assert.ok(ids.includes(String(hook[0].headers["webhook-id"])), "webhook-id is the notification id");
});

test("429 with Retry-After, then 500, then 2xx: retried with the waits honoured, same webhook-id, sent exactly once", async () => {
  for (const p of ["/slack", "/pd", "/hook"]) rx.script(p, [{ status: 429, headers: { "retry-after": "1" } }, { status: 500 }]);
  const before = { slack: rx.on("/slack").length, pd: rx.on("/pd").length, hook: rx.on("/hook").length };
  const ids = await enqueue("a-retry", [slackId, pdId, hookId]);
  await driveUntilSettled(ids, FAST);
  const rows = await db().notification.findMany({ where: { id: { in: ids } } });
  for (const r of rows) {
    assert.equal(r.status, "sent");
    assert.equal(r.attempts, 3);
    assert.equal(r.lastError, null);
  }
  // a few more passes: nothing is sent again
  for (let i = 0; i < 3; i++) await runOutboxPass({ settings: FAST });
  for (const [path, n0] of [["/slack", before.slack], ["/pd", before.pd], ["/hook", before.hook]] as const) {
    const got = rx.on(path).slice(n0);
    assert.equal(got.length, 3, `${path}: 429, 500, then success`);
    assert.ok(got[1].at - got[0].at >= 1000, `${path}: waited ${got[1].at - got[0].at} ms after Retry-After: 1`);
    assert.ok(got[2].at - got[1].at >= FAST.retryBaseMs, `${path}: backed off ${got[2].at - got[1].at} ms after the 500`);
    assert.equal(new Set(got.map((g) => g.body)).size, path === "/hook" ? 1 : 1, "same body on every attempt");
  }
  const hooks = rx.on("/hook").slice(before.hook);
  assert.equal(new Set(hooks.map((h) => h.headers["webhook-id"])).size, 1, "one webhook-id across retries");
  for (const h of hooks) new Webhook(hookSecret).verify(h.body, h.headers as Record<string, string>);
});

test("a 4xx other than 408/429 gives up at once with the reason in words", async () => {
  rx.script("/hook", [{ status: 404, body: "no such hook" }]);
  const n0 = rx.on("/hook").length;
  const [id] = await enqueue("a-404", [hookId]);
  await driveUntilSettled([id], FAST);
  const row = await db().notification.findUniqueOrThrow({ where: { id } });
  assert.equal(row.status, "failed");
  assert.equal(row.attempts, 1);
  assert.equal(row.lastStatus, 404);
  assert.match(row.lastError ?? "", /answered 404: the URL was not found \(no such hook\); not retried/);
  await runOutboxPass({ settings: FAST });
  assert.equal(rx.on("/hook").length - n0, 1);
});

test("a receiver that does not answer in time is retried", async () => {
  rx.script("/slack", [{ status: 200, hangMs: 2000 }]);
  const n0 = rx.on("/slack").length;
  const [id] = await enqueue("a-timeout", [slackId]);
  await runOutboxPass({ settings: FAST });
  const mid = await db().notification.findUniqueOrThrow({ where: { id } });
  assert.equal(mid.status, "pending");
  assert.match(mid.lastError ?? "", /no answer within/);
  await driveUntilSettled([id], FAST);
  assert.equal((await db().notification.findUniqueOrThrow({ where: { id } })).status, "sent");
  assert.equal(rx.on("/slack").length - n0, 2);
});

test("gives up after the maximum number of attempts", async () => {
  rx.script("/pd", [{ status: 503 }, { status: 503 }]);
  const [id] = await enqueue("a-giveup", [pdId]);
  await driveUntilSettled([id], { ...FAST, maxAttempts: 2, retryBaseMs: 50 });
  const row = await db().notification.findUniqueOrThrow({ where: { id } });
  assert.equal(row.status, "failed");
  assert.match(row.lastError ?? "", /^gave up after 2 attempts; last: PagerDuty answered 503/);
});

test("passes racing each other claim every notification once", async () => {
  const n0 = rx.on("/hook").length;
  const ids: string[] = [];
  for (let i = 0; i < 12; i++) ids.push(...(await enqueue(`a-race-${i}`, [hookId])));
  await Promise.all([runOutboxPass({ settings: FAST }), runOutboxPass({ settings: FAST }), runOutboxPass({ settings: FAST })]);
  await driveUntilSettled(ids, FAST);
  const got = rx.on("/hook").slice(n0);
  assert.equal(got.length, 12);
  assert.equal(new Set(got.map((g) => g.headers["webhook-id"])).size, 12);
});

test("a channel's secret URL never appears in the recorded error", async () => {
  const closedPort = await new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
  const r = await createChannel(cfg.orgId, "cli", { type: "slack", name: "dead", config: { url: `http://127.0.0.1:${closedPort}/services/T0/B0/SUPERSECRETTOKEN` }, enabled: true });
  assert.ok(r.ok);
  const [id] = await enqueue("a-dead", [r.created.channel.id]);
  await runOutboxPass({ settings: FAST });
  const row = await db().notification.findUniqueOrThrow({ where: { id } });
  assert.equal(row.status, "pending");
  assert.match(row.lastError ?? "", /could not be reached: connection refused/);
  assert.ok(!JSON.stringify(row).includes("SUPERSECRETTOKEN"));
  const ch = await db().channel.findUniqueOrThrow({ where: { id: r.created.channel.id } });
  assert.ok(!ch.configEnc.includes("SUPERSECRETTOKEN") && !ch.display.includes("SUPERSECRETTOKEN"));
  await db().notification.update({ where: { id }, data: { status: "failed" } });
});

test("a fresh alert is claimed before a backlog of due retries to a broken channel", async () => {
  const r = await createChannel(cfg.orgId, "cli", { type: "webhook", name: "backlog", config: { url: rx.url("/backlog") }, enabled: true });
  assert.ok(r.ok);
  const backlog: string[] = [];
  for (let i = 0; i < FAST.batch + 5; i++) backlog.push(...(await enqueue(`a-backlog-${i}`, [r.created.channel.id])));
  // retries that fell due long ago (they were enqueued first, so they would also win on time alone)
  await db().notification.updateMany({ where: { id: { in: backlog } }, data: { attempts: 3, nextAttemptAt: new Date(Date.now() - 3_600_000) } });
  const [fresh] = await enqueue("a-fresh-behind-backlog", [hookId]);
  const n0 = forAlert("/hook", "a-fresh-behind-backlog").length;
  await runOutboxPass({ settings: FAST });
  assert.equal((await db().notification.findUniqueOrThrow({ where: { id: fresh } })).status, "sent");
  assert.equal(forAlert("/hook", "a-fresh-behind-backlog").length - n0, 1);
  await db().notification.updateMany({ where: { id: { in: backlog } }, data: { status: "failed" } });
});
