/**
 * Each API-traffic finder on a generated workload with one planted opportunity of known size, priced by
 * hand from the catalog's list prices: the candidate is found and its monthly savings (from the what-if
 * replay) are within 10% of the planted value. A workload with no opportunity gets no recommendation.
 * Real embedded ClickHouse and SQLite; events through the ingestion path.
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { Candidate, FinderContext } from "@/lib/recommendation-contract/candidate";
import { db } from "@/lib/db/prisma";
import { API_TRAFFIC_FINDERS } from "./finders";
import { DAY, ingestAll, workload } from "./testing/workload";

const NOW = new Date("2026-11-30T00:00:00Z");
const FROM = new Date(NOW.getTime() - 30 * DAY);
const MID = new Date(NOW.getTime() - 15 * DAY);
const win = { from: FROM, to: NOW };

let store: TempStore;
let found: Candidate[] = [];
let noneFound: Candidate[] = [];

async function runAll(orgId: string): Promise<Candidate[]> {
  const ctx: FinderContext = { orgId, from: FROM, to: NOW, now: NOW };
  return (await Promise.all(API_TRAFFIC_FINDERS.map((f) => f(ctx)))).flat();
}

before(async () => {
  store = await openTempStore();
  const org = store.orgId;
  await ingestAll(org, workload({ ...win, feature: "classify", provider: "openai", model: "gpt-4.1", count: 3000, input: 5000, output: 5 }));
  await ingestAll(org, workload({ ...win, feature: "answer", provider: "anthropic", model: "claude-sonnet-4-20250514", count: 2000, input: 5000, output: 200 }));
  await ingestAll(org, workload({ ...win, feature: "faq", provider: "openai", model: "gpt-4.1-mini", count: 4000, input: 4000, output: 500, tags: (i) => ({ request_hash: `h${i % 1000}` }) }));
  await ingestAll(org, workload({ ...win, feature: "draft", provider: "openai", model: "gpt-4.1", count: 4000, input: 500, output: (i) => (i % 100 < 3 ? 16000 : 400) }));
  await ingestAll(org, workload({ ...win, feature: "nightly", provider: "openai", model: "gpt-4.1", count: 2000, input: 2000, output: 1000 }));
  await ingestAll(org, workload({ ...win, feature: "chat", provider: "openai", model: "gpt-4.1", count: 3000, input: (_i, ts) => (ts < MID ? 1500 : 3000), output: 400 }));
  await ingestAll(org, workload({ ...win, feature: "extract", provider: "openai", model: "gpt-4.1", count: 5000, input: 1500, output: 500, status: (i) => (i % 5 === 0 ? "error" : "ok") }));
  // An application cache in front of a quarter of the calls answers 40% of its lookups; the rest bypass it.
  await ingestAll(org, Array.from(workload({ ...win, feature: "lookup", provider: "openai", model: "gpt-4.1-mini", count: 8000, input: (i) => (i % 4 === 0 && i % 10 < 4 ? 0 : 8000), output: (i) => (i % 4 === 0 && i % 10 < 4 ? 0 : 500), tags: () => ({}) })).map(withCache));
  await db().featureSetting.create({ data: { orgId: org, feature: "nightly", interactive: false } });
  found = await runAll(org);

  const quiet = await store.createOrg("Quiet");
  await ingestAll(quiet, workload({ ...win, feature: "steady", provider: "openai", model: "gpt-4.1-mini", count: 3000, input: 800, output: (i) => 200 + (i % 5) * 50 }));
  noneFound = await runAll(quiet);
});
after(async () => {
  await store?.close();
});

/** Every fourth call goes through the cache: a hit (no tokens) when its input is 0, else a miss. */
function withCache(e: Record<string, unknown>, i: number): Record<string, unknown> {
  if (i % 4 !== 0) return e;
  const usage = e.usage as { input_tokens: number };
  return { ...e, cache: usage.input_tokens === 0 ? "hit" : "miss" };
}

function one(kind: Candidate["kind"], feature: string): Candidate {
  const c = found.filter((x) => x.kind === kind && x.scope.feature === feature);
  assert.equal(c.length, 1, `${kind} on ${feature}: found ${JSON.stringify(found.map((x) => [x.kind, x.scope.feature]))}`);
  return c[0];
}

function within10(actual: string, planted: number) {
  const v = Number(actual);
  assert.ok(Math.abs(v - planted) <= planted * 0.1, `savings ${actual} not within 10% of planted ${planted}`);
}

test("model routing: a classification feature on gpt-4.1 goes to gpt-4.1-mini, saving the price difference", () => {
  const c = one("model_routing", "classify");
  // 3000 calls x (5000 in x ($2 - $0.40)/1M + 5 out x ($8 - $1.60)/1M) = $24.096 in 30 days
  within10(c.monthly_savings_usd, 24.096);
  assert.deepEqual(c.scenario?.change, { kind: "route", to_provider: "openai", to_model: "gpt-4.1-mini", share: 1 });
  assert.equal(c.confidence, "high");
  assert.equal(c.overlap_group, "feature:classify|model:gpt-4.1");
  assert.equal(c.owner_team, "team-classify");
});

test("prompt caching: a 5,000-token prompt on Claude Sonnet with no cache reads, net of the write premium", () => {
  const c = one("prompt_caching", "answer");
  // per call before: 5000 x $3/1M + 200 x $15/1M = $0.018; at a 60% hit rate: 3000 read x $0.30/1M +
  // 2000 written x $3.75/1M + $0.003 = $0.0114; 2000 calls x $0.0066 = $13.20
  within10(c.monthly_savings_usd, 13.2);
  assert.deepEqual(c.scenario?.change, { kind: "prompt_cache", hit_rate: 0.6 });
});

test("response caching: three of four requests repeat an earlier request_hash", () => {
  const c = one("response_caching", "faq");
  // 4000 calls x (4000 x $0.40/1M + 500 x $1.60/1M) = $9.60, 75% of it answered from cache = $7.20
  within10(c.monthly_savings_usd, 7.2);
  assert.deepEqual(c.scenario?.change, { kind: "app_cache", hit_rate: 0.75 });
  assert.equal(c.confidence, "high");
});

test("response caching without hashes: an application cache's hit rate applied to the calls that bypass it", () => {
  const c = one("response_caching", "lookup");
  // 6000 bypassing calls x 40% hit rate x (8000 x $0.40/1M + 500 x $1.60/1M = $0.004) = $9.60
  within10(c.monthly_savings_usd, 9.6);
  assert.equal(c.confidence, "low");
});

test("max_tokens: 3% of outputs run away to 16,000 tokens; the cap at 4 x p50 rounded up is 1,792", () => {
  const c = one("max_tokens", "draft");
  // 120 runaways x (16000 - 1792) tokens x $8/1M = $13.64
  within10(c.monthly_savings_usd, 13.63968);
  assert.deepEqual(c.scenario?.change, { kind: "max_tokens", cap: 1792 });
  assert.equal(found.filter((x) => x.scope.feature === "draft" && x.kind === "model_routing").length, 0, "long outputs are not simple");
});

test("batch: a feature marked not interactive on OpenAI, at the 50% batch discount", () => {
  const c = one("batch", "nightly");
  // 2000 calls x (2000 x $2/1M + 1000 x $8/1M) = $24, half of it
  within10(c.monthly_savings_usd, 12);
  assert.deepEqual(c.scenario?.change, { kind: "batch" });
});

test("context trim: input per request doubled halfway through the window; trimmed back by 50% over the second half", () => {
  const c = one("context_trim", "chat");
  // second half: 1500 calls x 1500 trimmed tokens x $2/1M = $4.50 in 15 days = $9 a month
  within10(c.monthly_savings_usd, 9);
  assert.deepEqual(c.scenario?.change, { kind: "trim_input", percent: 50 });
  assert.equal(c.scenario?.from, MID.toISOString());
});

test("errors: one call in five fails; the spend on failed calls", () => {
  const c = one("errors", "extract");
  // 1000 failed x (1500 x $2/1M + 500 x $8/1M) = $7
  within10(c.monthly_savings_usd, 7);
  assert.equal(c.scenario, null);
  assert.equal(c.confidence, "high");
});

test("a workload with no opportunity gets no recommendation", () => {
  assert.deepEqual(noneFound.map((c) => `${c.kind}:${c.scope.feature}`), []);
});

test("no finder fires on the planted features it does not concern", () => {
  assert.equal(found.filter((c) => c.kind === "batch").length, 1, "only the feature marked not interactive");
  assert.equal(found.filter((c) => c.kind === "errors").length, 1);
  assert.equal(found.filter((c) => c.kind === "context_trim").length, 1);
  assert.equal(found.filter((c) => c.kind === "max_tokens").length, 1);
  assert.equal(found.filter((c) => c.kind === "response_caching").length, 2);
});
