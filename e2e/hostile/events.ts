/**
 * Generators of hostile ingest payloads for the reliability suite (fast-check). Every generated event
 * says what the server must do with it: `mustReject` when the issue names the input as refused (lone
 * surrogates, control and bidi characters, reserved names, oversized values, bad timestamps, hostile
 * usage), otherwise the server may accept or reject it. `tokens` is the number of tokens the ledger
 * must count if the event is accepted.
 */
import fc from "fast-check";
import { LLM_EVENTS } from "../../lib/clickhouse/tables";

export const DIMENSION_FIELDS = ["project", "feature", "team", "user", "customer", "environment"] as const;
const STRING_FIELDS = ["id", "provider", "model", ...DIMENSION_FIELDS] as const;
export const EVENT_FIELDS = [...STRING_FIELDS, "timestamp", "usage", "usage_format", "latency_ms", "status", "cache", "tags", "event"];

export type GeneratedEvent = { body: unknown; mustReject: string | null; tokens: number };

const MONTHS_FROM_2000 = 26 * 12 + 10; // through 2026-10, always in the past

/** Timestamps the server must accept, in every format it documents, anywhere from 2000 to 2026. */
const goodTimestamp = fc
  .record({ month: fc.integer({ min: 0, max: MONTHS_FROM_2000 - 1 }), day: fc.integer({ min: 1, max: 28 }), sec: fc.integer({ min: 0, max: 86_399 }), fmt: fc.integer({ min: 0, max: 3 }) })
  .map(({ month, day, sec, fmt }) => {
    const ms = Date.UTC(2000 + Math.floor(month / 12), month % 12, day) + sec * 1000;
    const iso = new Date(ms).toISOString();
    if (fmt === 0) return iso;
    if (fmt === 1) return Math.floor(ms / 1000);
    if (fmt === 2) return ms;
    return iso.replace("Z", "+00:00");
  });

const badTimestamp = fc.constantFrom<unknown>(
  "yesterday",
  "2021-13-01T00:00:00Z",
  "2021-02-30T10:00:00Z",
  "2021-06-01T10:00:00", // no zone
  "1999-12-31T23:59:59Z",
  "1969-12-31T23:59:59Z",
  "2199-01-01T00:00:00Z",
  "",
  -1,
  0,
  1e20,
  Number.MAX_SAFE_INTEGER,
  "1e12",
  null,
  true,
  {},
  [],
  "2021-06-01T10:00:00Z\u0000",
  "２０２１-06-01T10:00:00Z",
);

/** Strings the engine or the product must refuse in an identifier or a dimension value. */
const refusedString = fc.constantFrom(
  "\ud800",
  "a\udfffb",
  "tail\ud83d",
  "nul\u0000byte",
  "bell\u0007",
  "line\nbreak",
  "tab\there",
  "del\u007f",
  "c1\u0085",
  "rlo\u202egnp.exe",
  "lri\u2066x\u2069",
  "x".repeat(257),
  "y".repeat(5000),
);

/** Strings that may be stored (after normalization) or refused, but must never break anything. */
const oddString = fc.oneof(
  fc.constantFrom(
    "e\u0301", // decomposed é: NFC makes it one code point
    "é",
    "😀 emoji",
    "עברית",
    `'; DROP TABLE ${LLM_EVENTS}; --`,
    "{org:String}",
    "\\",
    '"quoted"',
    "__proto__", // ordinary text as a value; only refused as a tag key
    "constructor",
    "toString",
    "hasOwnProperty",
    "  padded  ",
    "%00",
    "${jndi:ldap://x}",
    "<script>alert(1)</script>",
    "z".repeat(256),
  ),
  fc.string({ unit: "grapheme", maxLength: 40 }),
);

const wrongType = fc.constantFrom<unknown>(42, -1, 1.5, true, null, {}, [], ["a"], { a: 1 });

/** Usage objects that must be refused: negative, fractional, non-numeric, oversized or contradictory counts. */
const refusedUsage = fc.constantFrom<unknown>(
  { input_tokens: -3, output_tokens: 1 },
  { input_tokens: 1.5, output_tokens: 1 },
  { input_tokens: "12", output_tokens: 1 },
  { input_tokens: 1e9, output_tokens: 1 },
  { input_tokens: 10, output_tokens: 1e15 },
  { input_tokens: 10, output_tokens: 1e300 },
  { prompt_tokens: 5, completion_tokens: 1, prompt_tokens_details: { cached_tokens: 10 } },
  { prompt_tokens: 5, completion_tokens: 1, prompt_tokens_details: "x" },
  { input_tokens: [1], output_tokens: 1 },
  "lots",
  [],
  null,
  42,
);

function nested(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

/** A change to one field; a later change to the same field replaces the earlier one's verdict. */
type Mutation = { field: string; apply: (e: Record<string, unknown>) => void; mustReject: string | null; keepsTokens: boolean };

const stringMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ field: fc.constantFrom("provider", "model", ...DIMENSION_FIELDS), value: refusedString }).map(({ field, value }) => ({
    field,
    apply: (e: Record<string, unknown>) => void (e[field] = value),
    mustReject: `${field} = ${JSON.stringify(value).slice(0, 40)}`,
    keepsTokens: true,
  })),
  // An id is the client's own key: only what cannot be stored or compared is refused in it.
  fc.record({ field: fc.constant("id"), value: fc.constantFrom("\ud800", "a\udfffb", "", "x".repeat(257)) }).map(({ field, value }) => ({
    field,
    apply: (e: Record<string, unknown>) => void (e[field] = value),
    mustReject: `${field} = ${JSON.stringify(value).slice(0, 40)}`,
    keepsTokens: true,
  })),
  fc.record({ field: fc.constantFrom(...STRING_FIELDS), value: wrongType }).map(({ field, value }) => ({
    field,
    apply: (e: Record<string, unknown>) => void (e[field] = value),
    mustReject: `${field} of type ${Array.isArray(value) ? "array" : typeof value}`,
    keepsTokens: true,
  })),
  fc.record({ field: fc.constantFrom(...DIMENSION_FIELDS, "model"), value: oddString }).map(({ field, value }) => ({
    field,
    apply: (e: Record<string, unknown>) => void (e[field] = value),
    mustReject: null,
    keepsTokens: true,
  })),
);

const otherMutation: fc.Arbitrary<Mutation> = fc.oneof(
  badTimestamp.map((value) => ({ field: "timestamp", apply: (e: Record<string, unknown>) => void (e.timestamp = value), mustReject: `timestamp ${JSON.stringify(value)}`, keepsTokens: true })),
  refusedUsage.map((value) => ({ field: "usage", apply: (e: Record<string, unknown>) => void (e.usage = value), mustReject: `usage ${JSON.stringify(value)}`, keepsTokens: false })),
  fc.constant<Mutation>({ field: "usage", apply: (e) => void delete e.usage, mustReject: "no usage", keepsTokens: false }),
  // Deeper than the body's 64-level bound refuses the whole request instead (the envelope test sends that).
  fc.constant<Mutation>({ field: "usage", apply: (e) => void (e.usage = nested(40)), mustReject: "usage nested 40 deep", keepsTokens: false }),
  fc.constantFrom<unknown>(-1, 1e12, "fast", null).map((value) => ({
    field: "latency_ms",
    apply: (e: Record<string, unknown>) => void (e.latency_ms = value),
    // null is documented as "no latency"
    mustReject: value === null ? null : `latency_ms ${JSON.stringify(value)}`,
    keepsTokens: true,
  })),
  fc.constantFrom<unknown>("weird", 1, "").map((value) => ({ field: "status", apply: (e: Record<string, unknown>) => void (e.status = value), mustReject: `status ${JSON.stringify(value)}`, keepsTokens: true })),
  fc.constantFrom<unknown>("maybe", 0).map((value) => ({ field: "cache", apply: (e: Record<string, unknown>) => void (e.cache = value), mustReject: `cache ${JSON.stringify(value)}`, keepsTokens: true })),
  fc.constantFrom<unknown>("bogus", 3).map((value) => ({ field: "usage_format", apply: (e: Record<string, unknown>) => void (e.usage_format = value), mustReject: `usage_format ${JSON.stringify(value)}`, keepsTokens: true })),
  fc
    .constantFrom<unknown>(
      Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, "v"])),
      { ["k".repeat(129)]: "v" },
      { k: "v".repeat(1025) },
      { k: { nested: true } },
      { k: ["a"] },
      JSON.parse('{"__proto__": "x"}'),
      { "bad\u0000key": "v" },
      { k: "rlo\u202e" },
      { k: "\ud800" },
      "tags",
      [],
    )
    .map((value) => ({ field: "tags", apply: (e: Record<string, unknown>) => void (e.tags = value), mustReject: `tags ${JSON.stringify(value).slice(0, 40)}`, keepsTokens: true })),
  fc.constantFrom<unknown>({ route: "/x", n: 3, ok: true }, { "é": "e\u0301" }, {}).map((value) => ({
    field: "tags",
    apply: (e: Record<string, unknown>) => void (e.tags = value),
    mustReject: null,
    keepsTokens: true,
  })),
  fc.constant<Mutation>({ field: "unknown_field", apply: (e) => void (e.unknown_field = { deep: [1, 2, 3] }), mustReject: null, keepsTokens: true }),
);

/** A valid event with known token total, then 0-3 mutations. */
export function hostileEvent(idPool: string[]): fc.Arbitrary<GeneratedEvent> {
  const usage = fc.oneof(
    fc.record({ input_tokens: fc.integer({ min: 0, max: 200_000 }), output_tokens: fc.integer({ min: 0, max: 50_000 }) }).map((u) => ({ u, provider: "openai", n: u.input_tokens + u.output_tokens })),
    fc.record({ prompt_tokens: fc.integer({ min: 0, max: 200_000 }), completion_tokens: fc.integer({ min: 0, max: 50_000 }) }).map((u) => ({ u, provider: "openai", n: u.prompt_tokens + u.completion_tokens })),
    fc
      .record({ input_tokens: fc.integer({ min: 0, max: 50_000 }), cache_read_input_tokens: fc.integer({ min: 0, max: 50_000 }), cache_creation_input_tokens: fc.integer({ min: 0, max: 5000 }), output_tokens: fc.integer({ min: 0, max: 5000 }) })
      .map((u) => ({ u, provider: "anthropic", n: u.input_tokens + u.cache_read_input_tokens + u.cache_creation_input_tokens + u.output_tokens })),
  );
  return fc
    .record({
      id: fc.oneof({ weight: 9, arbitrary: fc.uuid() }, { weight: 1, arbitrary: fc.constantFrom(...idPool) }),
      ts: goodTimestamp,
      usage,
      model: fc.constantFrom("gpt-4o-mini", "claude-sonnet-4-20250514", "fuzz-unpriced-model"),
      dims: fc.record(Object.fromEntries(DIMENSION_FIELDS.map((d) => [d, fc.constantFrom("", "a", "b", "fuzz")])) as Record<(typeof DIMENSION_FIELDS)[number], fc.Arbitrary<string>>),
      mutations: fc.array(fc.oneof(stringMutation, otherMutation), { maxLength: 3 }),
      notAnObject: fc.option(fc.constantFrom<unknown>("event", 7, null, [], true), { freq: 40 }),
    })
    .map(({ id, ts, usage, model, dims, mutations, notAnObject }) => {
      if (notAnObject !== null) return { body: notAnObject, mustReject: "event is not an object", tokens: 0 };
      const e: Record<string, unknown> = { id, timestamp: ts, provider: usage.provider, model, ...dims, usage: usage.u };
      const last = new Map<string, Mutation>();
      for (const m of mutations) {
        m.apply(e);
        last.set(m.field, m);
      }
      const mustReject = [...last.values()].find((m) => m.mustReject)?.mustReject ?? null;
      const keepsTokens = [...last.values()].every((m) => m.keepsTokens);
      return { body: e, mustReject, tokens: keepsTokens ? usage.n : -1 };
    });
}

/** Whole request bodies that are not a valid envelope: each must be a 4xx that says why. */
export const hostileBody: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "",
    "{",
    "null",
    "[]",
    '"events"',
    "{}",
    '{"events": {}}',
    '{"events": []}',
    '{"events": null}',
    "\ufeff{}",
    `{"events": [${"[".repeat(10_000)}${"]".repeat(10_000)}]}`,
    `${"[".repeat(100_000)}${"]".repeat(100_000)}`,
    `{"events": [${'{"a":'.repeat(5000)}1${"}".repeat(5000)}]}`,
    JSON.stringify({ events: Array.from({ length: 1001 }, (_, i) => ({ id: `x${i}` })) }),
    '{"events": [1e999]}',
    '{"events": ["\\ud800"]}',
  ),
  fc.json().filter((s) => {
    try {
      const v = JSON.parse(s) as unknown;
      return !(typeof v === "object" && v !== null && Array.isArray((v as { events?: unknown }).events));
    } catch {
      return true;
    }
  }),
  fc.string({ unit: "binary", maxLength: 200 }),
);
