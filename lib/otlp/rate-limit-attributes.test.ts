import assert from "node:assert/strict";
import { test } from "node:test";
import { healthFields, parseDurationSeconds } from "./rate-limit-attributes";
import type { Attributes } from "./otlp-values";

const attrs = (o: Record<string, unknown>) => new Map(Object.entries(o)) as Attributes;
const AT = Date.parse("2026-11-20T10:00:00Z");

test("OpenAI x-ratelimit-* headers (string arrays, duration resets) become the rate_limit object", () => {
  const h = healthFields(
    attrs({
      "http.response.status_code": 200,
      "http.response.header.x-ratelimit-limit-requests": ["10000"],
      "http.response.header.x-ratelimit-remaining-requests": ["9998"],
      "http.response.header.x-ratelimit-limit-tokens": ["2000000"],
      "http.response.header.x-ratelimit-remaining-tokens": ["1999500"],
      "http.response.header.x-ratelimit-reset-requests": ["12ms"],
      "http.response.header.x-ratelimit-reset-tokens": ["6m0s"],
    }),
    AT,
  );
  assert.deepEqual(h, {
    http_status: 200,
    rate_limit: { requests_limit: 10000, requests_remaining: 9998, tokens_limit: 2000000, tokens_remaining: 1999500, requests_reset_s: 0.012, tokens_reset_s: 360 },
  });
});

test("Anthropic anthropic-ratelimit-* headers with RFC 3339 resets are measured from the response time", () => {
  const h = healthFields(
    attrs({
      "http.response.header.anthropic-ratelimit-requests-limit": ["50"],
      "http.response.header.anthropic-ratelimit-requests-remaining": ["49"],
      "http.response.header.anthropic-ratelimit-requests-reset": ["2026-11-20T10:00:01Z"],
      "http.response.header.anthropic-ratelimit-tokens-limit": "40000",
      "http.response.header.anthropic-ratelimit-tokens-remaining": "39000",
      "http.response.header.anthropic-ratelimit-tokens-reset": ["2026-11-20T10:00:30Z"],
    }),
    AT,
  );
  assert.deepEqual(h.rate_limit, { requests_limit: 50, requests_remaining: 49, requests_reset_s: 1, tokens_limit: 40000, tokens_remaining: 39000, tokens_reset_s: 30 });
  assert.equal(h.http_status, undefined);
});

test("a rate-limit error.type without a status code reads as HTTP 429; a status code wins", () => {
  assert.equal(healthFields(attrs({ "error.type": "rate_limit_exceeded" }), AT).http_status, 429);
  assert.equal(healthFields(attrs({ "error.type": "429" }), AT).http_status, 429);
  assert.equal(healthFields(attrs({ "error.type": "RateLimitError" }), AT).http_status, 429);
  assert.equal(healthFields(attrs({ "error.type": "503" }), AT).http_status, 503);
  assert.equal(healthFields(attrs({ "error.type": "timeout" }), AT).http_status, undefined);
  assert.equal(healthFields(attrs({ "error.type": "429", "http.response.status_code": 529 }), AT).http_status, 529);
});

test("time to first token from either attribute, seconds to ms; junk is left out", () => {
  assert.equal(healthFields(attrs({ "gen_ai.server.time_to_first_token": 0.25 }), AT).ttft_ms, 250);
  assert.equal(healthFields(attrs({ "gen_ai.response.time_to_first_chunk": 1.5 }), AT).ttft_ms, 1500);
  assert.deepEqual(healthFields(attrs({ "gen_ai.server.time_to_first_token": "soon", "http.response.header.x-ratelimit-limit-requests": ["-1"] }), AT), {});
});

test("durations", () => {
  assert.equal(parseDurationSeconds("1h2m3.5s"), 3723.5);
  assert.equal(parseDurationSeconds("20ms"), 0.02);
  assert.equal(parseDurationSeconds("7"), 7);
  assert.equal(parseDurationSeconds("soon"), null);
});
