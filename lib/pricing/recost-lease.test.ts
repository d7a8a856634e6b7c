import { openServerStore, type ServerStore } from "@/lib/testing/server-store"; // first: CLICKHOUSE_URL
import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { ingestEvents } from "@/lib/ingest/ingest-batch";
import { chQuery } from "@/lib/clickhouse/query";
import { db } from "@/lib/db/prisma";
import { LLM_EVENTS } from "@/lib/clickhouse/tables";
import { querySpend } from "@/lib/analytics/spend";
import { picoToUsdString } from "@/lib/money/pico";
import { createOverride } from "./overrides";
import { enqueueRecost, listRecostJobs, runNextQueuedRecost } from "./recost";

/**
 * Issue 9, workers that scale: a worker SIGKILLed in the middle of a re-cost job, on the server path
 * (ClickHouse over HTTP in its own process, configuration shared). Its job is not taken while its
 * lease is live, is taken over once the lease expires, and completes with every event re-costed
 * exactly once: no version cancelled twice, nothing lost.
 */
process.env.RECOST_LEASE_MS = "1500";
let store: ServerStore;
before(async () => (store = await openServerStore()));
after(() => store.close());

const DAYS = 60;
const FROM = new Date("2026-09-01T00:00:00Z");
const TO = new Date(FROM.getTime() + DAYS * 86_400_000);
// One event in each 6-hour window the job walks through, so the job takes many steps.
const EVENTS = Array.from({ length: DAYS * 4 }, (_, i) => ({
  id: `lease-${i}`,
  timestamp: new Date(FROM.getTime() + i * 6 * 3_600_000 + 60_000).toISOString(),
  provider: "acme",
  model: "acme-llm-7b",
  usage: { input_tokens: 1000 + i, output_tokens: 200 },
}));
// The override prices the unpriced model at $0.40 / $1.60 per Mtok (pico-dollars per token x 1e6).
const NEW_COST = EVENTS.reduce((s, e) => s + e.usage.input_tokens * 400_000 + e.usage.output_tokens * 1_600_000, 0);

/**
 * Per event, whatever the engine has merged: its live version (sum of sign x version: a re-costed
 * event's first version cancels out and its second remains) and its count (sum of sign: 1 for an
 * event stored once and never cancelled twice).
 */
type Counts = { recosted: number; once: number; other: number; cost: number };
async function counts(org: string): Promise<Counts> {
  const [r] = await chQuery<Record<keyof Counts, string>>(
    `SELECT countIf(v >= 2) AS recosted, countIf(s = 1) AS once, countIf(s != 1) AS other, sum(cost) AS cost FROM (
       SELECT event_id, sum(sign * version) AS v, sum(sign) AS s, sum(sign * cost_pico) AS cost FROM ${LLM_EVENTS}
       WHERE org_id = {org:String} GROUP BY event_id)`,
    { tag: "test", params: { org } },
  );
  return { recosted: Number(r.recosted), once: Number(r.once), other: Number(r.other), cost: Number(r.cost) };
}

test("a worker killed mid-job: its job waits for the lease, then another worker completes it exactly once", async (t) => {
  const org = store.orgId;
  assert.equal((await ingestEvents(org, "k", EVENTS)).accepted, EVENTS.length);
  await createOverride(org, { provider: "acme", modelPattern: "acme-llm-7b", effectiveFrom: "2026-01-01T00:00:00Z", inputPerMtok: "0.4", outputPerMtok: "1.6" });
  const job = await enqueueRecost(org, FROM, TO, "test");

  const root = path.resolve(import.meta.dirname, "..", "..");
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join("lib", "pricing", "testing", "recost-child.ts")], { cwd: root, stdio: "ignore" });
  const exited = new Promise((r) => child.once("exit", r));
  // Kill it once part of the range is re-costed, as a crash would.
  let seen: Counts = await counts(org);
  const deadline = Date.now() + 120_000;
  while (seen.recosted === 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
    seen = await counts(org);
  }
  child.kill("SIGKILL");
  await exited;
  const atKill = await counts(org);
  assert.ok(atKill.recosted > 0 && atKill.recosted < EVENTS.length, `killed mid-job (${atKill.recosted} of ${EVENTS.length} re-costed)`);
  assert.equal((await db().recostJob.findUniqueOrThrow({ where: { id: job.id } })).status, "running");

  const lease = await db().lease.findUnique({ where: { name: `recost:${org}` } });
  assert.ok(lease, "the dead worker's lease is still recorded");
  const live = lease.expiresAt.getTime() > Date.now() + 200;
  if (live) {
    const [listed] = await listRecostJobs(org, 1);
    assert.equal(listed.worker, `${os.hostname()}:${child.pid}`, "the jobs view names the worker holding the lease");
    assert.equal(await runNextQueuedRecost(), false, "a job whose lease is live is not taken");
  }
  t.diagnostic(`killed after ${atKill.recosted} of ${EVENTS.length} events; lease still live when retried: ${live}`);
  while ((await db().lease.findUnique({ where: { name: `recost:${org}` } }))!.expiresAt.getTime() > Date.now()) {
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(await runNextQueuedRecost(), true, "the expired job is taken over");
  const done = await db().recostJob.findUniqueOrThrow({ where: { id: job.id } });
  assert.equal(done.status, "done");
  assert.deepEqual(await counts(org), { recosted: EVENTS.length, once: EVENTS.length, other: 0, cost: NEW_COST });
  const [total] = await querySpend({ orgId: org, from: FROM, to: TO, groupBy: [], filters: {} });
  assert.deepEqual([total.requests, total.cost_usd_exact], [EVENTS.length, picoToUsdString(NEW_COST)], "the rollup agrees");
  assert.equal(await db().lease.count({ where: { name: `recost:${org}` } }), 0, "the lease is released");
});
