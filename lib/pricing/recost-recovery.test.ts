/**
 * Integration: a re-cost cut short by a crash is queued again at start-up and its re-run is exact:
 * events already re-costed are skipped, no version is ever cancelled twice, and the rollup matches
 * the raw events. Embedded ClickHouse + SQLite in a temp DATA_DIR.
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { chInsert, chQuery } from "@/lib/clickhouse/query";
import { db } from "@/lib/db/prisma";
import { ingestEvents } from "@/lib/ingest/ingest-batch";
import { querySpend } from "@/lib/analytics/spend";
import { rawRollupMismatches } from "@/lib/ledger/consistency";
import { createOverride } from "./overrides";
import { recostRange, requeueInterruptedRecosts, runNextQueuedRecost } from "./recost";
import { LLM_EVENTS } from "@/lib/clickhouse/tables";

let store: TempStore;
before(async () => {
  store = await openTempStore();
});
after(async () => {
  await store?.close();
});

const MODEL = "claude-sonnet-4-20250514";
// 8 events 3 h apart from 2026-09-30 15:00, so re-cost windows cross the month boundary.
const EVENTS = Array.from({ length: 8 }, (_, i) => ({
  id: `e-${i}`,
  timestamp: new Date(Date.UTC(2026, 8, 30, 15 + 3 * i)).toISOString(),
  provider: "anthropic",
  model: MODEL,
  usage: { input_tokens: 1000, output_tokens: 100 },
}));
const FROM = new Date("2026-09-30T00:00:00Z");
const TO = new Date("2026-10-03T00:00:00Z");
// list $3 in / $15 out = $0.0045 an event; override $1.5 / $7.5 = $0.00225
const LIST = 1000 * 3_000_000 + 100 * 15_000_000;
const OVERRIDE = 1000 * 1_500_000 + 100 * 7_500_000;

/** Per event and version, the sum of signs: 1 for the live version, 0 for a cancelled one. */
async function versionSigns(org: string) {
  return chQuery<{ event_id: string; version: number; s: string }>(
    `SELECT event_id, version, sum(sign) AS s FROM ${LLM_EVENTS} WHERE org_id = {org:String} GROUP BY event_id, version ORDER BY event_id, version`,
    { tag: "test", params: { org } },
  );
}

async function total(org: string) {
  const [t] = await querySpend({ orgId: org, from: FROM, to: TO, groupBy: [], filters: {} });
  return t;
}

test("a job left running by a crash is queued again and its re-run finishes exactly", async () => {
  const org = store.orgId;
  assert.equal((await ingestEvents(org, "k", EVENTS)).accepted, 8);
  assert.equal((await total(org)).cost_usd, (8 * LIST) / 1e12);
  await createOverride(org, { provider: "anthropic", modelPattern: "claude-sonnet-4*", effectiveFrom: "2026-01-01T00:00:00Z", inputPerMtok: "1.5", outputPerMtok: "7.5" });
  // The crashed run had re-costed the first day when the process died, leaving its job "running".
  await recostRange(org, FROM, new Date("2026-10-01T00:00:00Z"), "first part, before the crash");
  const crashed = await db().recostJob.create({ data: { orgId: org, fromTs: FROM, toTs: TO, status: "running", reason: "cut short" } });

  assert.equal(await requeueInterruptedRecosts(), 1);
  assert.equal((await db().recostJob.findUniqueOrThrow({ where: { id: crashed.id } })).status, "queued");
  assert.equal(await runNextQueuedRecost(), true);
  const job = await db().recostJob.findUniqueOrThrow({ where: { id: crashed.id } });
  assert.equal(job.status, "done");
  assert.equal(job.eventsScanned, 8);
  assert.equal(job.eventsChanged, 5, "the 3 events of the first day were already re-costed");

  const t = await total(org);
  assert.equal(t.requests, 8);
  assert.equal(t.cost_usd, (8 * OVERRIDE) / 1e12);
  for (const v of await versionSigns(org)) assert.ok(Number(v.s) === 0 || Number(v.s) === 1, JSON.stringify(v));
  assert.deepEqual(await rawRollupMismatches(org), []);
  assert.equal(await requeueInterruptedRecosts(), 0, "nothing is left running");
});

test("a version already cancelled is never cancelled again, whatever state a write left", async () => {
  const org = await store.createOrg("half pair");
  await ingestEvents(org, "k", [EVENTS[0]]);
  // Only the cancelling half of a pair: the event has no live version left.
  const [live] = await chQuery<Record<string, unknown>>(
    `SELECT * EXCEPT (ingested_at) FROM ${LLM_EVENTS} WHERE org_id = {org:String}`,
    { tag: "test", params: { org } },
  );
  await chInsert(LLM_EVENTS, [{ ...live, sign: -1 }], { tag: "test" });
  await createOverride(org, { provider: "anthropic", modelPattern: MODEL, effectiveFrom: "2026-01-01T00:00:00Z", inputPerMtok: "2", outputPerMtok: "8" });
  const r = await recostRange(org, FROM, TO, "after a half-written pair");
  assert.equal(r.changed, 0);
  assert.deepEqual((await versionSigns(org)).map((v) => Number(v.s)), [0], "version 1 cancelled once, not twice");
});
