/** The demo's provider billing covers more than its request-level events: an unattributed share shows. */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { ingestEvents } from "@/lib/ingest/ingest-batch";
import { seedDemoProviderBilling } from "./demo";
import { reconcile } from "./reconcile";

let store: TempStore;
before(async () => {
  store = await openTempStore();
});
after(async () => {
  await store?.close();
});

test("demo billing: both providers, coverage between 80% and 90%, mapped projects", async () => {
  const end = new Date("2026-11-20T15:30:00Z");
  const events = [];
  for (let d = 1; d <= 5; d++) {
    for (const [provider, model, project] of [["openai", "gpt-4o-mini", "search"], ["anthropic", "claude-sonnet-4-20250514", "support-bot"]]) {
      events.push({ id: `${provider}-${d}`, timestamp: new Date(end.getTime() - d * 86_400_000).toISOString(), provider, model, project, usage: { input_tokens: 20_000 * d, output_tokens: 3000 } });
    }
  }
  await ingestEvents(store.orgId, "k", events);
  const seeded = await seedDemoProviderBilling(store.orgId, end);
  assert.ok(seeded.usageRows >= 10 && seeded.costRows >= 8);
  const rec = await reconcile(store.orgId, { from: new Date("2026-11-14T00:00:00Z"), to: new Date("2026-11-21T00:00:00Z"), groupBy: ["provider"] });
  assert.deepEqual(rec.rows.map((r) => r.provider).sort(), ["anthropic", "openai"]);
  for (const r of rec.rows) assert.ok(r.coverage! >= 0.79 && r.coverage! <= 0.9, `${r.provider} coverage ${r.coverage}`);
  const byTeam = await reconcile(store.orgId, { from: new Date("2026-11-14T00:00:00Z"), to: new Date("2026-11-21T00:00:00Z"), groupBy: ["team"] });
  assert.deepEqual(byTeam.rows.map((r) => r.team).sort(), ["", "growth", "support"]);
});
