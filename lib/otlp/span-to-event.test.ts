import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { completeMapping, DEFAULT_MAPPING } from "./attribute-mapping";
import { decodeRequest, encodeRequest } from "./codec";
import { attributes } from "./otlp-values";
import { spanToEvent } from "./span-to-event";
import { collectSpans, rejectionMessage } from "./traces-export";

/** The verbatim OTLP/JSON envelope of ../shared/fixtures/sources/04-otel-genai-otlp-json.txt (Source A). */
function fixtureEnvelope(): Record<string, unknown> {
  const file = path.resolve(process.cwd(), "../shared/fixtures/sources/04-otel-genai-otlp-json.txt");
  const text = fs.readFileSync(file, "utf8");
  const start = text.indexOf("{");
  const end = text.indexOf("# Source B");
  return JSON.parse(text.slice(start, end));
}

/** The fixture's GenAI example span (Source C table) as OTLP/JSON attributes, on the fixture's envelope. */
function withGenAiSpan(extra: { key: string; value: unknown }[] = [], names: "new" | "old" = "new"): Record<string, unknown> {
  const env = fixtureEnvelope() as { resourceSpans: { scopeSpans: { spans: Record<string, unknown>[] }[] }[] };
  const s = (k: string, v: string) => ({ key: k, value: { stringValue: v } });
  const i = (k: string, v: number) => ({ key: k, value: { intValue: String(v) } });
  env.resourceSpans[0].scopeSpans[0].spans.push({
    traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
    spanId: "00f067aa0ba902b7",
    name: "chat gpt-4",
    kind: 3,
    startTimeUnixNano: "1764583200000000000", // 2025-12-01T10:00:00Z
    endTimeUnixNano: "1764583201250000000",
    attributes: [
      s(names === "new" ? "gen_ai.provider.name" : "gen_ai.system", "openai"),
      s("gen_ai.operation.name", "chat"),
      s("gen_ai.request.model", "gpt-4"),
      { key: "gen_ai.request.max_tokens", value: { intValue: 200 } },
      { key: "gen_ai.request.top_p", value: { doubleValue: 1.0 } },
      s("gen_ai.response.id", "chatcmpl-9J3uIL87gldCFtiIbyaOvTeYBRA3l"),
      s("gen_ai.response.model", "gpt-4-0613"),
      i(names === "new" ? "gen_ai.usage.output_tokens" : "gen_ai.usage.completion_tokens", 47),
      i(names === "new" ? "gen_ai.usage.input_tokens" : "gen_ai.usage.prompt_tokens", 52),
      { key: "gen_ai.response.finish_reasons", value: { arrayValue: { values: [{ stringValue: "stop" }] } } },
      ...extra,
    ],
  });
  return env as unknown as Record<string, unknown>;
}

test("fixture: the server span of Source A is not a GenAI call and is ignored; the GenAI span becomes one event", () => {
  const only = collectSpans(fixtureEnvelope(), DEFAULT_MAPPING);
  assert.deepEqual(only, { events: [], rejected: [], spans: 1 });
  const b = collectSpans(withGenAiSpan(), DEFAULT_MAPPING);
  assert.equal(b.spans, 2);
  assert.equal(b.rejected.length, 0);
  assert.deepEqual(b.events, [
    {
      id: "4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7",
      timestamp: "2025-12-01T10:00:00.000Z",
      provider: "openai",
      model: "gpt-4-0613",
      project: "my.service",
      feature: "",
      team: "",
      user: "",
      customer: "",
      environment: "",
      usage: { input_tokens: 52, output_tokens: 47 },
      usage_format: "normalized",
      status: "ok",
      tags: { operation: "chat" },
      latency_ms: 1250,
    },
  ]);
});

test("old attribute names (gen_ai.system, prompt/completion_tokens) read the same as the new ones", () => {
  const oldE = collectSpans(withGenAiSpan([], "old"), DEFAULT_MAPPING).events;
  const newE = collectSpans(withGenAiSpan([], "new"), DEFAULT_MAPPING).events;
  assert.deepEqual(oldE, newE);
});

test("the same request in protobuf gives the same event as in JSON (uppercase hex ids too)", () => {
  const json = withGenAiSpan();
  const toBytes = (hex: string) => Buffer.from(hex, "hex");
  const proto = structuredClone(json) as { resourceSpans: { scopeSpans: { spans: Record<string, unknown>[] }[] }[] };
  for (const sp of proto.resourceSpans[0].scopeSpans[0].spans) {
    sp.traceId = toBytes(String(sp.traceId));
    sp.spanId = toBytes(String(sp.spanId));
    delete sp.parentSpanId;
  }
  const decoded = decodeRequest("traces", encodeRequest("traces", proto as unknown as Record<string, unknown>));
  assert.deepEqual(collectSpans(decoded, DEFAULT_MAPPING), collectSpans(json, DEFAULT_MAPPING));
});

test("OTel input tokens include cached ones: cache read/creation and reasoning go to the normalized buckets", () => {
  const e = collectSpans(
    withGenAiSpan([
      { key: "gen_ai.usage.cache_read.input_tokens", value: { intValue: "30" } },
      { key: "gen_ai.usage.cache_creation.input_tokens", value: { intValue: "10" } },
      { key: "gen_ai.usage.reasoning.output_tokens", value: { intValue: "20" } },
    ]),
    DEFAULT_MAPPING,
  ).events[0];
  assert.deepEqual(e.usage, { input_tokens: 52, output_tokens: 47, cache_read_tokens: 30, cache_write_tokens: 10, reasoning_tokens: 20 });
});

test("dimensions: defaults, the old deployment.environment, span attributes over resource attributes, a custom mapping", () => {
  const res = attributes([
    { key: "service.name", value: { stringValue: "checkout" } },
    { key: "deployment.environment", value: { stringValue: "staging" } },
    { key: "app.team", value: { stringValue: "payments" } },
  ]);
  const span = {
    traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
    spanId: "00f067aa0ba902b8",
    startTimeUnixNano: "1764583200000000000",
    attributes: [
      { key: "gen_ai.provider.name", value: { stringValue: "anthropic" } },
      { key: "gen_ai.request.model", value: { stringValue: "claude-sonnet-4" } },
      { key: "gen_ai.usage.input_tokens", value: { intValue: 10 } },
      { key: "app.team", value: { stringValue: "search" } },
      { key: "app.feature", value: { stringValue: "summarize" } },
      { key: "user.id", value: { stringValue: "u-1" } },
      { key: "app.customer", value: { stringValue: "acme" } },
      { key: "tenant", value: { stringValue: "globex" } },
    ],
  };
  const r = spanToEvent(span, res, DEFAULT_MAPPING);
  assert.equal(r.kind, "event");
  const e = (r as { event: Record<string, unknown> }).event;
  assert.deepEqual([e.project, e.environment, e.team, e.feature, e.user, e.customer], ["checkout", "staging", "search", "summarize", "u-1", "acme"]);
  const custom = spanToEvent(span, res, completeMapping({ customer: ["tenant"], team: [] }));
  const c = (custom as { event: Record<string, unknown> }).event;
  assert.equal(c.customer, "globex");
  assert.equal(c.team, "");
  assert.equal(c.project, "checkout");
});

test("provider names map to the ledger's ids; errors and 429s are kept as error events with health fields", () => {
  const base = (attrs: { key: string; value: unknown }[], status?: unknown) =>
    spanToEvent({ traceId: "4bf92f3577b34da6a3ce929d0e0e4736", spanId: "00f067aa0ba902b9", startTimeUnixNano: "1764583200000000000", endTimeUnixNano: "1764583200500000000", status, attributes: attrs }, new Map(), DEFAULT_MAPPING);
  const s = (k: string, v: string) => ({ key: k, value: { stringValue: v } });
  const azure = base([s("gen_ai.provider.name", "azure.ai.openai"), s("gen_ai.operation.name", "chat"), s("gen_ai.request.model", "gpt-4o"), { key: "gen_ai.usage.input_tokens", value: { intValue: 1 } }]);
  assert.equal((azure as unknown as { event: { provider: string } }).event.provider, "azure");
  const limited = base([s("gen_ai.system", "openai"), s("gen_ai.operation.name", "chat"), s("gen_ai.request.model", "gpt-4o"), s("error.type", "rate_limit_exceeded"), { key: "http.response.header.x-ratelimit-remaining-requests", value: { arrayValue: { values: [{ stringValue: "0" }] } } }]);
  assert.equal(limited.kind, "event");
  const ev = (limited as { event: Record<string, unknown> }).event;
  assert.deepEqual([ev.status, ev.http_status, ev.usage, ev.rate_limit], ["error", 429, { input_tokens: 0, output_tokens: 0 }, { requests_remaining: 0 }]);
  const failed = base([s("gen_ai.provider.name", "anthropic"), s("gen_ai.operation.name", "chat"), s("gen_ai.request.model", "claude-sonnet-4"), { key: "gen_ai.usage.input_tokens", value: { intValue: 5 } }], { code: 2 });
  assert.equal((failed as unknown as { event: { status: string } }).event.status, "error");
});

test("not GenAI calls are ignored: plain spans, agent and tool spans (their usage sums child calls)", () => {
  const s = (k: string, v: string) => ({ key: k, value: { stringValue: v } });
  const span = (attrs: unknown[]) => ({ traceId: "4bf92f3577b34da6a3ce929d0e0e4736", spanId: "00f067aa0ba902ba", startTimeUnixNano: "1764583200000000000", attributes: attrs });
  assert.equal(spanToEvent(span([s("http.route", "/x")]), new Map(), DEFAULT_MAPPING).kind, "ignored");
  assert.equal(spanToEvent(span([s("gen_ai.operation.name", "execute_tool")]), new Map(), DEFAULT_MAPPING).kind, "ignored");
  assert.equal(spanToEvent(span([s("gen_ai.operation.name", "invoke_agent"), s("gen_ai.provider.name", "openai"), { key: "gen_ai.usage.input_tokens", value: { intValue: 900 } }]), new Map(), DEFAULT_MAPPING).kind, "ignored");
});

test("a GenAI span that cannot become an event is rejected with the attribute named", () => {
  const r = spanToEvent(
    { traceId: "nothex", spanId: "00f067aa0ba902bb", startTimeUnixNano: "1764583200000000000", attributes: [{ key: "gen_ai.operation.name", value: { stringValue: "chat" } }, { key: "gen_ai.usage.input_tokens", value: { stringValue: "many" } }] },
    new Map(),
    DEFAULT_MAPPING,
  );
  assert.equal(r.kind, "rejected");
  const msg = rejectionMessage([r as { id: string; errors: string[] }]);
  for (const part of ["traceId: expected 16 bytes", "gen_ai.provider.name", "gen_ai.response.model or gen_ai.request.model", 'gen_ai.usage.input_tokens: expected a non-negative integer token count, got "many"']) {
    assert.ok(msg.includes(part), `${part} in ${msg}`);
  }
});
