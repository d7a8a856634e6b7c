/**
 * Integration (embedded ClickHouse + real HTTP fakes): a month of provider usage and cost pulled the
 * way the scheduler runs a source, then re-pulled over overlapping windows while the open hour and day
 * keep growing; every token bucket and every pico-dollar must equal what the fake served, counted once.
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startFakeOpenAIAdmin, OPENAI_TEST_KEY, type FakeAdminServer } from "@/lib/testing/fake-openai-admin";
import { startFakeAnthropicAdmin, ANTHROPIC_TEST_KEY } from "@/lib/testing/fake-anthropic-admin";
import { anthropicCollector, openaiCollector } from "./collectors";
import { usageTotals } from "./usage-table";
import { costTotals } from "./cost-table";
import { runLikeScheduler } from "./testing-run";
import type { Collector } from "@/lib/source-contract/collector";

let store: TempStore;
before(async () => {
  store = await openTempStore();
});
after(async () => {
  await store?.close();
});

const HOUR = 3_600_000;
const DAY = 86_400_000;

async function assertMatches(fake: FakeAdminServer, orgId: string, sourceId: string, from: Date, to: Date, label: string) {
  const want = fake.totals(from, to);
  const got = await usageTotals(orgId, from, to, sourceId);
  for (const k of ["inputUncached", "cacheRead", "cacheWrite5m", "cacheWrite1h", "output", "requests"] as const) {
    assert.equal(got[k], want[k], `${label}: ${k}`);
  }
  assert.equal(got.rows, want.usageRows, `${label}: usage rows (a re-pulled bucket must replace, not add)`);
  assert.ok(want.inputUncached > 0 && want.cacheRead > 0 && want.output > 0, `${label}: the fake served usage`);
  const cost = await costTotals(orgId, from, to, sourceId);
  assert.equal(cost.amountPico, want.costPico, `${label}: cost in pico-dollars`);
  assert.ok(want.costPico > 0n, `${label}: the fake served costs`);
}

async function monthThenRepulls(collector: Collector, start: typeof startFakeOpenAIAdmin, key: string, sourceId: string) {
  let nowMs = Date.UTC(2026, 10, 20, 10, 30);
  const now = () => new Date(nowMs);
  // Every 5th request is refused with 429 and Retry-After: 0; the puller retries inside the run.
  const fake = await start({ now, days: 31, rateLimitEvery: 5, retryAfterSeconds: 0 });
  try {
    const base = { orgId: store.orgId, sourceId, config: { admin_key: key, base_url: fake.url, backfill_days: 31 }, now };
    const first = await runLikeScheduler(collector, base);
    assert.ok(first.outcomes.length >= 2, "a 31-day backfill runs in more than one chunk");
    assert.ok(first.outcomes.at(-1)!.backfillDone);
    assert.deepEqual(
      first.progress.map((p) => p >= 0 && p <= 1),
      first.progress.map(() => true),
    );
    assert.equal(first.progress.at(-1), 1);
    assert.ok(fake.requests().rateLimited > 0, "some requests were rate limited");
    const windowStart = new Date(Date.UTC(2026, 10, 20) - 31 * DAY);
    const end = () => new Date(Math.floor(nowMs / DAY) * DAY + DAY);
    await assertMatches(fake, store.orgId, sourceId, windowStart, end(), "after the backfill");
    const cursor = first.cursor as { dataUntil: string };
    assert.equal(cursor.dataUntil, new Date(Date.UTC(2026, 10, 20, 10)).toISOString(), "dataUntil is the end of the newest complete hour");

    // The open hour grows: re-pull and compare (the same buckets again, replaced).
    let c = first.cursor;
    for (const step of [20 * 60_000, 3 * HOUR, 17 * HOUR, 2 * DAY + 5 * HOUR]) {
      nowMs += step;
      c = (await runLikeScheduler(collector, base, c)).cursor;
      await assertMatches(fake, store.orgId, sourceId, windowStart, end(), `after +${step / 60_000} min`);
    }
  } finally {
    await fake.close();
  }
}

test("OpenAI: a month backfilled, then overlapping re-pulls, equal the served totals exactly", async () => {
  await monthThenRepulls(openaiCollector, startFakeOpenAIAdmin, OPENAI_TEST_KEY, "src-openai");
});

test("Anthropic: a month backfilled, then overlapping re-pulls, equal the served totals exactly", async () => {
  await monthThenRepulls(anthropicCollector, startFakeAnthropicAdmin, ANTHROPIC_TEST_KEY, "src-anthropic");
});
