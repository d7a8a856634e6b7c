/**
 * Integration: budget status and conditions from the real embedded ClickHouse, events written through
 * the product's ingest path. gpt-4o input is $2.50 per Mtok, so 400,000 input tokens cost exactly $1.
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { Evaluation } from "@/lib/alert-contract/condition";
import { ingestEvents } from "@/lib/ingest/ingest-batch";
import { makeBudgetEvaluationWorker } from "@/workers/budget-evaluation";
import { budgetConditions } from "./conditions";
import { createBudget, updateBudget } from "./service";
import { budgetStatuses } from "./status";
import type { BudgetConfig } from "./types";

let store: TempStore;
const NOW = new Date("2026-11-20T12:30:00Z");
const actor = "cli";

const dollar = (id: string, timestamp: string, extra: Record<string, string> = {}) => ({
  id, timestamp, provider: "openai", model: "gpt-4o", usage: { input_tokens: 400_000, output_tokens: 0 }, ...extra,
});

before(async () => {
  store = await openTempStore();
  const events = [
    // November (UTC): 6 x $1 for team growth, 2 x $1 for team search
    ...Array.from({ length: 6 }, (_, i) => dollar(`g-${i}`, `2026-11-${String(2 + i * 3).padStart(2, "0")}T10:00:00Z`, { team: "growth", customer: "acme" })),
    dollar("s-1", "2026-11-19T10:00:00Z", { team: "search", customer: "acme" }),
    dollar("s-2", "2026-11-20T11:00:00Z", { team: "search", customer: "globex" }),
    // October: the previous month, $3
    ...Array.from({ length: 3 }, (_, i) => dollar(`oct-${i}`, `2026-10-1${i}T10:00:00Z`, { team: "growth" })),
    // 23:30 UTC on Oct 31 is November 1 in Berlin, October in UTC
    dollar("edge", "2026-10-31T23:30:00Z", { team: "growth" }),
    // an unpriced model: counted beside the budget, never as $0
    { id: "u-1", timestamp: "2026-11-18T10:00:00Z", provider: "selfhost", model: "private-7b", team: "growth", usage: { input_tokens: 500, output_tokens: 20 } },
    // another organization's spend must never count
  ];
  const res = await ingestEvents(store.orgId, "k", events);
  assert.equal(res.accepted, events.length, JSON.stringify(res.results.filter((r) => r.status !== "accepted")));
  const other = await store.createOrg("Other");
  await ingestEvents(other, "k", [dollar("x-1", "2026-11-10T10:00:00Z", { team: "growth" })]);
});
after(async () => {
  await store?.close();
});

const create = (body: Record<string, unknown>) => createBudget(store.orgId, actor, { thresholds: [50, 75, 90, 100], ...body } as never);

test("spent, remaining, percent, previous period and unpriced usage per scope, from grouped reads", async () => {
  const org = await create({ name: "Org", scope: {}, amount_usd: "20", period: "month", timezone: "UTC" });
  const growth = await create({ name: "Growth", scope: { team: "growth" }, amount_usd: "8", period: "month", timezone: "UTC", parent_id: org.id });
  const search = await create({ name: "Search", scope: { team: "search" }, amount_usd: "4", period: "month", timezone: "UTC", parent_id: org.id });
  const acmeGrowth = await create({ name: "Acme growth", scope: { team: "growth", customer: "acme" }, amount_usd: "5", period: "month", timezone: "UTC" });
  const berlin = await create({ name: "Growth Berlin", scope: { team: "growth" }, amount_usd: "100", period: "month", timezone: "Europe/Berlin" });
  const all = await budgetStatuses(store.orgId, [org, growth, search, acmeGrowth, berlin], { now: NOW });
  const by = (b: BudgetConfig) => all.find((x) => x.id === b.id)!.status;

  assert.equal(by(org).spentUsd, "8");
  assert.equal(by(org).remainingUsd, "12");
  assert.equal(by(org).percent, 40);
  assert.equal(by(org).previousPeriodUsd, "4"); // October in UTC includes the 23:30 event
  assert.equal(by(org).unpricedRequests, 1);
  assert.equal(by(org).unpricedTokens, 520);
  assert.equal(by(org).requests, 9);

  assert.equal(by(growth).spentUsd, "6");
  assert.equal(by(growth).percent, 75);
  assert.equal(by(search).spentUsd, "2");
  assert.equal(by(acmeGrowth).spentUsd, "6");
  assert.equal(by(acmeGrowth).remainingUsd, "0");
  assert.equal(by(acmeGrowth).blocked, true);
  assert.equal(by(growth).blocked, false);
  // Berlin's November began at 23:00 UTC on Oct 31
  assert.equal(by(berlin).spentUsd, "7");
  assert.equal(by(berlin).periodStart, "2026-10-31T23:00:00.000Z");
  assert.equal(by(berlin).previousPeriodUsd, "3");

  // nesting: children's amounts (8 + 4) stay under the parent's 20
  assert.deepEqual(by(org).children, { count: 2, amountUsd: "12", spentUsd: "8", amountOverParent: false, spentOverParent: false });
  await updateBudget(store.orgId, actor, search.id, { amount_usd: "15" });
  const again = await budgetStatuses(store.orgId, [org, growth, { ...search, amountUsd: "15" }], { now: NOW });
  assert.equal(again[0].status.children.amountOverParent, true);
});

test("the daily allowance, the run-out date and the forecast interval around the point forecast", async () => {
  const b = await create({ name: "Tight", scope: { team: "growth" }, amount_usd: "9", period: "month", timezone: "UTC" });
  const [s] = (await budgetStatuses(store.orgId, [b], { now: NOW })).map((x) => x.status);
  // Nov 20 12:30 UTC: 19.5208 days gone, 10.479 left; $3 left
  assert.ok(Math.abs(s.dailyAllowedUsd - 3 / (30 - s.daysElapsed)) < 1e-6);
  assert.ok(Math.abs(s.daysElapsed - (19 + 12.5 / 24)) < 1e-6);
  // $6 in 19.52 days: $3 more takes 9.76 days -> runs out on Nov 30
  assert.equal(s.runsOutOn, "2026-11-30");
  assert.ok(s.forecastLowUsd <= s.forecastUsd && s.forecastUsd <= s.forecastHighUsd);
  assert.ok(s.forecastLowUsd >= 6, "the forecast never falls below what is already spent");
});

test("conditions: the highest crossed threshold per basis, the same key on every pass, a new key after a raise", async () => {
  const b = await create({ name: "Growth alerts", scope: { team: "growth" }, amount_usd: "7", period: "month", timezone: "UTC", forecast_alerts: false, channels: ["ch-1"] });
  const pass = async (budget: BudgetConfig) => budgetConditions((await budgetStatuses(store.orgId, [budget], { now: NOW }))[0]);
  const first = await pass(b);
  assert.equal(first.length, 1);
  const [c] = first;
  // $6 of $7 = 85.7%: past 75, not 90
  assert.equal(c.kind, "budget");
  assert.equal(c.level, 75);
  assert.equal(c.severity, "warning");
  assert.equal(c.dedupKey, `budget:${b.id}:2026-11-01T00:00:00.000Z:actual:7`);
  assert.equal(c.numbers.threshold, 75);
  assert.equal(c.numbers.value, 6);
  assert.equal(c.numbers.amount, 7);
  assert.deepEqual(c.scope, { team: "growth" });
  assert.deepEqual(c.channelIds, ["ch-1"]);
  assert.equal(c.url, `/budgets/${b.id}`);
  const second = await pass(b);
  assert.deepEqual(second, first, "the same spend gives the same conditions on every pass");

  const raised = await updateBudget(store.orgId, actor, b.id, { amount_usd: "11.50" });
  const [r] = await pass(raised!);
  assert.equal(r.dedupKey, `budget:${b.id}:2026-11-01T00:00:00.000Z:actual:11.5`);
  assert.equal(r.level, 50); // $6 of $11.50 = 52%
  assert.equal(r.severity, "info");

  // the next period is a new key at the same amount: a daily budget crossed on two days
  const daily = await create({ name: "Search daily", scope: { team: "search" }, amount_usd: "1", period: "day", timezone: "UTC", forecast_alerts: false });
  const day1 = budgetConditions((await budgetStatuses(store.orgId, [daily], { now: new Date("2026-11-19T12:00:00Z") }))[0]);
  const day2 = budgetConditions((await budgetStatuses(store.orgId, [daily], { now: NOW }))[0]);
  assert.equal(day1[0].dedupKey, `budget:${daily.id}:2026-11-19T00:00:00.000Z:actual:1`);
  assert.equal(day2[0].dedupKey, `budget:${daily.id}:2026-11-20T00:00:00.000Z:actual:1`);
  assert.equal(day1[0].level, 100);
  assert.equal(day1[0].severity, "critical");
});

test("forecast conditions use the point forecast and their own key", async () => {
  const b = await create({ name: "Forecast", scope: { team: "search" }, amount_usd: "2.5", period: "month", timezone: "UTC" });
  const [st] = await budgetStatuses(store.orgId, [b], { now: NOW });
  const conds = budgetConditions(st);
  const f = conds.find((c) => c.kind === "budget_forecast");
  assert.ok(st.status.forecastUsd > 2, `forecast ${st.status.forecastUsd}`);
  assert.ok(f, "a forecast past 50% fires");
  assert.equal(f.dedupKey, `budget:${b.id}:2026-11-01T00:00:00.000Z:forecast:2.5`);
  assert.equal(f.numbers.value, st.status.forecastUsd);
  assert.ok(f.level <= st.status.forecastPercent);
});

test("the worker hands one evaluation per budget to its sink, every organization's budgets included", async () => {
  const seen: Evaluation[] = [];
  const worker = makeBudgetEvaluationWorker(async (batch) => void seen.push(...batch));
  assert.equal(worker.intervalMs, 15_000);
  await worker.run({ log: (l) => assert.fail(l) });
  const live = await (await import("./repository")).listBudgets(store.orgId);
  assert.equal(seen.length, live.length);
  for (const e of seen) {
    assert.equal(e.source.type, "budget");
    assert.equal(e.orgId, store.orgId);
    for (const c of e.conditions) assert.match(c.dedupKey, new RegExp(`^budget:${e.source.id}:`));
  }
});
