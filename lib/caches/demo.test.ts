/** The demo organization gets two caches with 60 days of stats, and demo events carry provider health. */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { demoEvents } from "@/lib/demo/generate";
import { normalizeEvent } from "@/lib/ingest/normalize-event";
import { seedDemoCachesAndHealth } from "./demo";
import { cacheReport } from "./report";

let store: TempStore;
before(async () => {
  store = await openTempStore();
});
after(async () => {
  await store?.close();
});

const END = new Date("2026-11-30T12:00:00Z");

test("an exact and a semantic cache with 60 daily windows, latency and storage", async () => {
  assert.equal(await seedDemoCachesAndHealth(store.orgId, END), 120);
  // Seeding twice (a restart) replaces the same windows: nothing doubles.
  await seedDemoCachesAndHealth(store.orgId, END);
  const rows = await cacheReport(store.orgId, new Date("2026-09-01T00:00:00Z"), END, "cache");
  const names = rows.filter((r) => r.layer === "application").map((r) => [r.cache, r.kind]);
  assert.deepEqual(names.sort(), [["support-semantic", "semantic"], ["triage-answers", "exact"]]);
  for (const r of rows.filter((x) => x.layer === "application")) {
    assert.ok(r.hits > 0 && r.hits < r.lookups);
    assert.ok(r.latency_ms_p50 !== null && r.latency_ms_p95 !== null && r.latency_ms_p95 >= r.latency_ms_p50);
    assert.ok(r.bytes_stored !== null && r.bytes_stored > 0);
  }
  const once = rows.find((r) => r.cache === "triage-answers")!;
  const again = (await cacheReport(store.orgId, new Date("2026-09-01T00:00:00Z"), END, "cache")).find((r) => r.cache === "triage-answers")!;
  assert.equal(again.lookups, once.lookups);
});

test("demo events carry http_status and ttft on every call to the provider and rate-limit headers on a share, all valid", () => {
  let n = 0, withStatus = 0, withLimits = 0;
  // the original features: the planted large ones (lib/demo/planted.ts) send no rate-limit headers
  for (const ev of demoEvents(END, 3, 42, false)) {
    n++;
    const r = normalizeEvent(ev, "demo", END.getTime(), { maxTokensPerBucket: 10_000_000 });
    assert.ok(r.ok, JSON.stringify(r));
    if (r.event.httpStatus) withStatus++;
    if (r.event.rateLimit) {
      withLimits++;
      const rl = r.event.rateLimit;
      assert.ok(rl.tokensRemaining! <= rl.tokensLimit! && rl.tokensRemaining! / rl.tokensLimit! >= 0.1, "stays above the default alert share");
    }
  }
  assert.ok(n > 500);
  assert.ok(withStatus > n * 0.8);
  assert.ok(withLimits > n * 0.3 && withLimits < n);
});
