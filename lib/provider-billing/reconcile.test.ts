/**
 * Integration (embedded ClickHouse + SQLite): billed vs attributed to the pico-dollar, the mapping
 * grouping billed usage by product project/team, the overview's figures untouched by provider data,
 * and the coverage alert reaching the alert store.
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { ingestEvents } from "@/lib/ingest/ingest-batch";
import { querySpend } from "@/lib/analytics/spend";
import { applyEvaluation } from "@/lib/alerts/apply";
import { db } from "@/lib/db/prisma";
import { upsertUsage } from "./usage-table";
import { upsertCosts } from "./cost-table";
import { reconcile } from "./reconcile";
import { upsertMapping } from "./mappings";
import { evaluateCoverage, setCoverageSetting } from "./coverage-alert";
import type { CostBucketRow, UsageBucketRow } from "./types";

let store: TempStore;
before(async () => {
  store = await openTempStore();
});
after(async () => {
  await store?.close();
});

const day = new Date("2026-11-10T00:00:00Z");
const range = { from: day, to: new Date("2026-11-11T00:00:00Z") };
const usage = (hour: number, apiKeyId: string, inputUncached: number, output: number): UsageBucketRow => ({
  bucketStart: new Date(day.getTime() + hour * 3_600_000),
  projectId: "proj_a",
  apiKeyId,
  model: "gpt-4o-mini-2024-07-18",
  batch: "false",
  serviceTier: "default",
  contextWindow: "",
  tokens: { inputUncached, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output },
  requests: 10,
  webSearchRequests: 0,
});
const cost = (lineItem: string, amountPico: bigint): CostBucketRow => ({
  bucketStart: day,
  projectId: "proj_a",
  lineItem,
  model: lineItem.includes(",") ? "gpt-4o-mini-2024-07-18" : "",
  costType: "",
  tokenType: "",
  serviceTier: "",
  contextWindow: "",
  amountPico,
});

test("billed vs attributed per day, provider and model family; the overview does not change", async () => {
  const org = store.orgId;
  // The ledger: 1M input + 100k output of gpt-4o-mini at catalog $0.15 / $0.60 per 1M = $0.21.
  const r = await ingestEvents(org, "k", [
    { id: "e1", timestamp: "2026-11-10T09:15:00Z", provider: "openai", model: "gpt-4o-mini", project: "app", team: "growth", usage: { input_tokens: 1_000_000, output_tokens: 100_000 } },
  ]);
  assert.equal(r.results[0].status, "accepted");
  const overviewBefore = await querySpend({ orgId: org, ...range, groupBy: ["provider", "model"], filters: {} });

  await upsertUsage(org, "src-1", "openai", [usage(9, "key_a", 1_200_000, 150_000), usage(10, "key_b", 800_000, 50_000)]);
  await upsertCosts(org, "src-1", "openai", [cost("gpt-4o-mini-2024-07-18, input", 300_000_000_000n), cost("gpt-4o-mini-2024-07-18, output", 120_000_000_000n), cost("web search tool calls", 80_000_000_000n)]);
  // A re-pull of the same buckets replaces them.
  await upsertCosts(org, "src-1", "openai", [cost("web search tool calls", 80_000_000_000n)]);

  assert.deepEqual(await querySpend({ orgId: org, ...range, groupBy: ["provider", "model"], filters: {} }), overviewBefore, "provider data never enters the ledger's figures");

  const rec = await reconcile(org, { ...range, groupBy: ["day", "provider", "model"] });
  assert.equal(rec.rows.length, 1);
  const row = rec.rows[0];
  assert.equal(row.day, "2026-11-10");
  assert.equal(row.provider, "openai");
  assert.equal(row.model, "gpt-4o-mini");
  assert.equal(row.billed_usd, "0.5");
  assert.equal(row.attributed_usd, "0.21");
  assert.equal(row.unattributed_usd, "0.29");
  assert.equal(row.coverage, 0.42);
  assert.equal(row.unattributed_percent, 58);
  assert.equal(row.billed_basis, "cost_report");
  assert.equal(row.billed_input_uncached, 2_000_000);
  assert.equal(row.attributed_input_uncached, 1_000_000);
  assert.equal(row.billed_output, 200_000);
  assert.equal(row.attributed_output, 100_000);
  assert.equal(rec.totals.billed_usd, "0.5");
});

test("the mapping groups billed usage by product project and team", async () => {
  const org = store.orgId;
  await upsertMapping(org, "cli", { provider: "openai", kind: "project", external_id: "proj_a", project: "app", team: "growth" });
  await upsertMapping(org, "cli", { provider: "openai", kind: "api_key", external_id: "key_b", project: "batch-jobs", team: "data" });
  const rec = await reconcile(org, { ...range, groupBy: ["project", "team"] });
  const by = Object.fromEntries(rec.rows.map((r) => [`${r.project}/${r.team}`, r]));
  assert.deepEqual(Object.keys(by).sort(), ["app/growth", "batch-jobs/data"]);
  // $0.50 split by catalog price: key_a 1.2M in + 150k out ($0.27), key_b 0.8M in + 50k out ($0.15) -> 27:15
  const a = by["app/growth"];
  const b = by["batch-jobs/data"];
  assert.equal(a.attributed_usd, "0.21");
  assert.equal(b.attributed_usd, "0");
  assert.equal(Number(a.billed_usd) + Number(b.billed_usd), 0.5);
  assert.equal(b.billed_usd, "0.178571428571");
  assert.equal(a.billed_input_uncached, 1_200_000);
});

test("coverage alert: below the threshold an alert opens through the alert store; off by default", async () => {
  const org = store.orgId;
  const now = new Date("2026-11-11T08:00:00Z");
  assert.deepEqual((await evaluateCoverage(org, null, now)).conditions, []);
  await assert.rejects(setCoverageSetting(org, "cli", { threshold_percent: 150 }), /Invalid coverage alert setting/);
  await setCoverageSetting(org, "cli", { threshold_percent: 80 });
  const e = await evaluateCoverage(org, 80, now);
  assert.equal(e.conditions.length, 1);
  assert.equal(e.conditions[0].kind, "coverage");
  assert.equal(e.conditions[0].numbers.coverage_percent, 42);
  await applyEvaluation(e);
  const alerts = await db().alert.findMany({ where: { orgId: org, kind: "coverage" } });
  assert.equal(alerts.length, 1);
  assert.equal(alerts[0].state, "open");
  assert.equal((await evaluateCoverage(org, 40, now)).conditions.length, 0, "above the threshold: nothing holds");
});

test("a group nobody billed shows $0 billed and no coverage, not unknown", async () => {
  const org = store.orgId;
  await ingestEvents(org, "k", [
    { id: "e-other", timestamp: "2026-11-10T11:00:00Z", provider: "anthropic", model: "claude-sonnet-4-20250514", project: "x", usage: { input_tokens: 1000, output_tokens: 10 } },
  ]);
  const rec = await reconcile(org, { ...range, groupBy: ["provider"] });
  const anthropic = rec.rows.find((r) => r.provider === "anthropic")!;
  assert.equal(anthropic.billed_usd, "0");
  assert.equal(anthropic.coverage, null);
  assert.equal(anthropic.unattributed_usd, "-" + anthropic.attributed_usd);
});
