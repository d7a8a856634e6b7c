/**
 * Integration: the ClickHouse migration "spend_hourly_mv: sign the unpriced tokens of cancelling
 * rows" (version 3) repairs a store whose rollup view (from migration 1) counted the unpriced tokens
 * of a cancelling row (sign -1) with the wrong sign. Here a store is migrated without it, an
 * unpriced event is priced by an override and re-cost (the broken rollup then shows its tokens as
 * unpriced twice), and the repair must rebuild exact totals.
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, test } from "node:test";
import { SPEND_HOURLY_MV } from "@/lib/clickhouse/tables";
import assert from "node:assert/strict";
import { migrations } from "@/lib/clickhouse/migrations";
import { migrateClickhouse } from "@/lib/clickhouse/migrate";
import { ingestEvents } from "@/lib/ingest/ingest-batch";
import { createOverride } from "@/lib/pricing/overrides";
import { recostRange } from "@/lib/pricing/recost";
import { querySpend } from "./spend";

let store: TempStore | undefined;
after(async () => {
  await store?.close();
});

test("the rollup repair migration rebuilds the rollup: unpriced tokens cancel, every other total is kept", async () => {
  // every migration except the rollup repair (found by what it does, not by its number)
  const repair = migrations.find((m) => m.version > 1 && m.statements.includes(`DROP VIEW IF EXISTS ${SPEND_HOURLY_MV}`));
  assert.ok(repair, "the rollup repair migration exists");
  migrations.splice(migrations.indexOf(repair), 1);
  store = await openTempStore();
  migrations.push(repair);
  const org = store.orgId;
  const total = async () => (await querySpend({ orgId: org, from: new Date("2026-10-01T00:00:00Z"), to: new Date("2026-11-01T00:00:00Z"), groupBy: [], filters: {} }))[0];

  await ingestEvents(org, "k", [
    { id: "u", timestamp: "2026-10-11T12:00:00Z", provider: "acme", model: "acme-llm-7b", usage: { input_tokens: 1000, output_tokens: 234 }, latency_ms: 5, cache: "hit" },
    { id: "p", timestamp: "2026-10-12T12:00:00Z", provider: "openai", model: "gpt-4o", usage: { input_tokens: 1000, cache_read_tokens: 100, output_tokens: 234 }, status: "error" },
  ]);
  await createOverride(org, { provider: "acme", modelPattern: "acme-llm-7b", effectiveFrom: "2026-01-01T00:00:00Z", inputPerMtok: "0.4", outputPerMtok: "1.6" });
  await recostRange(org, new Date("2026-10-11T00:00:00Z"), new Date("2026-10-13T00:00:00Z"), "price acme");
  const broken = await total();
  assert.equal(broken.unpriced_requests, 0);
  assert.equal(broken.unpriced_tokens, 2 * 1234, "the defect this migration repairs");

  assert.deepEqual(await migrateClickhouse(), [repair.version]);
  const fixed = await total();
  assert.equal(fixed.unpriced_tokens, 0);
  assert.deepEqual(fixed, { ...broken, unpriced_tokens: 0 });
  // $0.40 x 1000 + $1.60 x 234 (acme override) + $2.50 x 900 + $1.25 x 100 + $10 x 234 (gpt-4o), per Mtok
  assert.equal(fixed.cost_usd_exact, "0.0054894");

  // and the new view keeps it right for new inserts
  await ingestEvents(org, "k", [{ id: "n", timestamp: "2026-10-12T13:00:00Z", provider: "nope", model: "x", usage: { input_tokens: 10, output_tokens: 1 } }]);
  assert.equal((await total()).unpriced_tokens, 11);
});
