/**
 * Usage normalization (data-sources.md rule 1): every usage shape of
 * ../shared/fixtures/sources/03-per-request-usage-openai-anthropic.txt read into mutually exclusive
 * buckets. The `usage` objects (lib/testing/usage-fixtures.ts) are copied verbatim from that fixture;
 * the "cached" variants are the same shapes with non-zero cache and reasoning counts.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { detectUsageFormat, normalizeUsage, type UsageFormat } from "./usage";
import type { TokenBuckets } from "@/lib/domain/event";
import {
  A_CHAT, A_CHAT_CACHED, B_RESPONSES, B_RESPONSES_CACHED, C_DELTA, C_START, D_DELTA, D_START, E_ANTHROPIC_1H, NORMALIZED,
} from "@/lib/testing/usage-fixtures";

function ok(usage: unknown, provider: string, format?: UsageFormat): { format: UsageFormat; tokens: TokenBuckets } {
  const r = normalizeUsage(usage, provider, format);
  assert.ok(r.ok, `expected usage to normalize, got ${JSON.stringify(r)}`);
  return r;
}

const inputSide = (t: TokenBuckets) => t.inputUncached + t.cacheRead + t.cacheWrite5m + t.cacheWrite1h;

test("A: OpenAI chat completion (fixture, no cache) reads prompt/completion tokens", () => {
  const r = ok(A_CHAT, "openai");
  assert.equal(r.format, "openai.chat");
  assert.deepEqual(r.tokens, { inputUncached: 19, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 10, reasoning: 0 });
  assert.equal(inputSide(r.tokens) + r.tokens.output, A_CHAT.total_tokens);
});

test("A: OpenAI chat completion with cached and reasoning tokens: cached is inside prompt_tokens", () => {
  const r = ok(A_CHAT_CACHED, "openai");
  assert.equal(r.format, "openai.chat");
  // uncached = prompt_tokens - cached_tokens = 2006 - 1920
  assert.deepEqual(r.tokens, { inputUncached: 86, cacheRead: 1920, cacheWrite5m: 0, cacheWrite1h: 0, output: 300, reasoning: 192 });
  // exclusive buckets: every billed token counted exactly once (reasoning is part of output, not added)
  assert.equal(inputSide(r.tokens) + r.tokens.output, A_CHAT_CACHED.total_tokens);
});

test("A: OpenAI chat cache_write_tokens (newer field) is also inside prompt_tokens", () => {
  const r = ok({ prompt_tokens: 1000, completion_tokens: 5, prompt_tokens_details: { cached_tokens: 600, cache_write_tokens: 300 } }, "openai");
  assert.deepEqual(r.tokens, { inputUncached: 100, cacheRead: 600, cacheWrite5m: 300, cacheWrite1h: 0, output: 5, reasoning: 0 });
});

test("B: OpenAI Responses usage (fixture) reads input/output tokens", () => {
  const r = ok(B_RESPONSES, "openai");
  assert.equal(r.format, "openai.responses");
  assert.deepEqual(r.tokens, { inputUncached: 36, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 87, reasoning: 0 });
  assert.equal(inputSide(r.tokens) + r.tokens.output, B_RESPONSES.total_tokens);
});

test("B: OpenAI Responses with input_tokens_details.cached_tokens and output_tokens_details.reasoning_tokens", () => {
  const r = ok(B_RESPONSES_CACHED, "openai");
  assert.equal(r.format, "openai.responses");
  // uncached = 5000 - 4096
  assert.deepEqual(r.tokens, { inputUncached: 904, cacheRead: 4096, cacheWrite5m: 0, cacheWrite1h: 0, output: 1200, reasoning: 1024 });
  assert.equal(inputSide(r.tokens) + r.tokens.output, B_RESPONSES_CACHED.total_tokens);
});

test("C: Anthropic message_start and message_delta usage (fixture)", () => {
  const start = ok(C_START, "anthropic");
  assert.equal(start.format, "anthropic");
  assert.deepEqual(start.tokens, { inputUncached: 31, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 7, reasoning: 0 });
  const delta = ok(C_DELTA, "anthropic");
  assert.equal(delta.format, "anthropic");
  // the nested `iterations` array is a breakdown of the same call, not extra tokens
  assert.deepEqual(delta.tokens, { inputUncached: 31, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 547, reasoning: 0 });
});

test("D: Anthropic input_tokens EXCLUDES cache reads and writes (not subtracted again)", () => {
  const start = ok(D_START, "anthropic");
  assert.deepEqual(start.tokens, { inputUncached: 10, cacheRead: 3, cacheWrite5m: 2, cacheWrite1h: 0, output: 1, reasoning: 0 });
  // total prompt = uncached + read + write = 10 + 3 + 2
  assert.equal(inputSide(start.tokens), 15);

  const delta = ok(D_DELTA, "anthropic");
  // no cache_creation breakdown: a write is the default 5-minute kind; thinking tokens are reasoning within output
  assert.deepEqual(delta.tokens, { inputUncached: 42, cacheRead: 8, cacheWrite5m: 7, cacheWrite1h: 0, output: 99, reasoning: 30 });
  assert.equal(inputSide(delta.tokens), 42 + 8 + 7);
});

test("E: Anthropic cache_creation splits writes into 5 min and 1 h buckets", () => {
  const r = ok(E_ANTHROPIC_1H, "anthropic");
  assert.deepEqual(r.tokens, { inputUncached: 900, cacheRead: 4000, cacheWrite5m: 1000, cacheWrite1h: 2000, output: 500, reasoning: 200 });
  assert.equal(inputSide(r.tokens), 900 + 3000 + 4000);
});

test("Anthropic: cache_creation breakdown without cache_creation_input_tokens still counts both TTLs", () => {
  const r = ok({ input_tokens: 5, cache_creation: { ephemeral_5m_input_tokens: 11, ephemeral_1h_input_tokens: 13 }, output_tokens: 2 }, "anthropic");
  assert.deepEqual(r.tokens, { inputUncached: 5, cacheRead: 0, cacheWrite5m: 11, cacheWrite1h: 13, output: 2, reasoning: 0 });
});

test("Anthropic usage forwarded under another provider name is still read with Anthropic semantics", () => {
  // e.g. Claude on Bedrock / Vertex: the shape decides, so cache tokens are not subtracted from input_tokens
  const r = ok(D_DELTA, "aws.bedrock");
  assert.equal(r.format, "anthropic");
  assert.equal(r.tokens.inputUncached, 42);
});

test("normalized form: input_tokens is the total, cache buckets are carved out of it", () => {
  const r = ok(NORMALIZED, "openai");
  assert.equal(r.format, "normalized");
  // uncached = 5000 - 4000 - 100
  assert.deepEqual(r.tokens, { inputUncached: 900, cacheRead: 4000, cacheWrite5m: 100, cacheWrite1h: 0, output: 300, reasoning: 120 });
  assert.equal(inputSide(r.tokens), NORMALIZED.input_tokens);
  // the same object sent for an Anthropic model means the same thing (it is the normalized form)
  assert.deepEqual(ok(NORMALIZED, "anthropic").tokens, r.tokens);
});

test("normalized form with a 1 h cache write", () => {
  const r = ok({ input_tokens: 1000, cache_read_tokens: 100, cache_write_tokens: 200, cache_write_1h_tokens: 300, output_tokens: 10 }, "anthropic");
  assert.deepEqual(r.tokens, { inputUncached: 400, cacheRead: 100, cacheWrite5m: 200, cacheWrite1h: 300, output: 10, reasoning: 0 });
});

test("plain {input_tokens, output_tokens} reads the same under every provider", () => {
  for (const provider of ["openai", "anthropic", "mistral"]) {
    assert.deepEqual(ok({ input_tokens: 120, output_tokens: 30 }, provider).tokens, {
      inputUncached: 120, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 30, reasoning: 0,
    });
  }
});

test("an explicit usage_format overrides detection", () => {
  // {input_tokens, cache_read_tokens} read as normalized subtracts the cache; forced to anthropic it would not
  assert.equal(detectUsageFormat({ input_tokens: 10, cache_read_tokens: 4 }, "anthropic"), "normalized");
  assert.equal(ok({ input_tokens: 100, output_tokens: 1, input_tokens_details: { cached_tokens: 40 } }, "openai", "openai.responses").tokens.inputUncached, 60);
  assert.equal(ok({ prompt_tokens: 100, completion_tokens: 1 }, "anthropic", "openai.chat").tokens.inputUncached, 100);
});

// --- bad usage objects ---------------------------------------------------------------------------

function errors(usage: unknown, provider = "openai", format?: UsageFormat): string[] {
  const r = normalizeUsage(usage, provider, format);
  assert.equal(r.ok, false, `expected a rejection for ${JSON.stringify(usage)}`);
  return (r as { errors: string[] }).errors;
}

test("usage that is not an object is rejected with what was expected", () => {
  for (const bad of ["lots", 42, null, [1, 2]]) {
    const e = errors(bad);
    assert.equal(e.length, 1);
    assert.match(e[0], /^usage: expected an object of token counts/);
  }
});

test("bad token counts name the field path and expect a non-negative integer", () => {
  const e = errors({ prompt_tokens: -1, completion_tokens: 1.5, prompt_tokens_details: { cached_tokens: "3" } });
  assert.equal(e.length, 3);
  assert.match(e[0], /^usage\.prompt_tokens: expected a non-negative integer token count, got -1$/);
  assert.match(e[1], /^usage\.prompt_tokens_details\.cached_tokens: expected a non-negative integer token count, got "3"$/);
  assert.match(e[2], /^usage\.completion_tokens: expected a non-negative integer token count, got 1\.5$/);
});

test("Anthropic nested cache_creation: wrong type and bad counts are named", () => {
  assert.deepEqual(errors({ input_tokens: 10, cache_creation: 5 }, "anthropic"), ["usage.cache_creation: expected an object, got 5"]);
  assert.deepEqual(errors({ input_tokens: 10, cache_creation: { ephemeral_1h_input_tokens: "x" } }, "anthropic"), [
    'usage.cache_creation.ephemeral_1h_input_tokens: expected a non-negative integer token count, got "x"',
  ]);
});

test("parts larger than the total that includes them are rejected (would be negative uncached input)", () => {
  assert.deepEqual(errors({ prompt_tokens: 10, completion_tokens: 5, prompt_tokens_details: { cached_tokens: 20 } }), [
    "usage.prompt_tokens_details.cached_tokens + cache_write_tokens (20) is larger than usage.prompt_tokens (10), which includes it",
  ]);
  const [reasoning] = errors({ input_tokens: 10, output_tokens: 5, output_tokens_details: { reasoning_tokens: 6 } });
  assert.match(reasoning, /usage\.output_tokens_details\.reasoning_tokens \(6\) is larger than usage\.output_tokens \(5\)/);
  const [norm] = errors({ input_tokens: 10, cache_read_tokens: 8, cache_write_tokens: 5, output_tokens: 1 });
  assert.match(norm, /is larger than usage\.input_tokens \(10\)/);
  const [split] = errors({ input_tokens: 1, cache_creation_input_tokens: 3, cache_creation: { ephemeral_5m_input_tokens: 2, ephemeral_1h_input_tokens: 2 } }, "anthropic");
  assert.match(split, /usage\.cache_creation \(5m \+ 1h\) \(4\) is larger than usage\.cache_creation_input_tokens \(3\)/);
  const [thinking] = errors({ input_tokens: 1, output_tokens: 2, output_tokens_details: { thinking_tokens: 3 } }, "anthropic");
  assert.match(thinking, /usage\.output_tokens_details\.thinking_tokens \(3\) is larger than usage\.output_tokens \(2\)/);
});

test("details that are not objects are named", () => {
  assert.deepEqual(errors({ input_tokens: 10, output_tokens: 1, input_tokens_details: "none" }), [
    'usage.input_tokens_details: expected an object, got "none"',
  ]);
});

test("token counts beyond any real request are refused: 10 million per bucket by default, configurable", () => {
  assert.deepEqual(errors({ input_tokens: 1, output_tokens: 1_000_000_000_001 }), [
    "usage.output_tokens: expected at most 10,000,000 tokens per event (the limit INGEST_MAX_TOKENS_PER_BUCKET), got 1000000000001",
  ]);
  assert.equal(ok({ input_tokens: 10_000_000, output_tokens: 0 }, "openai").tokens.inputUncached, 10_000_000);
  assert.deepEqual(errors({ prompt_tokens: 10_000_001, completion_tokens: 1 }), [
    "usage.prompt_tokens: expected at most 10,000,000 tokens per event (the limit INGEST_MAX_TOKENS_PER_BUCKET), got 10000001",
  ]);
  // every bucket is bounded, the nested ones too
  const nested = normalizeUsage({ input_tokens: 1, cache_creation: { ephemeral_1h_input_tokens: 20 } }, "anthropic", undefined, 10);
  assert.ok(!nested.ok);
  assert.match(nested.errors[0], /^usage\.cache_creation\.ephemeral_1h_input_tokens: expected at most 10 tokens per event/);
  assert.equal(normalizeUsage({ input_tokens: 1_000_000_000, output_tokens: 0 }, "openai", undefined, 1_000_000_000).ok, true, "a deployment may raise it");
});

test("a usage object without any token count field is refused, not stored as a free call", () => {
  for (const u of [{}, { a: { a: 1 } }, { total_tokens: 30 }]) {
    const r = normalizeUsage(u, "openai");
    assert.equal(r.ok, false, JSON.stringify(u));
    assert.match((r as { errors: string[] }).errors[0], /^usage: no token counts found/);
  }
  assert.equal(normalizeUsage({ input_tokens: 0, output_tokens: 0 }, "openai").ok, true);
});
