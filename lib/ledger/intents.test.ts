/**
 * Integration (embedded ClickHouse): the intent log covers every hour a write is in flight on, with
 * stored intents, and clears them only once their hours are idle.
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { chQuery } from "@/lib/clickhouse/query";
import { IntentLog } from "./intents";
import type { OrgHours } from "./org-hours";
import { LEDGER_INTENTS } from "@/lib/clickhouse/tables";

let store: TempStore;
before(async () => {
  store = await openTempStore();
});
after(async () => {
  await store?.close();
});

const hours = (org: string, ...h: string[]): OrgHours => new Map([[org, new Set(h.map((x) => `2026-03-01 ${x}:00:00`))]]);

/** Hours of `org` covered by intents stored and not cleared. */
async function openHours(log: IntentLog, org: string): Promise<string[]> {
  const open = await log.listOpen();
  return open.flatMap((i) => [...(i.orgHours.get(org) ?? [])].map((h) => h.slice(11, 13))).sort();
}

async function intentsStored(org: string): Promise<number> {
  const [{ n }] = await chQuery<{ n: string }>(`SELECT countIf(sign = 1) AS n FROM ${LEDGER_INTENTS} WHERE org_id = {org:String}`, { tag: "test", params: { org } });
  return Number(n);
}

test("an hour is covered while a write is in flight, and cleared once it is idle", async () => {
  const log = new IntentLog(60_000);
  const a = await log.acquire(hours("o1", "10", "11"), "test");
  assert.deepEqual(await openHours(log, "o1"), ["10", "11"]);
  log.release(a);
  await log.flushClears();
  assert.deepEqual(await openHours(log, "o1"), []);
});

test("writes on hours already covered reuse the stored intent", async () => {
  const log = new IntentLog(60_000);
  const leases = [];
  for (let i = 0; i < 5; i++) leases.push(await log.acquire(hours("o2", "10"), "test"));
  leases.push(await log.acquire(hours("o2", "10", "12"), "test"));
  assert.equal(await intentsStored("o2"), 2, "one intent for hour 10, one for hour 12");
  for (const l of leases) log.release(l);
  await log.flushClears();
  assert.deepEqual(await openHours(log, "o2"), []);
});

test("concurrent writers on a new hour share one intent and all wait for it to be stored", async () => {
  const log = new IntentLog(60_000);
  const leases = await Promise.all([1, 2, 3].map(() => log.acquire(hours("o3", "09"), "test")));
  assert.equal(await intentsStored("o3"), 1);
  assert.deepEqual(await openHours(log, "o3"), ["09"]);
  for (const l of leases) log.release(l);
  await log.flushClears();
});

test("an intent is never cleared while any write on its hours is in flight", async () => {
  const log = new IntentLog(60_000);
  const first = await log.acquire(hours("o4", "10", "11"), "test");
  const second = await log.acquire(hours("o4", "11"), "test");
  log.release(first);
  await log.flushClears();
  assert.deepEqual(await openHours(log, "o4"), ["10", "11"], "hour 11 still has a write in flight");
  log.release(second);
  await log.flushClears();
  assert.deepEqual(await openHours(log, "o4"), []);
  // After the clear, the hour needs a new intent.
  const third = await log.acquire(hours("o4", "11"), "test");
  assert.deepEqual(await openHours(log, "o4"), ["11"]);
  assert.equal(await intentsStored("o4"), 2);
  log.release(third);
  await log.flushClears();
});

test("idle intents are cleared by themselves after the quiet time", async () => {
  const log = new IntentLog(50);
  log.release(await log.acquire(hours("o5", "08"), "test"));
  for (let i = 0; i < 100 && (await openHours(log, "o5")).length; i++) await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(await openHours(log, "o5"), []);
});
