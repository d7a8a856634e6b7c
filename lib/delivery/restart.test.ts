import { openConfigDb } from "@/lib/auth/testing/config-db";
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { Webhook } from "standardwebhooks";

const cfg = await openConfigDb();
const { db } = await import("@/lib/db/prisma");
const { createChannel } = await import("./channels");
const { startReceiver } = await import("./testing/receiver");

const rx = await startReceiver();
const children: ChildProcess[] = [];
after(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  await rx.close();
  await cfg.close();
});

const created = await createChannel(cfg.orgId, "cli", { type: "webhook", name: "hook", config: { url: rx.url("/hook") }, enabled: true });
assert.ok(created.ok);
const channelId = created.created.channel.id;
const secret = created.created.secret!;

/** Starts the child with the same DATA_DIR; resolves once it printed `ready`. */
function child(args: string[], ready: string): Promise<ChildProcess> {
  const p = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(import.meta.dirname, "testing", "outbox-child.ts"), ...args], {
    env: { ...process.env, DATA_DIR: cfg.dir, DELIVERY_LEASE_MS: "1500", DELIVERY_RETRY_BASE_MS: "200" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(p);
  let out = "";
  let err = "";
  p.stderr!.on("data", (d) => (err += d));
  return new Promise((resolve, reject) => {
    p.stdout!.on("data", (d) => {
      out += d;
      if (out.includes(ready)) resolve(p);
    });
    p.on("exit", (code, sig) => reject(new Error(`child exited (${code ?? sig}) before "${ready}": ${err.slice(-2000)}`)));
  });
}

function kill9(p: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    p.once("exit", () => resolve());
    p.kill("SIGKILL");
  });
}

test("a notification recorded by a process killed before sending is sent after a restart", async () => {
  const recorder = await child(["record", cfg.orgId, channelId, "restart-1"], "recorded");
  await kill9(recorder);
  const row = await db().notification.findFirstOrThrow({ where: { alertId: "restart-1" } });
  assert.equal(row.status, "pending");
  assert.equal(rx.on("/hook").length, 0, "nothing was sent before the kill");
  const worker = await child(["work"], "working");
  const got = await rx.waitFor("/hook", 1);
  assert.equal(got[0].headers["webhook-id"], row.id);
  new Webhook(secret).verify(got[0].body, got[0].headers as Record<string, string>);
  await waitStatus(row.id, "sent");
  await kill9(worker);
});

test("a process killed between send and mark: the next one re-sends with the same webhook-id", async () => {
  const n0 = rx.on("/hook").length;
  rx.script("/hook", [{ status: 200, hangMs: 60_000 }]); // the first attempt never gets its answer
  const recorder = await child(["record", cfg.orgId, channelId, "restart-2"], "recorded");
  await kill9(recorder);
  const row = await db().notification.findFirstOrThrow({ where: { alertId: "restart-2" } });
  const first = await child(["work"], "working");
  await rx.waitFor("/hook", n0 + 1);
  await kill9(first);
  assert.equal((await db().notification.findUniqueOrThrow({ where: { id: row.id } })).status, "sending");
  const second = await child(["work"], "working");
  const got = (await rx.waitFor("/hook", n0 + 2)).slice(n0);
  assert.deepEqual(got.map((g) => g.headers["webhook-id"]), [row.id, row.id], "receivers dedupe on webhook-id");
  assert.equal(got[0].body, got[1].body);
  await waitStatus(row.id, "sent");
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(rx.on("/hook").length, n0 + 2, "sent, then never again");
  await kill9(second);
});

async function waitStatus(id: string, status: string, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = await db().notification.findUniqueOrThrow({ where: { id } });
    if (r.status === status) return r;
    if (Date.now() > until) throw new Error(`notification ${id} is ${r.status}, expected ${status}`);
    await new Promise((res) => setTimeout(res, 100));
  }
}
