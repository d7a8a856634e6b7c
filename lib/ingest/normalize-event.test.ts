/** Event validation: per-field messages a person can act on (which field, what was expected). */
import { test } from "node:test";
import assert from "node:assert/strict";
import { normalizeEvent } from "./normalize-event";
import { parseTimestamp } from "./event-schema";
import { BatchError, parseBatch } from "./ingest-batch";
import { describeValue } from "./text";

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
  assert.equal(r.ok, false, `expected ${describeValue(raw)} to be rejected`);
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

// --- Text the engine would refuse, or that would display as something else (issue 7, defects 1 and 7) ---

const STRING_FIELDS = ["id", "provider", "model", "project", "feature", "team", "user", "customer", "environment"] as const;

test("a lone UTF-16 surrogate in any string field rejects that event alone, naming the field", () => {
  for (const field of STRING_FIELDS) {
    for (const bad of ["\ud800", "x\udfff", "ok\ud83d"]) {
      const r = rejected({ ...GOOD, [field]: bad });
      assert.equal(r.errors.length, 1, `${field}: ${JSON.stringify(r.errors)}`);
      assert.match(r.errors[0], new RegExp(`^${field}: contains an unpaired UTF-16 surrogate \\(U\\+D[89A-F][0-9A-F]{2}\\)`));
    }
  }
  assert.match(rejected({ ...GOOD, tags: { route: "\udc00" } }).errors[0], /^tags\.route: the value contains an unpaired UTF-16 surrogate/);
  assert.match(rejected({ ...GOOD, tags: { ["k\ud800"]: "v" } }).errors[0], /^tags\["k\\ud800"\]: the key contains an unpaired UTF-16 surrogate/);
  // a well-formed pair (an emoji) is ordinary text
  const ok = normalizeEvent({ ...GOOD, customer: "acme 😀", tags: { mood: "😀" } }, "api", NOW);
  assert.ok(ok.ok, JSON.stringify(ok));
});

test("control characters (C0, DEL, C1) and bidi overrides/isolates are refused in dimension values and tags", () => {
  for (const ch of ["\u0000", "\u0007", "\u001b", "\u007f", "\u0085", "\u009f", "\u202a", "\u202e", "\u2066", "\u2069"]) {
    const r = rejected({ ...GOOD, customer: `ac${ch}me` });
    assert.equal(r.errors.length, 1);
    assert.match(r.errors[0], /^customer: contains the (control|bidirectional formatting) character U\+[0-9A-F]{4} at character 3;/);
    assert.match(rejected({ ...GOOD, tags: { route: `a${ch}` } }).errors[0], /^tags\.route: the value contains/);
    assert.match(rejected({ ...GOOD, tags: { [`k${ch}`]: "v" } }).errors[0], /^tags\["k\\u[0-9a-f]{4}"\]: the key contains/);
  }
  // Leading and trailing whitespace (newlines included) is trimmed from dimension values, as before.
  const r = normalizeEvent({ ...GOOD, team: "  growth\n" }, "api", NOW);
  assert.ok(r.ok);
  assert.equal(r.event.team, "growth");
});

test("dimension values and tags are stored in Unicode NFC, so one name typed two ways is one value", () => {
  const r = normalizeEvent({ ...GOOD, customer: "Cafe\u0301", model: "mode\u0301le", tags: { "re\u0301gion": "Zu\u0308rich" } }, "api", NOW);
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.event.customer, "Caf\u00e9");
  assert.equal(r.event.model, "mod\u00e9le");
  assert.deepEqual(r.event.tags, { "r\u00e9gion": "Z\u00fcrich" });
  // the id is the client's own key and is kept exactly as sent
  const id = normalizeEvent({ ...GOOD, id: "e\u0301-1" }, "api", NOW);
  assert.ok(id.ok);
  assert.equal(id.event.id, "e\u0301-1");
});

test("a value of exactly the maximum length is accepted, one more is refused", () => {
  const at = normalizeEvent({ ...GOOD, customer: "c".repeat(256) }, "api", NOW);
  assert.ok(at.ok);
  assert.deepEqual(rejected({ ...GOOD, customer: "c".repeat(257) }).errors, ["customer: at most 256 characters"]);
  assert.deepEqual(rejected({ ...GOOD, model: "m".repeat(257) }).errors, ["model: at most 256 characters"]);
});

test("the tag key __proto__ is refused with the reason (it used to vanish silently)", () => {
  const tags = JSON.parse('{"__proto__": "x", "route": "/api/chat"}');
  const r = rejected({ ...GOOD, tags });
  assert.deepEqual(r.errors, [
    'tags.__proto__: "__proto__" is a reserved name (JavaScript objects treat it as the prototype, so the tag would be silently lost); use another key',
  ]);
  // As a dimension value it is ordinary text and is stored as sent.
  const v = normalizeEvent({ ...GOOD, customer: "__proto__", feature: "constructor" }, "api", NOW);
  assert.ok(v.ok);
  assert.equal(v.event.customer, "__proto__");
});

test("tags: more than 64 are refused; a key that repeats another after NFC is named", () => {
  const many = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, "v"]));
  assert.deepEqual(rejected({ ...GOOD, tags: many }).errors, ["tags: at most 64 tags, got 65"]);
  const twice = rejected({ ...GOOD, tags: { "\u00e9": "a", "e\u0301": "b" } });
  assert.match(twice.errors[0], /the same text as another tag key after Unicode normalization/);
});

test("token counts are bounded per event and bucket (1e9 tokens once added $226,253); the error names the field and the limit", () => {
  const r = rejected({ ...GOOD, usage: { input_tokens: 1_000_000_000, output_tokens: 5 } });
  assert.deepEqual(r.errors, [
    "usage.input_tokens: expected at most 10,000,000 tokens per event (the limit INGEST_MAX_TOKENS_PER_BUCKET), got 1000000000",
  ]);
  const atLimit = normalizeEvent({ ...GOOD, usage: { input_tokens: 10_000_000, output_tokens: 10_000_000 } }, "api", NOW);
  assert.ok(atLimit.ok, "exactly the limit is accepted");
  // the limit is configuration: a deployment may lower (or raise, up to 1e9) it
  const lower = normalizeEvent({ ...GOOD, usage: { input_tokens: 1001, output_tokens: 1 } }, "api", NOW, { maxTokensPerBucket: 1000 });
  assert.ok(!lower.ok);
  assert.match(lower.errors[0], /^usage\.input_tokens: expected at most 1,000 tokens per event/);
});

test("values nested thousands deep are rejected as bad events, never thrown (which read as a store failure)", () => {
  let deep: unknown = 1;
  for (let i = 0; i < 20_000; i++) deep = [deep];
  assert.match(rejected(deep).errors[0], /^event: expected an object, got an array nested too deeply to show/);
  assert.match(rejected({ ...GOOD, usage: deep }).errors[0], /^usage: expected an object of token counts/);
  assert.match(rejected({ ...GOOD, usage: { input_tokens: deep } }).errors[0], /^usage\.input_tokens: expected a non-negative integer/);
  assert.match(rejected({ ...GOOD, tags: { route: deep } }).errors[0], /^tags\.route: expected a string/);
});
