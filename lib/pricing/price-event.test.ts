/**
 * Cost per event, to the pico-dollar (1e-12 USD), for every usage shape of fixture 03.
 *
 * Expected values are hand-computed from the providers' published prices (USD per 1M tokens).
 * $X per Mtok = X * 1e12 pico / 1e6 tokens = X * 1e6 pico-dollars per token, so e.g.
 * $2.50/Mtok = 2_500_000 pico per token. Each expectation below is written out as
 * tokens x (pico per token) per bucket, followed by the USD amount it makes.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { normalizeUsage } from "@/lib/ingest/usage";
import type { NormalizedEvent } from "@/lib/domain/event";
import { picoToUsdString } from "@/lib/money/pico";
import { compileOverride, type CompiledOverride } from "./overrides-match";
import { priceEvent } from "./price-event";
import {
  A_CHAT, A_CHAT_CACHED, B_RESPONSES, B_RESPONSES_CACHED, C_DELTA, C_START, D_DELTA, D_START, E_ANTHROPIC_1H, NORMALIZED,
} from "@/lib/testing/usage-fixtures";

// Published list prices, USD per 1M tokens -> pico-dollars per token.
// OpenAI gpt-5.4 (prompts under 272K tokens): input $2.50, cached input $0.25, output $15.
// At 272K input tokens and above: input $5.00, cached $0.50, output $22.50.
const GPT54 = { input: 2_500_000, cached: 250_000, output: 15_000_000 };
const GPT54_LONG = { input: 5_000_000, cached: 500_000, output: 22_500_000 };
// OpenAI gpt-4o: input $2.50, cached input $1.25, output $10. OpenAI bills cache writes as input.
const GPT4O = { input: 2_500_000, cached: 1_250_000, output: 10_000_000 };
// Anthropic Claude Opus 4.8: input $5, cache read $0.50 (0.1x), 5 min write $6.25 (1.25x),
// 1 h write $10 (2x), output $25.
const OPUS48 = { input: 5_000_000, read: 500_000, write5m: 6_250_000, write1h: 10_000_000, output: 25_000_000 };
// Anthropic Claude Sonnet 4: input $3, cache read $0.30, 5 min write $3.75, 1 h write $6, output $15.
const SONNET4 = { input: 3_000_000, read: 300_000, write5m: 3_750_000, write1h: 6_000_000, output: 15_000_000 };

const AT = new Date("2026-10-15T10:00:00Z");

function event(provider: string, model: string, usage: unknown, at = AT): NormalizedEvent {
  const u = normalizeUsage(usage, provider);
  assert.ok(u.ok, JSON.stringify(u));
  return {
    id: "e", timestamp: at, provider, model, project: "", feature: "", team: "", user: "", customer: "", environment: "",
    tokens: u.tokens, latencyMs: null, status: "ok", appCache: "", tags: {}, source: "test",
  };
}

function cost(provider: string, model: string, usage: unknown, overrides: CompiledOverride[] = []) {
  const e = event(provider, model, usage);
  return { ...e, ...priceEvent(e, overrides) };
}

test("sanity: the published multipliers hold in the price tables used here", () => {
  assert.equal(OPUS48.write5m, OPUS48.input * 1.25);
  assert.equal(OPUS48.write1h, OPUS48.input * 2);
  assert.equal(SONNET4.write5m, SONNET4.input * 1.25);
  assert.equal(SONNET4.write1h, SONNET4.input * 2);
});

test("A: OpenAI chat completion (fixture) on gpt-5.4", () => {
  const p = cost("openai", "gpt-5.4", A_CHAT);
  assert.equal(p.priced, true);
  assert.equal(p.priceSource, "catalog");
  assert.equal(p.priceRef, "catalog:openai/gpt-5.4");
  // 19 input + 10 output
  assert.equal(p.costPico, 19 * GPT54.input + 10 * GPT54.output);
  assert.equal(p.costPico, 197_500_000);
  assert.equal(picoToUsdString(p.costPico), "0.0001975");
  assert.equal(p.cacheSavingsPico, 0);
});

test("A: OpenAI chat completion with cached and reasoning tokens: cached at the cached rate, reasoning inside output", () => {
  const p = cost("openai", "gpt-5.4", A_CHAT_CACHED);
  // (2006 - 1920) uncached + 1920 cached + 300 output (192 of them reasoning, not billed again)
  assert.equal(p.costPico, 86 * GPT54.input + 1920 * GPT54.cached + 300 * GPT54.output);
  assert.equal(picoToUsdString(p.costPico), "0.005195");
  // savings: the cached tokens at full input price minus what they cost
  assert.equal(p.cacheSavingsPico, 1920 * (GPT54.input - GPT54.cached));
  assert.equal(picoToUsdString(p.cacheSavingsPico), "0.00432");
});

test("B: OpenAI Responses (fixture) on gpt-5.4", () => {
  const p = cost("openai", "gpt-5.4", B_RESPONSES);
  assert.equal(p.costPico, 36 * GPT54.input + 87 * GPT54.output);
  assert.equal(picoToUsdString(p.costPico), "0.001395");
});

test("B: OpenAI Responses with cached_tokens and reasoning_tokens on gpt-5.4", () => {
  const p = cost("openai", "gpt-5.4", B_RESPONSES_CACHED);
  // (5000 - 4096) uncached + 4096 cached + 1200 output (1024 reasoning within it)
  assert.equal(p.costPico, 904 * GPT54.input + 4096 * GPT54.cached + 1200 * GPT54.output);
  assert.equal(picoToUsdString(p.costPico), "0.021284");
});

test("C: Anthropic message_start and cumulative message_delta (fixture) on claude-opus-4-8", () => {
  const start = cost("anthropic", "claude-opus-4-8", C_START);
  assert.equal(start.costPico, 31 * OPUS48.input + 7 * OPUS48.output);
  assert.equal(picoToUsdString(start.costPico), "0.00033");
  const delta = cost("anthropic", "claude-opus-4-8", C_DELTA);
  assert.equal(delta.costPico, 31 * OPUS48.input + 547 * OPUS48.output);
  assert.equal(picoToUsdString(delta.costPico), "0.01383");
});

test("D: Anthropic cache read and 5 min write (fixture) on claude-opus-4-8", () => {
  const start = cost("anthropic", "claude-opus-4-8", D_START);
  // 10 uncached + 3 read + 2 written (5 min) + 1 output
  assert.equal(start.costPico, 10 * OPUS48.input + 3 * OPUS48.read + 2 * OPUS48.write5m + 1 * OPUS48.output);
  assert.equal(picoToUsdString(start.costPico), "0.000089");
  assert.equal(start.cacheSavingsPico, 3 * (OPUS48.input - OPUS48.read));

  const delta = cost("anthropic", "claude-opus-4-8", D_DELTA);
  // 42 uncached + 8 read + 7 written (5 min: no TTL breakdown) + 99 output (30 thinking within it)
  assert.equal(delta.costPico, 42 * OPUS48.input + 8 * OPUS48.read + 7 * OPUS48.write5m + 99 * OPUS48.output);
  assert.equal(picoToUsdString(delta.costPico), "0.00273275");
});

test("E: Anthropic 1 h cache writes cost 2x input, 5 min writes 1.25x (claude-sonnet-4)", () => {
  const p = cost("anthropic", "claude-sonnet-4-20250514", E_ANTHROPIC_1H);
  assert.equal(p.priceRef, "catalog:anthropic/claude-sonnet-4-0");
  // 900 uncached + 4000 read + 1000 written for 5 min + 2000 written for 1 h + 500 output
  assert.equal(
    p.costPico,
    900 * SONNET4.input + 4000 * SONNET4.read + 1000 * SONNET4.write5m + 2000 * SONNET4.write1h + 500 * SONNET4.output,
  );
  assert.equal(picoToUsdString(p.costPico), "0.02715");

  // Moving the same 2000 written tokens from 1 h to 5 min saves exactly 2000 x ($6 - $3.75)/Mtok.
  const as5m = cost("anthropic", "claude-sonnet-4-20250514", { ...E_ANTHROPIC_1H, cache_creation: { ephemeral_5m_input_tokens: 3000, ephemeral_1h_input_tokens: 0 } });
  assert.equal(p.costPico - as5m.costPico, 2000 * (6_000_000 - 3_750_000));
});

test("the issue's example event (claude-sonnet-4, cache write without TTL breakdown)", () => {
  const p = cost("anthropic", "claude-sonnet-4-20250514", { input_tokens: 900, cache_creation_input_tokens: 1000, cache_read_input_tokens: 4000, output_tokens: 500 });
  assert.equal(p.costPico, 900 * SONNET4.input + 1000 * SONNET4.write5m + 4000 * SONNET4.read + 500 * SONNET4.output);
  assert.equal(picoToUsdString(p.costPico), "0.01515");
  assert.equal(p.cacheSavingsPico, 4000 * (SONNET4.input - SONNET4.read));
});

test("normalized form on gpt-4o: cache writes at the input price (OpenAI has no write premium)", () => {
  const p = cost("openai", "gpt-4o", NORMALIZED);
  // 5000 total input = 900 uncached + 4000 read + 100 written; 300 output
  assert.equal(p.costPico, 900 * GPT4O.input + 4000 * GPT4O.cached + 100 * GPT4O.input + 300 * GPT4O.output);
  assert.equal(picoToUsdString(p.costPico), "0.0105");
});

test("reasoning tokens are counted within output, never on top of it", () => {
  const withReasoning = cost("openai", "gpt-5.4", A_CHAT_CACHED);
  const noReasoning = cost("openai", "gpt-5.4", { ...A_CHAT_CACHED, completion_tokens_details: { reasoning_tokens: 0 } });
  assert.equal(withReasoning.tokens.reasoning, 192);
  assert.equal(withReasoning.costPico, noReasoning.costPico);
});

test("long-context tier: gpt-5.4 switches price at 272K total input tokens (cache included)", () => {
  // 271,999 input tokens in total (200,000 of them cached): base prices
  const below = cost("openai", "gpt-5.4", { input_tokens: 271_999, cache_read_tokens: 200_000, output_tokens: 1000 });
  assert.equal(below.costPico, 71_999 * GPT54.input + 200_000 * GPT54.cached + 1000 * GPT54.output);
  assert.equal(picoToUsdString(below.costPico), "0.2449975");
  // 272,000: every bucket at the long-context price
  const at = cost("openai", "gpt-5.4", { input_tokens: 272_000, cache_read_tokens: 200_000, output_tokens: 1000 });
  assert.equal(at.costPico, 72_000 * GPT54_LONG.input + 200_000 * GPT54_LONG.cached + 1000 * GPT54_LONG.output);
  assert.equal(picoToUsdString(at.costPico), "0.4825");
});

test("model ids resolve through the catalog (dated snapshot, case)", () => {
  assert.equal(cost("openai", "gpt-4o-2024-08-06", { input_tokens: 1000, output_tokens: 0 }).costPico, 1000 * GPT4O.input);
  assert.equal(cost("openai", "GPT-4o", { input_tokens: 1000, output_tokens: 0 }).costPico, 1000 * GPT4O.input);
});

test("unknown model: priced=false with its tokens kept, never a $0 that looks priced", () => {
  for (const [provider, model] of [["openai", "gpt-unknown-9000"], ["acme", "my-model"], ["anthropic", "claude-nonexistent"]]) {
    const p = cost(provider, model, { input_tokens: 1234, output_tokens: 56 });
    assert.equal(p.priced, false, `${provider}/${model}`);
    assert.equal(p.priceSource, "none");
    assert.equal(p.priceRef, "");
    assert.equal(p.costPico, 0);
    assert.equal(p.cacheSavingsPico, 0);
    assert.deepEqual(p.tokens, { inputUncached: 1234, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 56, reasoning: 0 });
  }
});

const override = (o: Partial<Parameters<typeof compileOverride>[0]>) =>
  compileOverride({
    id: "ov", provider: "openai", modelPattern: "x", effectiveFrom: new Date("2026-01-01T00:00:00Z"),
    inputPerMtok: null, cacheReadPerMtok: null, cacheWrite5mPerMtok: null, cacheWrite1hPerMtok: null, outputPerMtok: null, ...o,
  });

test("an override prices an unknown model; a bucket it leaves unset and the catalog lacks makes the call unpriced", () => {
  const full = [override({ provider: "acme", modelPattern: "my-model", inputPerMtok: "0.4", outputPerMtok: "1.6" })];
  const p = cost("acme", "my-model", { input_tokens: 1234, output_tokens: 56 }, full);
  assert.equal(p.priced, true);
  assert.equal(p.priceSource, "override");
  assert.equal(p.priceRef, "override:ov");
  // $0.40/Mtok = 400_000 pico per token; $1.60/Mtok = 1_600_000
  assert.equal(p.costPico, 1234 * 400_000 + 56 * 1_600_000);

  // cache reads with no price of their own are billed as input
  const cached = cost("acme", "my-model", { input_tokens: 1000, cache_read_tokens: 600, output_tokens: 0 }, full);
  assert.equal(cached.costPico, 400 * 400_000 + 600 * 400_000);

  // only an input price: output tokens have no price -> the whole call is unpriced, not "input only"
  const inputOnly = [override({ provider: "acme", modelPattern: "my-model", inputPerMtok: "0.4" })];
  const partial = cost("acme", "my-model", { input_tokens: 1234, output_tokens: 56 }, inputOnly);
  assert.equal(partial.priced, false);
  assert.equal(partial.costPico, 0);
  assert.equal(partial.priceSource, "none");
  // ...but a call that has only input tokens is fully priced by it
  assert.equal(cost("acme", "my-model", { input_tokens: 1234, output_tokens: 0 }, inputOnly).costPico, 1234 * 400_000);
});

test("an override on a catalog model replaces only the buckets it sets", () => {
  // negotiated: input $2.00, output $8.00 for claude-sonnet-4*; cache prices stay the catalog's
  const ovs = [override({ provider: "anthropic", modelPattern: "claude-sonnet-4*", inputPerMtok: "2", outputPerMtok: "8" })];
  const p = cost("anthropic", "claude-sonnet-4-20250514", E_ANTHROPIC_1H, ovs);
  assert.equal(p.priceSource, "override");
  assert.equal(
    p.costPico,
    900 * 2_000_000 + 4000 * SONNET4.read + 1000 * SONNET4.write5m + 2000 * SONNET4.write1h + 500 * 8_000_000,
  );
  // an override from another provider does not apply
  const other = [override({ provider: "openai", modelPattern: "*", inputPerMtok: "0", outputPerMtok: "0" })];
  assert.equal(cost("anthropic", "claude-sonnet-4-20250514", E_ANTHROPIC_1H, other).priceSource, "catalog");
});

test("an override that is not yet in force at the event time is not applied", () => {
  const later = [override({ provider: "openai", modelPattern: "gpt-4o", effectiveFrom: new Date("2026-10-15T10:00:00.001Z"), inputPerMtok: "1", outputPerMtok: "1" })];
  const p = priceEvent(event("openai", "gpt-4o", { input_tokens: 1000, output_tokens: 100 }, AT), later);
  assert.equal(p.priceSource, "catalog");
  assert.equal(p.costPico, 1000 * GPT4O.input + 100 * GPT4O.output);
  const inForce = priceEvent(event("openai", "gpt-4o", { input_tokens: 1000, output_tokens: 100 }, new Date("2026-10-15T10:00:00.001Z")), later);
  assert.equal(inForce.priceSource, "override");
  assert.equal(inForce.costPico, 1100 * 1_000_000);
});

test("a zero price set by an override is a real price (self-hosted, free tier), priced at $0", () => {
  const free = [override({ provider: "vllm", modelPattern: "*", inputPerMtok: "0", outputPerMtok: "0" })];
  const p = cost("vllm", "llama-3.1-8b", { input_tokens: 500, output_tokens: 50 }, free);
  assert.equal(p.priced, true);
  assert.equal(p.costPico, 0);
});

