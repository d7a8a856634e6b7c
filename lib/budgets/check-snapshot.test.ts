/**
 * Integration: the gateway check's snapshot against the full status pass, on the real embedded
 * ClickHouse with events written through the ingest path. gpt-4o input is $2.50 per Mtok, so 400,000
 * input tokens cost exactly $1.
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { ingestEvents } from "@/lib/ingest/ingest-batch";
import { selectStatementsDuring } from "@/lib/testing/statement-count";
import { buildCheckSnapshot } from "./check-snapshot";
import { insertBudget, listAllBudgets, listBudgets } from "./repository";
import { createBudget } from "./service";
import { budgetStatuses } from "./status";

let store: TempStore;
// A Sunday, the first of the month: day, week (from Sunday) and month periods all start at the same instant.
const NOW = new Date("2026-11-01T18:00:00Z");
const dollar = (id: string, timestamp: string, team: string) => ({
  id, timestamp, provider: "openai", model: "gpt-4o", team, usage: { input_tokens: 400_000, output_tokens: 0 },
});

before(async () => {
  store = await openTempStore();
  const res = await ingestEvents(store.orgId, "k", [
    dollar("a", "2026-11-01T02:00:00Z", "growth"),
    dollar("b", "2026-11-01T10:00:00Z", "growth"),
    dollar("c", "2026-10-31T23:30:00Z", "growth"), // November 1 in Berlin, October in UTC
    dollar("d", "2026-11-01T11:00:00Z", "search"),
  ]);
  assert.equal(res.accepted, 4);
});
after(async () => {
  await store?.close();
});

const create = (body: Record<string, unknown>) => createBudget(store.orgId, "cli", { thresholds: [100], ...body } as never);

test("the snapshot's spend equals the full status pass (day, week and month; UTC and Berlin)", async () => {
  await create({ name: "Growth day", scope: { team: "growth" }, amount_usd: "4", period: "day", timezone: "UTC", block_at_percent: 50 });
  await create({ name: "Growth week", scope: { team: "growth" }, amount_usd: "10", period: "week", timezone: "UTC", week_starts_on: 0 });
  await create({ name: "Growth month Berlin", scope: { team: "growth" }, amount_usd: "10", period: "month", timezone: "Europe/Berlin" });
  await create({ name: "Org month", scope: {}, amount_usd: "100", period: "month", timezone: "UTC" });
  const snap = await buildCheckSnapshot(store.orgId, { force: true, now: NOW });
  const full = await budgetStatuses(store.orgId, await listBudgets(store.orgId), { now: NOW, forecast: false });
  assert.equal(snap.entries.length, 4);
  for (const b of full) {
    const e = snap.entries.find((x) => x.answer.id === b.id)!.answer;
    assert.equal(e.spent_usd, b.status.spentUsd, b.name);
    assert.equal(e.remaining_usd, b.status.remainingUsd, b.name);
    assert.equal(e.period_end, b.status.periodEnd, b.name);
    assert.equal(e.blocked, b.status.blocked, b.name);
  }
  const by = (name: string) => snap.entries.find((x) => x.answer.name === name)!.answer;
  assert.equal(by("Growth day").spent_usd, "2");
  assert.equal(by("Growth day").blocked, true);
  assert.equal(by("Growth month Berlin").spent_usd, "3");
  assert.equal(by("Org month").spent_usd, "3");
});

test("a budget written by another process (no change signal here) is in the next rebuild", async () => {
  const before = await buildCheckSnapshot(store.orgId, { force: false, now: NOW });
  await insertBudget(store.orgId, {
    name: "Search day", scope: JSON.stringify({ team: "search" }), amountUsd: "1", period: "day", timezone: "UTC", fiscalYearStartMonth: 1,
    weekStartsOn: 1, thresholds: "[100]", forecastAlerts: false, blockAtPercent: 100, channelIds: "[]", parentId: null,
  });
  const next = await buildCheckSnapshot(store.orgId, { force: false, now: NOW });
  assert.equal(next.entries.length, before.entries.length + 1);
  const search = next.entries.find((x) => x.answer.name === "Search day")!.answer;
  assert.equal(search.spent_usd, "1");
  assert.equal(search.blocked, true);
  // Entries are kept between rebuilds only while their spend is the same: new spend shows at once.
  const again = await buildCheckSnapshot(store.orgId, { force: false, now: NOW });
  assert.deepEqual(again.entries.map((e) => e.answer), next.entries.map((e) => e.answer));
  assert.equal((await ingestEvents(store.orgId, "k", [dollar("e", "2026-11-01T12:00:00Z", "search")])).accepted, 1);
  const later = await buildCheckSnapshot(store.orgId, { force: false, now: NOW });
  assert.equal(later.entries.find((x) => x.answer.name === "Search day")!.answer.spent_usd, "2");
  assert.equal(later.entries.find((x) => x.answer.name === "Growth day")!.answer.spent_usd, "2");
});

test("with no ledger write and no period ended, a rebuild reads nothing from the engine; a write or a period's end makes it read again", async () => {
  await buildCheckSnapshot(store.orgId, { force: false, now: NOW });
  let snap = await buildCheckSnapshot(store.orgId, { force: false, now: NOW });
  assert.equal(await selectStatementsDuring(async () => (snap = await buildCheckSnapshot(store.orgId, { force: false, now: NOW }))), 0);
  assert.equal(snap.entries.find((x) => x.answer.name === "Search day")!.answer.spent_usd, "2");
  assert.equal((await ingestEvents(store.orgId, "k", [dollar("f", "2026-11-01T13:00:00Z", "search")])).accepted, 1);
  assert.ok((await selectStatementsDuring(async () => (snap = await buildCheckSnapshot(store.orgId, { force: false, now: NOW })))) > 0);
  assert.equal(snap.entries.find((x) => x.answer.name === "Search day")!.answer.spent_usd, "3");
  // The next day: the day budgets' period ended, so their spend starts again from the new day's events (none).
  const tomorrow = new Date("2026-11-02T01:00:00Z");
  assert.ok((await selectStatementsDuring(async () => (snap = await buildCheckSnapshot(store.orgId, { force: false, now: tomorrow })))) > 0);
  assert.equal(snap.entries.find((x) => x.answer.name === "Search day")!.answer.spent_usd, "0");
  assert.equal(snap.entries.find((x) => x.answer.name === "Org month")!.answer.spent_usd, "5");
});

test("the evaluation pass's list of every budget is read in pages and misses none, in creation order", async () => {
  const mine = await listBudgets(store.orgId);
  for (let i = 0; i < 450 - mine.length; i++) {
    await insertBudget(store.orgId, {
      name: `Bulk ${i}`, scope: JSON.stringify({ customer: `c-${i}` }), amountUsd: "5", period: "month", timezone: "UTC", fiscalYearStartMonth: 1,
      weekStartsOn: 1, thresholds: "[100]", forecastAlerts: false, blockAtPercent: 100, channelIds: "[]", parentId: null,
    });
  }
  const all = (await listAllBudgets()).get(store.orgId)!;
  assert.deepEqual(all.map((b) => b.id), (await listBudgets(store.orgId)).map((b) => b.id));
  assert.equal(new Set(all.map((b) => b.id)).size, 450);
});
