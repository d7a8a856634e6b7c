/** Event validation: per-field messages a person can act on (which field, what was expected). */
import { test } from "node:test";
import assert from "node:assert/strict";
import { normalizeEvent } from "./normalize-event";
import { parseTimestamp } from "./event-schema";
import { BatchError, parseBatch } from "./ingest-batch";

const NOW = Date.parse("2026-11-23T12:00:00Z");

const GOOD = {
  id: "evt-1",
  timestamp: "2026-11-20T10:00:00Z",
  provider: "anthropic",
  model: "claude-sonnet-4-20250514",
  project: "support-bot",
  feature: "summarize",
  team: "growth",
  user: "u-42",
  customer: "acme",
  environment: "prod",
  usage: { input_tokens: 900, cache_creation_input_tokens: 1000, cache_read_input_tokens: 4000, output_tokens: 500 },
  latency_ms: 830,
  status: "ok",
  cache: "miss",
  tags: { route: "/api/chat" },
};

function without(key: string, extra: Record<string, unknown> = {}) {
  const e: Record<string, unknown> = { ...GOOD, ...extra };
  delete e[key];
  return e;
}

function rejected(raw: unknown): { id: string | null; errors: string[] } {
  const r = normalizeEvent(raw, "api", NOW);
  assert.equal(r.ok, false, `expected ${JSON.stringify(raw)} to be rejected`);
  return r as { ok: false; id: string | null; errors: string[] };
}

test("the issue's example event is accepted with every field carried over", () => {
  const r = normalizeEvent(GOOD, "api", NOW);
  assert.ok(r.ok, JSON.stringify(r));
  assert.deepEqual(r.event, {
    id: "evt-1",
    timestamp: new Date("2026-11-20T10:00:00Z"),
    provider: "anthropic",
    model: "claude-sonnet-4-20250514",
    project: "support-bot",
    feature: "summarize",
    team: "growth",
    user: "u-42",
    customer: "acme",
    environment: "prod",
    tokens: { inputUncached: 900, cacheRead: 4000, cacheWrite5m: 1000, cacheWrite1h: 0, output: 500, reasoning: 0 },
    latencyMs: 830,
    status: "ok",
    appCache: "miss",
    tags: { route: "/api/chat" },
    source: "api",
  });
});

test("only id, timestamp, provider, model and usage are required", () => {
  const r = normalizeEvent({ id: "m", timestamp: "2026-11-20T10:00:00Z", provider: "OpenAI", model: "gpt-4o", usage: { input_tokens: 1, output_tokens: 1 } }, "api", NOW);
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.event.provider, "openai", "provider is case-folded");
  assert.deepEqual(
    [r.event.project, r.event.feature, r.event.team, r.event.user, r.event.customer, r.event.environment, r.event.appCache, r.event.status],
    ["", "", "", "", "", "", "", "ok"],
  );
  assert.equal(r.event.latencyMs, null);
  assert.deepEqual(r.event.tags, {});
});

test("missing required fields: each is named with what was expected", () => {
  assert.deepEqual(rejected(without("id")).errors, ["id: expected a string (your idempotency key)"]);
  assert.deepEqual(rejected(without("timestamp")).errors, ["timestamp: expected an RFC 3339 string or unix seconds"]);
  assert.deepEqual(rejected(without("provider")).errors, ['provider: expected a string such as "openai" or "anthropic"']);
  assert.deepEqual(rejected(without("model")).errors, ["model: expected a string"]);
  const noUsage = rejected(without("usage"));
  assert.equal(noUsage.id, "evt-1", "the answer names the event by its id");
  assert.equal(noUsage.errors.length, 1);
  assert.match(noUsage.errors[0], /^usage: required \(the provider's usage object/);
  assert.match(rejected({ ...GOOD, usage: null }).errors[0], /^usage: required/);
});

test("several bad fields are all reported at once", () => {
  const r = rejected(without("id", { provider: 7, model: "", usage: undefined }));
  assert.deepEqual(r.errors.sort(), [
    "id: expected a string (your idempotency key)",
    "model: must not be empty",
    'provider: expected a string such as "openai" or "anthropic"',
    "usage: required (the provider's usage object or {input_tokens, output_tokens, ...})",
  ]);
  const both = rejected({ ...GOOD, timestamp: "soon", usage: { input_tokens: -5 } });
  assert.equal(both.errors.length, 2);
  assert.match(both.errors[0], /^timestamp:/);
  assert.match(both.errors[1], /^usage\.input_tokens:/);
});

test("empty strings for required text fields are named", () => {
  assert.deepEqual(rejected({ ...GOOD, id: "  " }).errors, ["id: must not be empty"]);
  assert.deepEqual(rejected({ ...GOOD, provider: "" }).errors, ["provider: must not be empty"]);
});

test("bad timestamps: unreadable, no time zone, future, too old, wrong type", () => {
  assert.deepEqual(rejected({ ...GOOD, timestamp: "yesterday" }).errors, [
    'timestamp: expected RFC 3339 with a time zone, e.g. 2026-11-20T10:00:00Z, got "yesterday"',
  ]);
  assert.match(rejected({ ...GOOD, timestamp: "2026-11-20T10:00:00" }).errors[0], /^timestamp: expected RFC 3339 with a time zone/);
  assert.deepEqual(rejected({ ...GOOD, timestamp: "2026-02-30T10:00:00Z" }).errors, ['timestamp: not a valid date: "2026-02-30T10:00:00Z"']);
  assert.deepEqual(rejected({ ...GOOD, timestamp: "2026-04-31T10:00:00Z" }).errors, ['timestamp: not a valid date: "2026-04-31T10:00:00Z"']);
  assert.deepEqual(rejected({ ...GOOD, timestamp: "2026-11-20T25:00:00Z" }).errors, ['timestamp: not a valid date: "2026-11-20T25:00:00Z"']);
  assert.equal(parseTimestamp("2024-02-29T10:00:00Z", NOW) instanceof Date, true, "a leap day is a real date");
  assert.deepEqual(rejected({ ...GOOD, timestamp: "2026-11-24T12:00:01Z" }).errors, ["timestamp: 2026-11-24T12:00:01.000Z is more than 24 hours in the future"]);
  assert.match(rejected({ ...GOOD, timestamp: "1999-12-31T23:59:59Z" }).errors[0], /^timestamp: .* is before the year 2000$/);
  assert.deepEqual(rejected({ ...GOOD, timestamp: true }).errors, ["timestamp: expected an RFC 3339 string or unix seconds"]);
  assert.deepEqual(rejected({ ...GOOD, timestamp: -5 }).errors, ["timestamp: expected unix seconds > 0"]);
});

test("accepted timestamp forms: RFC 3339 with offset, unix seconds, unix milliseconds, slight clock skew", () => {
  const at = (ts: unknown) => {
    const r = normalizeEvent({ ...GOOD, timestamp: ts }, "api", NOW);
    assert.ok(r.ok, JSON.stringify(r));
    return r.event.timestamp.toISOString();
  };
  assert.equal(at("2026-11-20T12:00:00+02:00"), "2026-11-20T10:00:00.000Z");
  const unixSeconds = Date.UTC(2026, 10, 20, 10, 0, 0) / 1000; // 2026-11-20T10:00:00Z
  assert.equal(at(unixSeconds), "2026-11-20T10:00:00.000Z");
  assert.equal(at(unixSeconds * 1000 + 123), "2026-11-20T10:00:00.123Z", "values above 1e11 are milliseconds");
  assert.equal(at("2026-11-24T11:59:00Z"), "2026-11-24T11:59:00.000Z", "within 24 h ahead is clock skew, not an error");
  assert.equal(parseTimestamp("2026-11-20 10:00Z", NOW) instanceof Date, true);
});

test("wrong types for optional fields: each named with what was expected", () => {
  assert.deepEqual(rejected({ ...GOOD, id: 5 }).errors, ["id: expected a string (your idempotency key)"]);
  assert.deepEqual(rejected({ ...GOOD, customer: 7 }).errors, ["customer: expected a string"]);
  assert.deepEqual(rejected({ ...GOOD, latency_ms: "fast" }).errors, ["latency_ms: expected a number of milliseconds"]);
  assert.deepEqual(rejected({ ...GOOD, latency_ms: -1 }).errors, ["latency_ms: must not be negative"]);
  assert.deepEqual(rejected({ ...GOOD, status: "failed" }).errors, ['status: expected "ok" or "error"']);
  assert.deepEqual(rejected({ ...GOOD, cache: "yes" }).errors, ['cache: expected "hit" or "miss"']);
  assert.deepEqual(rejected({ ...GOOD, tags: "route" }).errors, ["tags: expected an object of string values"]);
  assert.deepEqual(rejected({ ...GOOD, usage_format: "bogus" }).errors, ["usage_format: expected one of openai.chat, openai.responses, anthropic, normalized"]);
  assert.match(rejected({ ...GOOD, feature: "x".repeat(257) }).errors[0], /^feature: at most 256 characters$/);
});

test("a bad tag value names the tag and what was expected", () => {
  assert.deepEqual(rejected({ ...GOOD, tags: { route: { nested: 1 } } }).errors, [
    "tags.route: expected a string (at most 1024 characters), number or boolean",
  ]);
});

test("tag numbers and booleans are kept as strings", () => {
  const r = normalizeEvent({ ...GOOD, tags: { attempt: 2, cached: true } }, "api", NOW);
  assert.ok(r.ok);
  assert.deepEqual(r.event.tags, { attempt: "2", cached: "true" });
});

test("a usage error is reported with the event's id", () => {
  const r = rejected({ ...GOOD, usage: { input_tokens: "many", output_tokens: 3 } });
  assert.equal(r.id, "evt-1");
  assert.deepEqual(r.errors, ['usage.input_tokens: expected a non-negative integer token count, got "many"']);
});

test("an event that is not an object", () => {
  assert.deepEqual(rejected(42), { ok: false, id: null, errors: ["event: expected an object, got 42"] });
  assert.deepEqual(rejected(null).errors, ["event: expected an object, got null"]);
  assert.match(rejected([GOOD]).errors[0], /^event: expected an object/);
});

test("parseBatch: envelope errors are a 400 naming events", () => {
  const fail = (body: unknown) => {
    try {
      parseBatch(body);
    } catch (err) {
      assert.ok(err instanceof BatchError);
      assert.equal(err.status, 400);
      return err.details;
    }
    assert.fail(`expected ${JSON.stringify(body)?.slice(0, 60)} to be refused`);
  };
  assert.deepEqual(fail({}), ["events: expected an array of events"]);
  assert.deepEqual(fail({ events: "x" }), ["events: expected an array of events"]);
  assert.deepEqual(fail({ events: [] }), ["events: send at least one event"]);
  assert.deepEqual(fail({ events: new Array(1001).fill(GOOD) }), ["events: at most 1000 events per request"]);
  assert.equal(parseBatch({ events: new Array(1000).fill(GOOD) }).length, 1000);
  // bad events inside a good envelope are not an envelope error: they are answered per event
  assert.deepEqual(parseBatch({ events: [1, "two", GOOD] }), [1, "two", GOOD]);
});
