import { openConfigDb, type ConfigDb } from "@/lib/auth/testing/config-db"; // first: sets DATA_DIR
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { hostname } from "node:os";
import { db } from "@/lib/db/prisma";
import { registerCollector } from "./collector-registry";
import { claimDue } from "./lease";
import { createSource, getSource } from "./sources";
import { SourceScheduler } from "./scheduler";
import type { SourceRunSettings } from "./settings";
import { countingCollector, hangingCollector } from "./testing/collectors";

let cfg: ConfigDb;
before(async () => {
  cfg = await openConfigDb();
});
after(async () => cfg?.close());
beforeEach(async () => {
  await db().sourceRun.deleteMany({});
  await db().source.deleteMany({});
});

const base: SourceRunSettings = { concurrency: 4, timeoutMs: 60_000, leaseMs: 10_000, retryBaseMs: 30_000, retryMaxMs: 1_800_000 };
const log = () => undefined;
const config = { admin_key: "sk-admin-abcdefghijklmnop" };

async function make(type: "openai" | "anthropic" | "prometheus_scrape", orgId = cfg.orgId) {
  const r = await createSource(orgId, "t", { type, name: `${type}-${Math.random()}`, config });
  assert.ok(r.ok);
  return r.value.id;
}

test("a hanging source never delays another: the other keeps running on its schedule meanwhile", { timeout: 60_000 }, async () => {
  let hangStarted = false;
  registerCollector(hangingCollector("openai", () => (hangStarted = true)));
  const fast = countingCollector("prometheus_scrape", { intervalMs: 50 });
  registerCollector(fast.collector);
  const otherOrg = (await db().organization.create({ data: { name: "Other org" } })).id;
  const hang = await make("openai");
  const quick = await make("prometheus_scrape", otherOrg);
  const sched = new SourceScheduler(base);
  const deadline = Date.now() + 40_000;
  while (fast.state.runs < 5 && Date.now() < deadline) await sched.pass(log, 20);
  assert.ok(hangStarted, "the hanging collector was started");
  assert.ok(fast.state.runs >= 5, `the other source ran ${fast.state.runs} times while the first one hung`);
  const h = (await getSource(cfg.orgId, hang))!;
  assert.equal(h.running, true, "the hanging run still holds its source");
  assert.equal(h.worker, `${hostname()}:${process.pid}`, "and names the worker process running it");
  assert.equal(h.runs?.[0].worker, `${hostname()}:${process.pid}`);
  assert.equal(h.runs?.[0].outcome, "running");
  assert.ok(quick);
  await sched.stop();
  const stopped = (await getSource(cfg.orgId, hang))!;
  assert.equal(stopped.runs?.[0].outcome, "superseded", "stopping the worker ends the run without storing a result");
  assert.equal(stopped.running, false, "and hands the source back at once instead of waiting for the lease to expire");
  assert.equal(stopped.last_success_at, null);
});

test("a run past its timeout is abandoned and retried with a message, even when its collector ignores the signal", { timeout: 60_000 }, async () => {
  registerCollector(hangingCollector("anthropic"));
  const id = await make("anthropic");
  const sched = new SourceScheduler({ ...base, timeoutMs: 300 });
  const deadline = Date.now() + 30_000;
  let v = (await getSource(cfg.orgId, id))!;
  while (v.state !== "retrying" && Date.now() < deadline) {
    await sched.pass(log, 50);
    v = (await getSource(cfg.orgId, id))!;
  }
  assert.equal(v.state, "retrying");
  assert.equal(v.running, false, "the lease was released");
  assert.match(v.last_error!, /^The run took longer than 300 ms and was stopped; retrying in 30 s\.$/);
  // The source's state is stored before the run's own record is closed, so the slot frees a moment
  // after "retrying" is visible; idle() returns only once it has (a slot held forever times the test out).
  await sched.idle();
  assert.equal(sched.running, 0, "the slot is free again");
});

test("concurrent claims of the same due sources: each source goes to exactly one claimer", async () => {
  registerCollector(countingCollector("openai").collector);
  const ids = await Promise.all(Array.from({ length: 6 }, () => make("openai")));
  const now = new Date();
  const results = await Promise.all([claimDue(now, 10, 10_000), claimDue(now, 10, 10_000), claimDue(now, 10, 10_000)]);
  const claimed = results.flat().map((c) => c.sourceId).sort();
  assert.deepEqual(claimed, [...ids].sort(), "every source claimed once, none twice");
  assert.deepEqual(await claimDue(now, 10, 10_000), [], "a held lease is not claimed again");
});

test("a lease past its time is taken over by another worker; the old run can no longer store anything", async () => {
  registerCollector(countingCollector("openai").collector);
  const id = await make("openai");
  const t0 = new Date();
  const [first] = await claimDue(t0, 1, 1_000);
  assert.ok(first);
  assert.deepEqual(await claimDue(new Date(t0.getTime() + 500), 1, 1_000), [], "not before it expires");
  const [second] = await claimDue(new Date(t0.getTime() + 1_500), 1, 1_000);
  assert.equal(second?.sourceId, id);
  assert.equal(second.tookOver, true);
  const { heartbeat } = await import("./lease");
  assert.equal(await heartbeat(first, 1_000), false, "the first worker learns it lost the lease");
  assert.equal(await heartbeat(second, 1_000), true);
});
