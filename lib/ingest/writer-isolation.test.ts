/**
 * Integration (embedded ClickHouse): one request in a group commit never fails another. A request
 * the engine refuses (a lone surrogate written straight to the writer, past validation) fails
 * alone; backfills of any span, alone or meeting in one flush, are stored and counted; whatever a
 * failed request did store is counted exactly once.
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { ingestEvents } from "./ingest-batch";
import { eventWriter } from "./writer";
import { toEventRow, type EventRow } from "./rows";
import { storedIdIndex } from "./stored-id-index";
import { chQuery } from "@/lib/clickhouse/query";
import { rawRollupMismatches } from "@/lib/ledger/consistency";
import { LLM_EVENTS, SPEND_HOURLY } from "@/lib/clickhouse/tables";

// Long enough that requests sent together share one flush (env() is read after this line).
process.env.INGEST_FLUSH_MS = "300";

let store: TempStore;
before(async () => {
  store = await openTempStore();
});
after(async () => {
  await store?.close();
});

const PRICE = { priced: true, costPico: 7_000_000, cacheSavingsPico: 0, priceSource: "catalog" as const, priceRef: "test" };

function row(org: string, id: string, ts: Date, model = "gpt-4o-mini"): EventRow {
  return toEventRow(
    org,
    "k",
    {
      id, timestamp: ts, provider: "openai", model, project: "", feature: "backfill", team: "", user: "", customer: "", environment: "",
      tokens: { inputUncached: 10, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 5, reasoning: 0 },
      latencyMs: null, status: "ok", appCache: "", tags: {}, source: "api",
    },
    PRICE,
  );
}

/** One event on the 10th of each of `months` consecutive months from `start` (UTC year, month). */
function monthly(prefix: string, start: [number, number], months: number) {
  return Array.from({ length: months }, (_, i) => ({
    id: `${prefix}-${i}`,
    timestamp: new Date(Date.UTC(start[0], start[1] - 1 + i, 10, 12)).toISOString(),
    provider: "openai",
    model: "gpt-4o-mini",
    feature: "backfill",
    usage: { input_tokens: 10, output_tokens: 5 },
  }));
}

async function liveIds(org: string): Promise<string[]> {
  const rows = await chQuery<{ event_id: string }>(
    `SELECT event_id FROM ${LLM_EVENTS} WHERE org_id = {org:String} GROUP BY event_id HAVING sum(sign) > 0 ORDER BY event_id`,
    { tag: "test", params: { org } },
  );
  return rows.map((r) => r.event_id);
}

async function rollupRequests(org: string): Promise<number> {
  const [r] = await chQuery<{ n: string }>(`SELECT sum(requests) AS n FROM ${SPEND_HOURLY} WHERE org_id = {org:String}`, { tag: "test", params: { org } });
  return Number(r.n);
}

async function assertLedgerConsistent() {
  assert.deepEqual(await rawRollupMismatches(), [], "raw events and rollup agree in every org-hour");
}

test("a request the engine refuses fails alone; another organization's request in the same flush is stored", async () => {
  const orgA = await store.createOrg("bad neighbour");
  const orgB = await store.createOrg("innocent");
  const bad = [row(orgA, "a-1", new Date("2026-10-02T10:00:00Z")), row(orgA, "a-2", new Date("2026-10-02T10:00:00Z"), "\ud800")];
  const good = [row(orgB, "b-1", new Date("2026-10-02T10:00:00Z")), row(orgB, "b-2", new Date("2026-10-02T11:00:00Z"))];
  // Queued in the same tick: one flush.
  const [badResult, goodResult] = await Promise.allSettled([eventWriter().write(bad), eventWriter().write(good)]);
  assert.equal(badResult.status, "rejected", "the request holding the refused row gets the store error");
  assert.equal(goodResult.status, "fulfilled", "the other organization's request is stored");
  assert.deepEqual([...(goodResult as PromiseFulfilledResult<Set<string>>).value], [], "and answered accepted, not duplicate");
  assert.deepEqual(await liveIds(orgB), ["b-1", "b-2"]);
  assert.equal(await rollupRequests(orgB), 2);
  assert.deepEqual(await liveIds(orgA), [], "nothing of the refused request was stored");
  await assertLedgerConsistent();
  // A retry of the good request is a duplicate; the bad one still fails alone.
  assert.deepEqual([...(await eventWriter().write(good))].sort(), ["b-1", "b-2"]);
  await assert.rejects(eventWriter().write(bad));
});

test("an id shared with a failing request of the same flush is stored for the request that succeeds", async () => {
  const org = await store.createOrg("shared id");
  const ts = new Date("2026-10-03T09:00:00Z");
  const failing = [row(org, "s-1", ts), row(org, "s-bad", ts, "\ud800")];
  const succeeding = [row(org, "s-1", ts), row(org, "s-2", ts)];
  const [f, s] = await Promise.allSettled([eventWriter().write(failing), eventWriter().write(succeeding)]);
  assert.equal(f.status, "rejected");
  assert.equal(s.status, "fulfilled");
  assert.deepEqual([...(s as PromiseFulfilledResult<Set<string>>).value], [], "s-1 is accepted: it was not stored by the failed request");
  assert.deepEqual(await liveIds(org), ["s-1", "s-2"]);
  assert.equal(await rollupRequests(org), 2);
});

test("a backfill over 101 months is one request, stored and counted", async () => {
  const org = await store.createOrg("long backfill");
  const res = await ingestEvents(org, "k", monthly("long", [2010, 1], 101));
  assert.equal(res.accepted, 101);
  assert.equal((await liveIds(org)).length, 101);
  assert.equal(await rollupRequests(org), 101);
  await assertLedgerConsistent();
});

test("two 60-month backfills meeting in one flush are both stored", async () => {
  const orgA = await store.createOrg("backfill A");
  const orgB = await store.createOrg("backfill B");
  // Through ingestEvents (both wait for the same 300 ms flush) ...
  const [a, b] = await Promise.all([ingestEvents(orgA, "k", monthly("a", [2012, 1], 60)), ingestEvents(orgB, "k", monthly("b", [2016, 1], 60))]);
  assert.equal(a.accepted, 60);
  assert.equal(b.accepted, 60);
  // ... and straight to the writer in one tick, which is one flush for certain.
  const rowsC = monthly("c", [2012, 1], 60).map((e) => row(orgA, e.id, new Date(e.timestamp)));
  const rowsD = monthly("d", [2016, 1], 60).map((e) => row(orgB, e.id, new Date(e.timestamp)));
  const [c, d] = await Promise.all([eventWriter().write(rowsC), eventWriter().write(rowsD)]);
  assert.equal(c.size + d.size, 0);
  assert.equal(await rollupRequests(orgA), 120);
  assert.equal(await rollupRequests(orgB), 120);
  await assertLedgerConsistent();
});

test("a request that fails after part of it was stored: that part is counted once, and a retry completes it", async () => {
  // The id index is loaded by now (it started with the first write), so the ids below reach it
  // only through the writer.
  for (let i = 0; i < 600 && !storedIdIndex()?.filter(); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(storedIdIndex()?.filter(), "id index loaded");
  const org = await store.createOrg("partial");
  const other = await store.createOrg("partial neighbour");
  // 60 good months, then the refused row in a month of its own: the first INSERTs (24 months each)
  // are stored before the one holding the bad row fails.
  const good = monthly("p", [2015, 1], 60).map((e) => row(org, e.id, new Date(e.timestamp)));
  const bad = row(org, "p-bad", new Date("2021-06-10T12:00:00Z"), "\ud800");
  const neighbour = [row(other, "n-1", new Date("2026-10-04T08:00:00Z"))];
  const [p, n] = await Promise.allSettled([eventWriter().write([...good, bad]), eventWriter().write(neighbour)]);
  assert.equal(p.status, "rejected");
  assert.equal(n.status, "fulfilled");
  assert.deepEqual(await liveIds(other), ["n-1"]);
  const stored = await liveIds(org);
  assert.ok(stored.length < 60, "the failing request was not stored whole");
  assert.equal(await rollupRequests(org), stored.length, "what it stored is counted exactly once");
  await assertLedgerConsistent();
  for (const id of stored) assert.ok(storedIdIndex()!.filter()!.mightContain(`${org}\u0000${id}`), `the id index knows ${id}`);
  // The client fixes the bad event and retries: stored events are duplicates, the rest accepted.
  const dups = await eventWriter().write([...good, row(org, "p-bad", new Date("2021-06-10T12:00:00Z"))]);
  assert.deepEqual([...dups].sort(), [...stored].sort());
  assert.equal((await liveIds(org)).length, 61);
  assert.equal(await rollupRequests(org), 61);
  await assertLedgerConsistent();
});
