/**
 * The optional provider-health fields of an event: http_status, ttft_ms and the rate_limit object
 * (what the provider's x-ratelimit-* headers said). Validation names the field; stored values read
 * back from the embedded ClickHouse; events without them read as unknown.
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { normalizeEvent } from "./normalize-event";
import { ingestEvents } from "./ingest-batch";
import { chQuery } from "@/lib/clickhouse/query";
import { LLM_EVENTS } from "@/lib/clickhouse/tables";

const NOW = Date.parse("2026-11-23T12:00:00Z");
const BASE = { id: "h-1", timestamp: "2026-11-20T10:00:00Z", provider: "openai", model: "gpt-5.4", usage: { prompt_tokens: 10, completion_tokens: 5 } };
const LIMITS = { maxTokensPerBucket: 10_000_000 };

let store: TempStore;
before(async () => {
  store = await openTempStore();
});
after(async () => {
  await store?.close();
});

function errorsOf(extra: Record<string, unknown>): string[] {
  const r = normalizeEvent({ ...BASE, ...extra }, "api", NOW, LIMITS);
  assert.equal(r.ok, false, `expected ${JSON.stringify(extra)} to be rejected`);
  return (r as { errors: string[] }).errors;
}

test("http_status, ttft_ms and rate_limit are read into the normalized event", () => {
  const r = normalizeEvent(
    {
      ...BASE,
      http_status: 429,
      ttft_ms: 212.6,
      rate_limit: { requests_limit: 500, requests_remaining: 12, tokens_limit: 30000, tokens_remaining: 1500.4, requests_reset_s: 0.5, tokens_reset_s: 6 },
    },
    "api",
    NOW,
    LIMITS,
  );
  assert.ok(r.ok);
  assert.equal(r.event.httpStatus, 429);
  assert.equal(r.event.ttftMs, 213);
  assert.deepEqual(r.event.rateLimit, { requestsLimit: 500, requestsRemaining: 12, tokensLimit: 30000, tokensRemaining: 1500, requestsResetS: 0.5, tokensResetS: 6 });
});

test("absent or empty fields are unknown, not zero", () => {
  const r = normalizeEvent({ ...BASE, rate_limit: {} }, "api", NOW, LIMITS);
  assert.ok(r.ok);
  assert.equal(r.event.httpStatus ?? null, null);
  assert.equal(r.event.ttftMs ?? null, null);
  assert.equal(r.event.rateLimit ?? null, null);
  const partial = normalizeEvent({ ...BASE, rate_limit: { tokens_remaining: 7 } }, "api", NOW, LIMITS);
  assert.ok(partial.ok);
  assert.equal(partial.event.rateLimit?.tokensRemaining, 7);
  assert.equal(partial.event.rateLimit?.tokensLimit, null);
});

test("bad values are refused with the field named", () => {
  assert.deepEqual(errorsOf({ rate_limit: { tokens_remaining: -1 } }), ["rate_limit.tokens_remaining: expected a non-negative number"]);
  assert.deepEqual(errorsOf({ rate_limit: { requests_limit: "500" } }), ["rate_limit.requests_limit: expected a non-negative number"]);
  assert.match(errorsOf({ rate_limit: "lots" })[0], /^rate_limit: expected an object/);
  assert.match(errorsOf({ rate_limit: { token_remaining: 3 } })[0], /^rate_limit.*token_remaining/);
  assert.deepEqual(errorsOf({ http_status: 99 }), ["http_status: expected an integer HTTP status code from 100 to 599"]);
  assert.deepEqual(errorsOf({ http_status: 600 }), ["http_status: expected an integer HTTP status code from 100 to 599"]);
  assert.deepEqual(errorsOf({ http_status: 200.5 }), ["http_status: expected an integer HTTP status code from 100 to 599"]);
  assert.deepEqual(errorsOf({ http_status: "429" }), ["http_status: expected an integer HTTP status code from 100 to 599"]);
  assert.deepEqual(errorsOf({ ttft_ms: -3 }), ["ttft_ms: must not be negative"]);
  assert.deepEqual(errorsOf({ ttft_ms: "soon" }), ["ttft_ms: expected a number of milliseconds"]);
});

test("stored through ingestEvents; an event without them reads as unknown", async () => {
  const res = await ingestEvents(store.orgId, "k", [
    { ...BASE, id: "with", http_status: 429, ttft_ms: 90, rate_limit: { requests_limit: 100, requests_remaining: 3, tokens_reset_s: 1.5 } },
    { ...BASE, id: "without" },
  ]);
  assert.equal(res.accepted, 2);
  const rows = await chQuery<Record<string, unknown>>(
    `SELECT event_id, http_status, ttft_ms, rl_requests_limit, rl_requests_remaining, rl_tokens_limit, rl_tokens_reset_s
     FROM ${LLM_EVENTS} WHERE org_id = {org:String} ORDER BY event_id`,
    { tag: "test.health-fields", params: { org: store.orgId } },
  );
  assert.deepEqual(
    rows.map((r) => ({ ...r, rl_tokens_reset_s: r.rl_tokens_reset_s === null ? null : Number(r.rl_tokens_reset_s) })),
    [
      { event_id: "with", http_status: 429, ttft_ms: 90, rl_requests_limit: "100", rl_requests_remaining: "3", rl_tokens_limit: null, rl_tokens_reset_s: 1.5 },
      { event_id: "without", http_status: 0, ttft_ms: null, rl_requests_limit: null, rl_requests_remaining: null, rl_tokens_limit: null, rl_tokens_reset_s: null },
    ],
  );
});
