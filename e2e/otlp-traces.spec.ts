import { expect, test } from "@playwright/test";
import { decodeStatus } from "../lib/otlp/codec";
import { exportGenAiMetrics, exportSpans, recordSpans, type GenAiCall } from "../lib/otlp/testing/otel-sender";
import { createKey, RUN } from "./helpers";

/**
 * OpenTelemetry GenAI over OTLP/HTTP into the running product, sent by the real OpenTelemetry JS SDK
 * and exporters, as a service configured with OTEL_EXPORTER_OTLP_ENDPOINT=<server>/api/otlp would.
 * The spans sit on 2025-12-15, before the demo organization's seeded days.
 *
 * gpt-4o: $2.50 input, $1.25 cached input, $10 output per million tokens. A call of 1,000 input
 * tokens (200 of them cached) and 500 output: 800*2.5 + 200*1.25 + 500*10 = 7,250 per million = $0.00725.
 */
const DAY = "2025-12-15";
let feature = "";
let key = "";
let endpoint = "";

const call = (h: number, f: string): GenAiCall => ({
  startMs: Date.parse(`${DAY}T${String(h).padStart(2, "0")}:05:00Z`),
  durationMs: 1200,
  attributes: {
    "gen_ai.operation.name": "chat",
    "gen_ai.provider.name": "openai",
    "gen_ai.request.model": "gpt-4o",
    "gen_ai.response.model": "gpt-4o",
    "gen_ai.usage.input_tokens": 1000,
    "gen_ai.usage.cache_read.input_tokens": 200,
    "gen_ai.usage.output_tokens": 500,
    "app.feature": f,
    "app.team": "e2e-team",
  },
});

async function spendOf(request: import("@playwright/test").APIRequestContext, f: string) {
  const res = await request.get(`/api/v1/spend?from=${DAY}&to=2025-12-16&group_by=feature,project&feature=${encodeURIComponent(f)}`, { headers: { authorization: `Bearer ${key}` } });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()).rows as { feature: string; project: string; requests: number; cost_usd_exact: string }[];
}

test.describe.serial("OTLP traces", () => {
  test.beforeAll(async ({ baseURL }) => {
    key = await createKey(`otlp ${RUN}`, "ingest,read");
    endpoint = `${baseURL}/api/otlp`;
    // Unique per run and per repeat (--repeat-each), so each run's totals are its own.
    feature = `e2e-otlp-${RUN}-${Math.random().toString(36).slice(2, 8)}`;
  });

  test("GenAI spans from the protobuf exporter are in the ledger at the right cost; sent twice they count once; a non-GenAI span is ignored", async ({ request }) => {
    const spans = await recordSpans({ "service.name": "e2e-otel-service" }, [call(9, feature), call(10, feature), call(11, feature)], [{ name: "GET /orders", attributes: { "http.route": "/orders" } }]);
    expect(spans).toHaveLength(4);
    expect((await exportSpans(endpoint, key, spans, "protobuf")).code).toBe(0);
    expect((await exportSpans(endpoint, key, spans, "protobuf")).code).toBe(0);
    await expect(async () => {
      const rows = await spendOf(request, feature);
      expect(rows).toHaveLength(1);
      expect(rows[0].project).toBe("e2e-otel-service");
      expect(rows[0].requests).toBe(3);
      expect(rows[0].cost_usd_exact).toMatch(/^0\.02175(0*)$/);
    }).toPass({ timeout: 15_000 });
  });

  test("the JSON exporter with gzip", async ({ request }) => {
    const f = `${feature}-gzip`;
    const spans = await recordSpans({ "service.name": "e2e-otel-service" }, [call(12, f)]);
    expect((await exportSpans(endpoint, key, spans, "json", true)).code).toBe(0);
    await expect(async () => expect((await spendOf(request, f))[0]?.cost_usd_exact).toMatch(/^0\.00725(0*)$/)).toPass({ timeout: 15_000 });
  });

  test("a malformed body gets 400 with a google.rpc.Status in the request's encoding; a wrong key 401", async ({ request }) => {
    const bad = await request.post("/api/otlp/v1/traces", { headers: { authorization: `Bearer ${key}`, "content-type": "application/x-protobuf" }, data: Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01]) });
    expect(bad.status()).toBe(400);
    expect(bad.headers()["content-type"]).toBe("application/x-protobuf");
    expect(decodeStatus(new Uint8Array(await bad.body())).message).toMatch(/ExportTraceServiceRequest/);
    const badJson = await request.post("/api/otlp/v1/traces", { headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, data: Buffer.from("{nope") });
    expect(badJson.status()).toBe(400);
    expect((await badJson.json()).message).toMatch(/not valid JSON/);
    const wrong = await exportSpans(endpoint, "fk_not_a_key", await recordSpans({}, [call(13, feature)]), "protobuf");
    expect(wrong.code).not.toBe(0);
    const raw = await request.post("/api/otlp/v1/traces", { headers: { authorization: "Bearer fk_not_a_key", "content-type": "application/json" }, data: "{}" });
    expect(raw.status()).toBe(401);
  });

  test("partial success names the rejected span and attribute", async ({ request }) => {
    const span = {
      traceId: "5b8efff798038103d269b633813fc60c",
      spanId: "eee19b7ec3c1b174",
      startTimeUnixNano: String(Date.parse(`${DAY}T14:00:00Z`) * 1e6),
      attributes: [
        { key: "gen_ai.operation.name", value: { stringValue: "chat" } },
        { key: "gen_ai.provider.name", value: { stringValue: "openai" } },
        { key: "gen_ai.usage.input_tokens", value: { intValue: "5" } },
      ],
    };
    const res = await request.post("/api/otlp/v1/traces", { headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, data: { resourceSpans: [{ scopeSpans: [{ spans: [span] }] }] } });
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.partialSuccess.rejectedSpans).toBe("1");
    expect(body.partialSuccess.errorMessage).toContain("5b8efff798038103d269b633813fc60c:eee19b7ec3c1b174");
    expect(body.partialSuccess.errorMessage).toContain("gen_ai.response.model or gen_ai.request.model");
  });

  test("GenAI metrics from the protobuf metrics exporter are accepted", async () => {
    const codes = await exportGenAiMetrics(endpoint, key, { "service.name": "e2e-otel-service" }, [
      { tokens: [{ value: 120, attributes: { "gen_ai.provider.name": "openai", "gen_ai.request.model": "gpt-4o", "gen_ai.token.type": "input" } }] },
    ]);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((c) => c === 0)).toBe(true);
  });
});
