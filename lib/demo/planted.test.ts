import { test } from "node:test";
import assert from "node:assert/strict";
import { demoEvents } from "./generate";
import { normalizeEvent } from "@/lib/ingest/normalize-event";
import { priceEvent } from "@/lib/pricing/price-event";
import type { NormalizedEvent } from "@/lib/domain/event";

// The demo's story, checked with the ingestion and pricing code the server uses: about $80,000 in the
// last 30 days, and each planted opportunity of the shape its recommendation looks for.
const END = new Date("2026-11-30T00:00:00Z");
const DAY = 86_400_000;
const byFeature = new Map<string, NormalizedEvent[]>();
let lastMonthPico = 0;
let rejected = 0;
for (const raw of demoEvents(END)) {
  const r = normalizeEvent(raw, "demo", END.getTime(), { maxTokensPerBucket: 10_000_000 });
  if (!r.ok) {
    rejected++;
    continue;
  }
  const e = r.event;
  if (e.timestamp.getTime() >= END.getTime() - 30 * DAY) lastMonthPico += priceEvent(e, []).costPico;
  const list = byFeature.get(e.feature) ?? [];
  list.push(e);
  byFeature.set(e.feature, list);
}
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))];
const of = (feature: string) => byFeature.get(feature) ?? [];

test("every demo event is valid, and the last 30 days cost about $80,000 (seed 000's company)", () => {
  assert.equal(rejected, 0);
  const usd = lastMonthPico / 1e12;
  assert.ok(usd > 70_000 && usd < 90_000, `last 30 days: $${usd.toFixed(0)}`);
});

test("planted: a classification feature on a frontier model answers in a few tokens", () => {
  const events = of("ticket-classify");
  assert.ok(events.length > 10_000);
  assert.ok(events.every((e) => e.model.startsWith("claude-opus")));
  assert.ok(quantile(events.map((e) => e.tokens.output), 0.99) <= 20);
});

test("planted: a long prompt sent on every call with no prompt caching", () => {
  const events = of("contract-review");
  assert.ok(events.every((e) => e.tokens.cacheRead === 0 && e.tokens.cacheWrite5m === 0));
  assert.ok(quantile(events.map((e) => e.tokens.inputUncached), 0.1) > 40_000);
});

test("planted: output with a runaway tail, and a nightly job on the interactive API", () => {
  const out = of("draft-writer").map((e) => e.tokens.output);
  assert.ok(quantile(out, 0.99) > 8 * quantile(out, 0.5));
  const hours = new Set(of("nightly-enrichment").map((e) => e.timestamp.getUTCHours()));
  assert.deepEqual([...hours].sort((a, b) => a - b), [1, 2, 3, 4]);
});

test("planted: intent-detect moved from GPT-4.1 to GPT-4.1 mini 14 days before the end; kb-answer repeats its requests", () => {
  const switchAt = Math.floor((END.getTime() - 14 * DAY) / 3_600_000) * 3_600_000;
  const events = of("intent-detect");
  assert.ok(events.length > 1000);
  for (const e of events) assert.equal(e.model, e.timestamp.getTime() < switchAt ? "gpt-4.1" : "gpt-4.1-mini");
  const hashes = of("kb-answer").map((e) => e.tags.request_hash);
  assert.ok(new Set(hashes).size < hashes.length / 10, "most requests repeat an earlier one");
});
