import { openConfigDb, type ConfigDb } from "@/lib/auth/testing/config-db"; // first: sets DATA_DIR
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db/prisma";
import { registerCollector, unregisterCollector } from "./collector-registry";
import { createSource, getSource, patchSource, runSourceNow } from "./sources";
import { SourceScheduler } from "./scheduler";
import { RUNS_KEPT } from "./run-history";
import type { SourceRunSettings } from "./settings";
import { CollectorError, countingCollector, failingCollector, testCollector, testConfigSchema } from "./testing/collectors";

let cfg: ConfigDb;
before(async () => {
  cfg = await openConfigDb();
});
after(async () => cfg?.close());
beforeEach(async () => {
  await db().sourceRun.deleteMany({});
  await db().source.deleteMany({});
  for (const t of ["openai", "anthropic", "prometheus_scrape", "prometheus_api"] as const) unregisterCollector(t);
});

const KEY = "sk-admin-abcdefghijklmnopx7Q2";
const settings: SourceRunSettings = { concurrency: 4, timeoutMs: 5_000, leaseMs: 5_000, retryBaseMs: 30_000, retryMaxMs: 1_800_000 };
const log = () => undefined;

/** Runs passes until nothing is due or in flight. */
async function drain(s = new SourceScheduler(settings)) {
  for (let i = 0; i < 50 && (await s.pass(log, 20)); i++);
  await s.idle();
}

async function make(type: "openai" | "anthropic" = "openai", config: Record<string, unknown> = { admin_key: KEY }) {
  const r = await createSource(cfg.orgId, "user:test", { type, name: `src-${Math.random()}`, config });
  assert.ok(r.ok, JSON.stringify(r));
  return r.value;
}

test("an unknown type names the accepted values; a known type without a collector says so", async () => {
  const unknown = await createSource(cfg.orgId, "t", { type: "fax", name: "x", config: {} });
  assert.deepEqual(!unknown.ok && unknown.details, ["type: expected one of openai, anthropic, prometheus_scrape, prometheus_api"]);
  const missing = await createSource(cfg.orgId, "t", { type: "openai", name: "x", config: {} });
  assert.deepEqual(!missing.ok && missing.details, ["type: no collector for 'openai' is installed"]);
});

test("config is validated by the collector's schema, prefixed config.; base_url is accepted by every type", async () => {
  registerCollector(countingCollector("openai").collector);
  const bad = await createSource(cfg.orgId, "t", { type: "openai", name: "x", config: { admin_key: 5, base_url: "ftp://x" } });
  assert.equal(bad.ok, false);
  const details = !bad.ok ? bad.details : [];
  assert.ok(details.includes("config.admin_key: expected the admin key (text)"), details.join("; "));
  assert.ok(details.some((d) => d.startsWith("config.base_url: expected an http(s) URL")), details.join("; "));
  // a strict collector schema that does not list base_url still gets it
  const strict = testCollector("anthropic", async () => ({ cursor: null, backfillDone: true }));
  registerCollector({ ...strict, configSchema: testConfigSchema.omit({ base_url: true }) });
  const ok = await make("anthropic", { admin_key: KEY, base_url: "http://127.0.0.1:9/v1/" });
  assert.equal(ok.config.base_url, "http://127.0.0.1:9/v1");
});

test("a secret is sealed at rest, shown only as set with its last 4, kept by a PATCH without it and replaced by one with it", async () => {
  const seen: unknown[] = [];
  const c = countingCollector("openai");
  registerCollector({ ...c.collector, run: async (ctx) => (seen.push(ctx.config.admin_key), c.collector.run(ctx)) });
  const s = await make();
  assert.deepEqual(s.config.admin_key, { set: true, hint: "…x7Q2" });
  assert.equal(s.config.backfill_days, 30, "the collector's defaults are stored");
  const raw = (await db().source.findUniqueOrThrow({ where: { id: s.id } })).config;
  assert.ok(!raw.includes(KEY) && !raw.includes("abcdefgh"), "not in the database in clear");
  const audit = JSON.stringify(await db().auditEntry.findMany({ where: { targetId: s.id } }));
  assert.ok(!audit.includes(KEY));

  const renamed = await patchSource(cfg.orgId, "t", s.id, { config: { backfill_days: 7 } });
  assert.ok(renamed.ok);
  await drain();
  assert.equal(seen.at(-1), KEY, "the secret survived a PATCH that did not carry it");
  const NEW = "sk-admin-zyxwvutsrqponmlkNEW1";
  const replaced = await patchSource(cfg.orgId, "t", s.id, { config: { admin_key: NEW } });
  assert.ok(replaced.ok && (replaced.value.config.admin_key as { hint: string }).hint === "…NEW1");
  await runSourceNow(cfg.orgId, "t", s.id);
  await drain();
  assert.equal(seen.at(-1), NEW);
});

test("success stores the cursor and hands it back; backfilling until the collector says done; lag from dataUntil", async () => {
  const { collector, state } = countingCollector("openai", { backfillRuns: 2, intervalMs: 0 });
  registerCollector(collector);
  const s = await make();
  assert.ok(s.next_run_at && Date.parse(s.next_run_at) <= Date.now(), "the first run is due at once");
  const sched = new SourceScheduler(settings);
  await sched.pass(log, 10);
  await sched.idle();
  let v = (await getSource(cfg.orgId, s.id))!;
  assert.equal(v.state, "backfilling");
  assert.equal(v.backfill_done, false);
  assert.equal(v.backfill_progress, 0.5);
  await sched.pass(log, 10);
  await sched.idle();
  v = (await getSource(cfg.orgId, s.id))!;
  assert.equal(v.state, "ok");
  assert.equal(v.backfill_done, true);
  assert.equal(v.backfill_progress, 1);
  assert.deepEqual(state.seen.slice(0, 2), [null, { n: 1, dataUntil: (state.seen[1] as { dataUntil: string }).dataUntil }]);
  assert.ok(v.lag_seconds !== null && v.lag_seconds >= 120, `lag ${v.lag_seconds} counts from the cursor's dataUntil`);
  assert.equal(v.runs?.[0].outcome, "ok");
  assert.deepEqual(v.runs?.[0].stats, { rows: 2 });
});

test("a refused credential stops that source (not retried) while another source keeps running; a config PATCH clears the stop", async () => {
  registerCollector(failingCollector("openai", () => new CollectorError("OpenAI refused the admin key (401): paste a new one.", "auth")));
  registerCollector(countingCollector("anthropic").collector);
  const bad = await make("openai");
  const good = await make("anthropic");
  await drain();
  const b = (await getSource(cfg.orgId, bad.id))!;
  assert.equal(b.state, "stopped");
  assert.equal(b.last_error, "OpenAI refused the admin key (401): paste a new one.");
  assert.equal(b.next_run_at, null);
  assert.equal((await getSource(cfg.orgId, good.id))!.state, "ok");
  await db().source.update({ where: { id: bad.id }, data: { nextRunAt: new Date(0) } });
  await drain();
  assert.equal((await getSource(cfg.orgId, bad.id))!.runs?.length, 1, "a stopped source is not run again by itself");

  registerCollector(countingCollector("openai").collector);
  const patched = await patchSource(cfg.orgId, "t", bad.id, { config: { admin_key: "sk-admin-fixedfixedfixed" } });
  assert.ok(patched.ok && patched.value.state === "backfilling" && patched.value.consecutive_failures === 0);
  await drain();
  const fixed = (await getSource(cfg.orgId, bad.id))!;
  assert.equal(fixed.state, "ok");
  assert.equal(fixed.last_error, null);
});

test("transient failures back off exponentially, no sooner than Retry-After; a resume clears a stop", async () => {
  let retryAfter: number | undefined;
  registerCollector(failingCollector("openai", () => new CollectorError("OpenAI answered 429 Too Many Requests", "rate_limited", retryAfter)));
  const s = await make();
  const delays: number[] = [];
  for (let i = 0; i < 3; i++) {
    await db().source.update({ where: { id: s.id }, data: { nextRunAt: new Date(0) } });
    const t0 = Date.now();
    await drain();
    const v = (await getSource(cfg.orgId, s.id))!;
    assert.equal(v.state, "retrying");
    assert.equal(v.consecutive_failures, i + 1);
    delays.push(Date.parse(v.next_run_at!) - t0);
  }
  assert.ok(delays[0] >= 30_000 && delays[0] < 32_000, `first retry ~30 s, got ${delays[0]}`);
  assert.ok(delays[1] >= 60_000 && delays[1] < 62_000, `second ~60 s, got ${delays[1]}`);
  assert.ok(delays[2] >= 120_000 && delays[2] < 122_000, `third ~120 s, got ${delays[2]}`);
  retryAfter = 600_000;
  await db().source.update({ where: { id: s.id }, data: { nextRunAt: new Date(0) } });
  const t0 = Date.now();
  await drain();
  const v = (await getSource(cfg.orgId, s.id))!;
  assert.ok(Date.parse(v.next_run_at!) - t0 >= 600_000, "Retry-After is honoured over a shorter backoff");
  assert.match(v.last_error!, /^OpenAI answered 429 Too Many Requests; retrying in 10 min\.$/);

  await db().source.update({ where: { id: s.id }, data: { state: "stopped" } });
  const resumed = await patchSource(cfg.orgId, "t", s.id, { state: "active" });
  assert.ok(resumed.ok && resumed.value.state === "backfilling" && Date.parse(resumed.value.next_run_at!) <= Date.now());
});

test("an unexpected exception becomes retrying with a message that leaks neither internals nor the secret", async () => {
  registerCollector(failingCollector("openai", () => new Error(`connect ECONNREFUSED /srv/internal?key=${KEY}`)));
  const logged: string[] = [];
  const s = await make();
  const sched = new SourceScheduler(settings);
  await sched.pass((l) => logged.push(l), 10);
  await sched.idle();
  const v = (await getSource(cfg.orgId, s.id))!;
  assert.equal(v.state, "retrying");
  assert.match(v.last_error!, /^The collector failed unexpectedly \(an internal error; the server log has the details\); retrying in 30 s\.$/);
  assert.ok(logged.some((l) => l.includes("ECONNREFUSED")), "the details reach the server log");
  assert.ok(!logged.join("\n").includes(KEY), "scrubbed of the secret");
  assert.ok(!JSON.stringify(v).includes(KEY));
});

test("a paused source is not run; run-now refuses it until resumed", async () => {
  const { collector, state } = countingCollector("openai");
  registerCollector(collector);
  const s = await make();
  assert.ok((await patchSource(cfg.orgId, "t", s.id, { state: "paused" })).ok);
  await drain();
  assert.equal(state.runs, 0);
  const r = await runSourceNow(cfg.orgId, "t", s.id);
  assert.equal(!r.ok && r.status, 409);
  assert.ok((await patchSource(cfg.orgId, "t", s.id, { state: "active" })).ok);
  await drain();
  assert.equal(state.runs, 1);
});

test(`the run history keeps the newest ${RUNS_KEPT} runs of a source`, async () => {
  registerCollector(countingCollector("openai", { intervalMs: 0 }).collector);
  const s = await make();
  const sched = new SourceScheduler(settings);
  for (let i = 0; i < RUNS_KEPT + 5; i++) {
    await sched.pass(log, 5);
    await sched.idle();
  }
  assert.equal(await db().sourceRun.count({ where: { sourceId: s.id } }), RUNS_KEPT);
  assert.equal((await getSource(cfg.orgId, s.id))!.runs?.length, RUNS_KEPT);
});
