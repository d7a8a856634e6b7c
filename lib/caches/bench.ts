/**
 * `npm run bench:caches`: on a temporary embedded store,
 *  1. ingest rate through ingestEvents of the same workload with and without the provider-health
 *     fields (http_status, ttft_ms, rate_limit): what the new columns cost at insert;
 *  2. with those events stored, the latency of the Providers page's queries (providerHealth and
 *     healthSeries over 30 days, raw events read FINAL) and of the caches report (group_by=layer).
 * Options: --events 300000 --runs 10
 */
import { openTempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { parseArgs } from "node:util";
import { ingestEvents } from "@/lib/ingest/ingest-batch";
import { healthSeries, providerHealth } from "@/lib/provider-health/health-query";
import { cacheReport } from "./report";

const { values: opt } = parseArgs({ options: { events: { type: "string", default: "300000" }, runs: { type: "string", default: "10" } } });
const EVENTS = Number(opt.events);
const RUNS = Number(opt.runs);
const END = Date.parse("2026-11-30T00:00:00Z");
const SPAN = 30 * 86_400_000;
const MODELS = ["gpt-4o-mini", "gpt-4.1-mini", "claude-sonnet-4-20250514", "claude-3-5-haiku-latest"];

function event(prefix: string, i: number, health: boolean) {
  const model = MODELS[i % MODELS.length];
  const ev: Record<string, unknown> = {
    id: `${prefix}-${i}`,
    timestamp: new Date(END - SPAN + Math.floor((i / EVENTS) * SPAN)).toISOString(),
    provider: model.startsWith("gpt") ? "openai" : "anthropic",
    model,
    feature: `f-${i % 12}`,
    latency_ms: 200 + (i % 900),
    cache: i % 3 === 0 ? (i % 9 === 0 ? "hit" : "miss") : undefined,
    usage: { input_tokens: 500 + (i % 1000), output_tokens: 50 + (i % 200) },
  };
  if (health) {
    ev.http_status = i % 97 === 0 ? 429 : 200;
    ev.ttft_ms = 80 + (i % 300);
    ev.rate_limit = { requests_limit: 500, requests_remaining: 500 - (i % 500), tokens_limit: 200000, tokens_remaining: 200000 - (i % 150000), requests_reset_s: 12, tokens_reset_s: 3.5 };
  }
  return ev;
}

async function ingestAll(orgId: string, prefix: string, health: boolean): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < EVENTS; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, EVENTS - i) }, (_, j) => event(prefix, i + j, health));
    const r = await ingestEvents(orgId, "bench", batch);
    if (r.accepted !== batch.length) throw new Error(`rejected: ${JSON.stringify(r.results.find((x) => x.status === "rejected"))}`);
  }
  return EVENTS / ((performance.now() - t0) / 1000);
}

async function timeIt(fn: () => Promise<unknown>): Promise<{ p50: number; max: number }> {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { p50: Math.round(ms[Math.floor(ms.length / 2)]), max: Math.round(ms[ms.length - 1]) };
}

const store = await openTempStore();
try {
  const plainOrg = await store.createOrg("plain");
  const plain = await ingestAll(plainOrg, "p", false);
  const healthOrg = await store.createOrg("health");
  const withHealth = await ingestAll(healthOrg, "h", true);
  console.log(`ingest, ${EVENTS} events each: without health fields ${Math.round(plain)} events/s, with them ${Math.round(withHealth)} events/s`);
  const from = new Date(END - SPAN);
  const to = new Date(END);
  console.log(`providerHealth over 30 days, ${EVENTS} events: ${JSON.stringify(await timeIt(() => providerHealth(healthOrg, from, to)))} ms`);
  console.log(`healthSeries over 30 days: ${JSON.stringify(await timeIt(() => healthSeries(healthOrg, from, to)))} ms`);
  console.log(`cacheReport group_by=layer over 30 days: ${JSON.stringify(await timeIt(() => cacheReport(healthOrg, from, to, "layer")))} ms`);
} finally {
  await store.close();
}
