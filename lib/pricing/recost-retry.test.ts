/**
 * Integration: a re-cost job that fails is queued again with backoff, is not claimed before its
 * time, completes exactly once the cause is gone, and is failed for good after the last attempt,
 * including when its workers die each time. Embedded ClickHouse + the configuration database.
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db/prisma";
import { ingestEvents } from "@/lib/ingest/ingest-batch";
import { querySpend } from "@/lib/analytics/spend";
import { rawRollupMismatches } from "@/lib/ledger/consistency";
import { createOverride } from "./overrides";
import { enqueueRecost, runNextQueuedRecost } from "./recost";
import { RECOST_MAX_ATTEMPTS, recostRetryDelayMs } from "./recost-retry";

let store: TempStore;
before(async () => (store = await openTempStore()));
after(async () => store?.close());

const FROM = new Date("2026-10-01T00:00:00Z");
const TO = new Date("2026-10-02T00:00:00Z");
const EVENTS = Array.from({ length: 6 }, (_, i) => ({
  id: `r-${i}`,
  timestamp: new Date(FROM.getTime() + i * 3 * 3_600_000).toISOString(),
  provider: "anthropic",
  model: "claude-sonnet-4-20250514",
  usage: { input_tokens: 1000, output_tokens: 100 },
}));
// the override: $1.5 in / $7.5 out per Mtok, in pico-dollars per event
const OVERRIDE_PICO = 1000 * 1_500_000 + 100 * 7_500_000;

/** A stored override whose price cannot be read makes every run fail while pricing, before any write. */
async function breakPricing(orgId: string) {
  const row = { orgId, provider: "anthropic", modelPattern: "claude-*", effectiveFrom: FROM, inputPerMtok: "cheap" };
  return (await db().priceOverride.create({ data: row })).id;
}

const at = (ms: number) => new Date(Date.now() + ms);
const job = (id: string) => db().recostJob.findUniqueOrThrow({ where: { id } });

test("the backoff grows 30 s, 2 min, 8 min, 32 min and is capped at an hour", () => {
  assert.deepEqual([1, 2, 3, 4, 5, 9].map(recostRetryDelayMs), [30_000, 120_000, 480_000, 1_920_000, 3_600_000, 3_600_000]);
});

test("a failed job waits for its backoff, runs again, and completes exactly once the cause is gone", async () => {
  const org = store.orgId;
  assert.equal((await ingestEvents(org, "k", EVENTS)).accepted, EVENTS.length);
  await createOverride(org, { provider: "anthropic", modelPattern: "claude-sonnet-4*", effectiveFrom: "2026-01-01T00:00:00Z", inputPerMtok: "1.5", outputPerMtok: "7.5" });
  const broken = await breakPricing(org);
  const { id } = await enqueueRecost(org, FROM, TO, "retry test");

  const before1 = Date.now();
  assert.equal(await runNextQueuedRecost(), true);
  const first = await job(id);
  assert.equal(first.status, "queued", "queued again, not failed");
  assert.equal(first.attempts, 1);
  assert.match(first.error ?? "", /expected a non-negative decimal/);
  const wait = first.nextAttemptAt!.getTime() - before1;
  assert.ok(wait >= recostRetryDelayMs(1) && wait < recostRetryDelayMs(1) + 60_000, `retry in ${wait} ms`);

  assert.equal(await runNextQueuedRecost(), false, "not claimed before its time");
  assert.equal(await runNextQueuedRecost(at(recostRetryDelayMs(1) + 1000)), true);
  const second = await job(id);
  assert.deepEqual([second.status, second.attempts], ["queued", 2]);
  assert.ok(second.nextAttemptAt!.getTime() - Date.now() > recostRetryDelayMs(1), "the second wait is longer");

  await db().priceOverride.delete({ where: { id: broken } });
  assert.equal(await runNextQueuedRecost(at(recostRetryDelayMs(2) + 1000)), true);
  const done = await job(id);
  assert.deepEqual([done.status, done.attempts, done.eventsChanged, done.nextAttemptAt, done.error], ["done", 3, EVENTS.length, null, null]);
  const [total] = await querySpend({ orgId: org, from: FROM, to: TO, groupBy: [], filters: {} });
  assert.deepEqual([total.requests, total.cost_usd], [EVENTS.length, (EVENTS.length * OVERRIDE_PICO) / 1e12]);
  assert.deepEqual(await rawRollupMismatches(org), []);
});

test("a job that fails every time is failed for good after the last attempt", async () => {
  const org = store.orgId;
  const broken = await breakPricing(org);
  const { id } = await enqueueRecost(org, FROM, TO, "always fails");
  for (let attempt = 1; attempt <= RECOST_MAX_ATTEMPTS; attempt++) {
    assert.equal(await runNextQueuedRecost(at(2 * 3_600_000)), true, `attempt ${attempt} runs`);
    assert.equal((await job(id)).attempts, attempt);
  }
  const failed = await job(id);
  assert.equal(failed.status, "failed");
  assert.match(failed.error ?? "", new RegExp(`^gave up after ${RECOST_MAX_ATTEMPTS} attempts: .*expected a non-negative decimal`));
  assert.ok(failed.finishedAt);
  assert.equal(await runNextQueuedRecost(at(24 * 3_600_000)), false, "a failed job is never claimed again");
  await db().priceOverride.delete({ where: { id: broken } });
});

test("a job whose worker died on every attempt is failed, not run again", async () => {
  const org = store.orgId;
  // As left by the last of its workers: "running", its lease gone with the process.
  const row = { orgId: org, fromTs: FROM, toTs: TO, status: "running", reason: "poison", attempts: RECOST_MAX_ATTEMPTS };
  const { id } = await db().recostJob.create({ data: row });
  assert.equal(await runNextQueuedRecost(), true);
  const failed = await job(id);
  assert.equal(failed.status, "failed");
  assert.match(failed.error ?? "", /worker running it stopped each time/);
  assert.equal(failed.eventsScanned, 0, "not run a sixth time");
});
