/**
 * Integration: quarterlyReport over the embedded ClickHouse and SQLite (temp DATA_DIR), on hand-made
 * events, budgets and alerts whose figures are computed by hand below. Prices: gpt-4o input $2.50,
 * output $10 per 1M tokens; gpt-4o-mini input $0.15, output $0.60.
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { querySpend } from "@/lib/analytics/spend";
import { createBudget } from "@/lib/budgets/service";
import { createSlo } from "@/lib/slos/service";
import { db } from "@/lib/db/prisma";
import { ingestEvents } from "@/lib/ingest/ingest-batch";
import { quarterlyReport } from "./report";
import type { QuarterlyReport } from "./types";

let store: TempStore;
let orgB = "";
let empty = "";
const NOW = new Date("2026-10-10T00:00:00Z"); // Q3 2026 complete (events must be in the real past)
const ev = (id: string, timestamp: string, model: string, input: number, output: number, dims: Record<string, unknown> = {}) => ({
  id, timestamp, provider: "openai", model, usage: { input_tokens: input, output_tokens: output }, ...dims,
});

before(async () => {
  store = await openTempStore();
  orgB = await store.createOrg("B");
  empty = await store.createOrg("Empty");
  const a = [
    ev("a1", "2026-07-05T10:00:00Z", "gpt-4o", 1000, 100, { feature: "chat", team: "growth", customer: "acme", user: "u1" }), // $0.0035
    ev("a2", "2026-08-10T10:00:00Z", "gpt-4o-mini", 10_000, 1000, { feature: "search", team: "search", user: "u2" }), // $0.0021
    ev("a3", "2026-08-11T10:00:00Z", "gpt-4o", 2000, 0, { feature: "chat", team: "growth", customer: "globex", user: "u1", tags: { action: "ticket_resolved" } }), // $0.005
    ev("a4", "2026-09-01T10:00:00Z", "gpt-4o", 0, 1000), // $0.01, no attribution
    ev("a-out", "2026-10-01T00:00:00Z", "gpt-4o", 1000, 0), // next quarter
  ];
  const b = [
    ev("b1", "2025-08-01T00:00:00Z", "gpt-4o", 1000, 100), // $0.0035, last year's Q3
    ev("b2", "2026-06-30T23:59:59Z", "gpt-4o", 2000, 0), // $0.005, Q2
    ev("b3", "2026-07-01T00:00:00Z", "gpt-4o", 0, 1000), // $0.01, Q3
  ];
  for (const [org, events] of [[store.orgId, a], [orgB, b]] as const) {
    const res = await ingestEvents(org, "k", events);
    assert.equal(res.accepted, events.length, JSON.stringify(res.results));
  }
});
after(async () => {
  await store?.close();
});

test("totals equal the read API's query for the same quarter; no previous data gives null, not 0", async () => {
  const r = await quarterlyReport(store.orgId, "2026-Q3", { now: NOW });
  assert.equal(r.total_spend_usd, "0.0206");
  const api = await querySpend({ orgId: store.orgId, from: new Date("2026-07-01Z"), to: new Date("2026-10-01Z"), groupBy: [], filters: {} });
  assert.equal(r.total_spend_usd, api[0].cost_usd_exact);
  assert.equal(r.requests, 4);
  assert.equal(r.previous.quarter, "2026-Q2");
  assert.equal(r.previous_total_spend_usd, null);
  assert.equal(r.change_vs_previous_usd, null);
  assert.equal(r.change_vs_previous_percent, null);
  assert.equal(r.last_year.quarter, "2025-Q3");
  assert.equal(r.last_year_total_spend_usd, null);
  assert.equal(r.complete, true);
  assert.equal(r.timezone, "UTC");
  assert.deepEqual(r.spend_by_month, [
    { month: "2026-07", cost_usd: "0.0035", requests: 1 },
    { month: "2026-08", cost_usd: "0.0071", requests: 2 },
    { month: "2026-09", cost_usd: "0.01", requests: 1 },
  ]);
  assert.equal(r.breakdowns.feature.top[0].previous_cost_usd, null);
});

test("previous quarter and the same quarter last year where data exists", async () => {
  const r = await quarterlyReport(orgB, "2026-Q3", { now: NOW });
  assert.equal(r.total_spend_usd, "0.01");
  assert.equal(r.previous_total_spend_usd, "0.005");
  assert.equal(r.change_vs_previous_usd, "0.005");
  assert.equal(r.change_vs_previous_percent, 100);
  assert.equal(r.last_year_total_spend_usd, "0.0035");
  assert.equal(r.change_vs_last_year_usd, "0.0065");
  assert.equal(r.change_vs_last_year_percent, 185.71);
  // a quarter with no events at all: total "0" but comparisons stay null where there is no data
  const q3 = await quarterlyReport(orgB, "2026-Q2", { now: NOW });
  assert.equal(q3.total_spend_usd, "0.005");
  assert.equal(q3.previous_total_spend_usd, null);
  const none = await quarterlyReport(empty, "2026-Q3", { now: NOW });
  assert.equal(none.total_spend_usd, "0");
  assert.equal(none.unit_economics.cost_per_request_usd, null);
  assert.equal(none.attribution.fully_attributed_percent, null);
});

test("breakdowns: top N and one 'other' line that sum to the total", async () => {
  const r = await quarterlyReport(store.orgId, "2026-Q3", { now: NOW, topN: 2 });
  const f = r.breakdowns.feature;
  assert.deepEqual(f.top.map((i) => [i.value, i.cost_usd, i.requests]), [["", "0.01", 1], ["chat", "0.0085", 2]]);
  assert.deepEqual(f.other, { count: 1, cost_usd: "0.0021", share_percent: 10.19, requests: 1 });
  assert.deepEqual(r.breakdowns.model.top.map((i) => [i.value, i.cost_usd]), [["gpt-4o", "0.0185"], ["gpt-4o-mini", "0.0021"]]);
  assert.equal(r.breakdowns.model.other, null);
});

test("unit economics: per request, user, action and 1M tokens by tier, set against seed 002", async () => {
  const u = (await quarterlyReport(store.orgId, "2026-Q3", { now: NOW })).unit_economics;
  assert.ok(Math.abs(u.cost_per_request_usd! - 0.0206 / 4) < 1e-12);
  assert.equal(u.users, 2);
  assert.ok(Math.abs(u.cost_per_user_usd! - 0.0106 / 2) < 1e-12);
  assert.deepEqual(u.actions.map((a) => [a.feature, a.action, a.actions, a.feature_cost_usd]), [["chat", "ticket_resolved", 1, "0.0085"]]);
  assert.ok(Math.abs(u.actions[0].cost_per_action_usd! - 0.0085) < 1e-12);
  const frontier = u.tiers.find((t) => t.tier === "frontier")!;
  assert.deepEqual(frontier.models, ["gpt-4o"]);
  assert.equal(frontier.cost_usd, "0.0185");
  assert.equal(frontier.tokens, 4100);
  assert.ok(Math.abs(frontier.cost_per_mtok_usd! - (0.0185 / 4100) * 1e6) < 1e-9);
  const small = u.tiers.find((t) => t.tier === "small")!;
  assert.ok(Math.abs(small.cost_per_mtok_usd! - (0.0021 / 11_000) * 1e6) < 1e-9);
  // $0.19 per 1M is under the seed's world-class band for GPT-3.5 class ($0.20-0.40)
  assert.equal(small.benchmark?.place, "below world class");
  assert.equal(small.benchmark?.world_class, "$0.2-$0.4");
  assert.match(frontier.benchmark?.note ?? "", /blended/);
  assert.equal(u.cost_per_request_benchmark?.place, "world class"); // $0.00515 is inside $0.005-0.02
});

test("attribution coverage: share of spend with feature, team, customer set", async () => {
  const a = (await quarterlyReport(store.orgId, "2026-Q3", { now: NOW })).attribution;
  assert.equal(a.total_cost_usd, "0.0206");
  assert.equal(a.feature_percent, 51.45); // 0.0106 / 0.0206, truncated to 2 decimals
  assert.equal(a.team_percent, 51.45);
  assert.equal(a.customer_percent, 41.26); // 0.0085 / 0.0206
  assert.equal(a.fully_attributed_percent, 41.26);
  assert.equal(a.billed, null, "no provider billing data");
});

test("the SLO section carries each SLO's attainment over the quarter, not over its own window", async () => {
  // chat in Q3: a1 costs $0.0035 (good at a $0.004 objective), a3 $0.005 (bad): 50% attained.
  await createSlo(store.orgId, "test", { name: "Chat unit cost", scope: { feature: "chat" }, objective: "cost_per_request", threshold: "0.004", target: 50 });
  const r: QuarterlyReport = await quarterlyReport(store.orgId, "2026-Q3", { now: NOW });
  assert.ok(r.slos.available);
  const slo = r.slos.slos.find((s) => s.name === "Chat unit cost")!;
  assert.deepEqual([slo.attainment_percent, slo.target_percent, slo.error_budget_remaining_percent, slo.met], [50, 50, 0, true]);
  const none = await quarterlyReport(empty, "2026-Q3", { now: NOW });
  assert.ok(none.slos.available);
  assert.deepEqual(none.slos.slos, []);
  // the recommendations section is read from lib/recommendations: nothing recommended yet is zeros, not "not available"
  assert.ok(none.recommendations.available);
  assert.deepEqual([none.recommendations.opened, none.recommendations.realized_savings_usd, none.recommendations.top_candidates], [0, "0", []]);
});

test("budget variance per budget over its own periods in the quarter", async () => {
  await createBudget(store.orgId, "test", { name: "Growth monthly", scope: { team: "growth" }, amount_usd: "0.004", period: "month", timezone: "UTC" });
  await createBudget(store.orgId, "test", { name: "Org quarter", scope: {}, amount_usd: "0.02", period: "quarter", timezone: "UTC" });
  const r = await quarterlyReport(store.orgId, "2026-Q3", { now: NOW });
  const monthly = r.budgets.find((b) => b.name === "Growth monthly")!;
  assert.deepEqual(
    monthly.periods.map((p) => [p.period_start.slice(0, 10), p.actual_usd, p.variance_usd, p.variance_percent, p.partial, p.in_progress]),
    [
      ["2026-07-01", "0.0035", "-0.0005", -12.5, false, false],
      ["2026-08-01", "0.005", "0.001", 25, false, false],
      ["2026-09-01", "0", "-0.004", -100, false, false],
    ],
  );
  assert.equal(monthly.total_amount_usd, "0.012");
  assert.equal(monthly.total_actual_usd, "0.0085");
  assert.equal(monthly.total_variance_usd, "-0.0035");
  assert.equal(monthly.over_budget_periods, 1);
  const quarterly = r.budgets.find((b) => b.name === "Org quarter")!;
  assert.equal(quarterly.periods.length, 1);
  assert.equal(quarterly.total_actual_usd, "0.0206");
  assert.equal(quarterly.total_variance_percent, 3);
  // while the quarter runs, periods not started yet are left out and the current one is in progress
  const during = await quarterlyReport(store.orgId, "2026-Q3", { now: new Date("2026-08-15T00:00:00Z") });
  const m2 = during.budgets.find((b) => b.name === "Growth monthly")!;
  assert.deepEqual(m2.periods.map((p) => [p.period_start.slice(0, 10), p.in_progress]), [["2026-07-01", false], ["2026-08-01", true]]);
  assert.equal(during.complete, false);
});

test("alerts: counts by kind and severity, median time to acknowledge and to resolve", async () => {
  const base = { orgId: orgB, title: "t", scope: "{}", numbers: "{}", cause: "[]", sourceType: "monitor", sourceId: "m", level: 1 };
  const at = (s: string, plusS = 0) => new Date(Date.parse(s) + plusS * 1000);
  await db().alert.createMany({
    data: [
      { ...base, kind: "budget", severity: "warning", dedupKey: "x1", state: "resolved", openedAt: at("2026-07-02T10:00:00Z"), acknowledgedAt: at("2026-07-02T10:00:00Z", 60), resolvedAt: at("2026-07-02T10:00:00Z", 600) },
      { ...base, kind: "anomaly", severity: "critical", dedupKey: "x2", state: "resolved", openedAt: at("2026-08-03T00:00:00Z"), acknowledgedAt: at("2026-08-03T00:00:00Z", 180), resolvedAt: at("2026-08-03T00:00:00Z", 3600) },
      { ...base, kind: "anomaly", severity: "critical", dedupKey: "x3", state: "open", openedAt: at("2026-08-05T00:00:00Z") },
      { ...base, kind: "anomaly", severity: "warning", dedupKey: "x4", state: "resolved", openedAt: at("2026-06-30T23:00:00Z"), resolvedAt: at("2026-07-01T01:00:00Z") },
    ],
  });
  const a = (await quarterlyReport(orgB, "2026-Q3", { now: NOW })).alerts;
  assert.equal(a.total, 3);
  assert.deepEqual(a.by_kind, { budget: 1, anomaly: 2 });
  assert.deepEqual(a.by_severity, { warning: 1, critical: 2 });
  assert.deepEqual(a.by_kind_and_severity, [
    { kind: "anomaly", severity: "critical", count: 2 },
    { kind: "budget", severity: "warning", count: 1 },
  ]);
  assert.equal(a.median_time_to_acknowledge_seconds, 120);
  assert.equal(a.median_time_to_resolve_seconds, 2100);
  assert.equal(a.still_open, 1);
  assert.equal((await quarterlyReport(store.orgId, "2026-Q3", { now: NOW })).alerts.median_time_to_resolve_seconds, null);
});

test("a malformed or future quarter is refused by name", async () => {
  await assert.rejects(quarterlyReport(store.orgId, "2026Q4", { now: NOW }), /quarter: expected a quarter written YYYY-Qn/);
  await assert.rejects(quarterlyReport(store.orgId, "2027-Q1", { now: NOW }), /quarter: 2027-Q1 has not started yet/);
});
