import assert from "node:assert/strict";
import { test } from "node:test";
import { decodeStatus, encodeStatus } from "./codec";
import { rootFromProtoFiles } from "./proto/build-root";
import { OTLP_DESCRIPTOR } from "./proto/descriptor";

test("descriptor.ts is what the official .proto files in proto/ say (regenerate with proto/generate-descriptor.ts)", () => {
  assert.deepEqual(JSON.parse(JSON.stringify(rootFromProtoFiles().toJSON())), JSON.parse(JSON.stringify(OTLP_DESCRIPTOR)));
});

test("google.rpc.Status round trip", () => {
  assert.deepEqual(decodeStatus(encodeStatus(3, "bad")), { code: 3, message: "bad" });
});

test("the direct span reader yields what the reflection decoder yields, for every field collectSpans reads", async () => {
  const { readTraceRequest } = await import("./trace-request-reader");
  const { decodeRequest, encodeRequest } = await import("./codec");
  const { collectSpans } = await import("./traces-export");
  const { DEFAULT_MAPPING } = await import("./attribute-mapping");
  const { otlpRequest } = await import("./bench-workload");
  const hex = (h: string) => Buffer.from(h, "hex");
  const kv = (key: string, value: unknown) => ({ key, value });
  const odd = encodeRequest("traces", {
    resourceSpans: [
      {
        resource: { attributes: [kv("service.name", { stringValue: "svc" }), kv("deployment.environment", { stringValue: "dev" })] },
        scopeSpans: [
          { scope: { name: "s", attributes: [kv("x", { intValue: 1 })] }, spans: [] },
          {
            spans: [
              {
                traceId: hex("4bf92f3577b34da6a3ce929d0e0e4736"), spanId: hex("00f067aa0ba902b7"), name: "chat", kind: 3,
                startTimeUnixNano: "1764583200000000000", endTimeUnixNano: "1764583201000000000", status: { code: 2, message: "boom" },
                events: [{ name: "e", attributes: [kv("gen_ai.usage.input_tokens", { intValue: 999 })] }],
                attributes: [
                  kv("gen_ai.system", { stringValue: "anthropic" }), kv("gen_ai.request.model", { stringValue: "claude-sonnet-4" }),
                  kv("gen_ai.usage.input_tokens", { intValue: "-3" }), kv("gen_ai.usage.output_tokens", { doubleValue: 4 }),
                  kv("http.response.header.x-ratelimit-remaining-requests", { arrayValue: { values: [{ stringValue: "7" }] } }),
                  kv("flag", { boolValue: false }), kv("blob", { bytesValue: hex("00ff") }), kv("nested", { kvlistValue: { values: [kv("a", { stringValue: "b" })] } }),
                ],
              },
            ],
          },
        ],
      },
    ],
  });
  for (const bytes of [odd, otlpRequest(7, 0, 50, Date.parse("2026-11-20T00:00:00Z"))]) {
    assert.deepEqual(collectSpans(readTraceRequest(bytes), DEFAULT_MAPPING), collectSpans(decodeRequest("traces", bytes), DEFAULT_MAPPING));
  }
  assert.throws(() => readTraceRequest(new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01])));
  assert.throws(() => readTraceRequest(Buffer.from("hello world, not protobuf")));
});

test("the span reader's string cache answers the same text for the same bytes, long and non-ASCII strings included", async () => {
  const { readTraceRequest } = await import("./trace-request-reader");
  const { encodeRequest } = await import("./codec");
  const long = "m".repeat(65);
  const texts = ["chat", "gen_ai.request.model", "modèle-ünïcode-😀", long, "", "chat"];
  const request = (values: string[]) =>
    encodeRequest("traces", { resourceSpans: [{ scopeSpans: [{ spans: [{ attributes: values.map((v, i) => ({ key: `k${i}-${v.slice(0, 8)}`, value: { stringValue: v } })) }] }] }] });
  const read = (bytes: Uint8Array) => {
    const spans = (readTraceRequest(bytes).resourceSpans as { scopeSpans: { spans: { attributes: Map<string, unknown> }[] }[] }[])[0].scopeSpans[0].spans;
    return [...spans[0].attributes].map(([k, v]) => [k, v ?? ""]);
  };
  const expected = texts.map((v, i) => [`k${i}-${v.slice(0, 8)}`, v]);
  assert.deepEqual(read(request(texts)), expected);
  // the same bytes again come from the cache; a buffer reused for other bytes must not change them
  const reused = Buffer.from(request(texts));
  assert.deepEqual(read(reused), expected);
  reused.fill(0);
  assert.deepEqual(read(request(texts)), expected);
});
