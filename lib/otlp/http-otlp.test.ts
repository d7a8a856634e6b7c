/**
 * Integration over real HTTP: the OTLP handlers behind a node:http server on 127.0.0.1, fed by the
 * real OpenTelemetry SDK and exporters (protobuf and JSON, gzip), with real API keys, the embedded
 * ClickHouse and SQLite; spans read back from the ledger with hand-computed costs.
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { Readable } from "node:stream";
import zlib from "node:zlib";
import type { AddressInfo } from "node:net";
import { createApiKey } from "@/lib/auth/api-keys";
import { querySpend } from "@/lib/analytics/spend";
import { eventWriter } from "@/lib/ingest/writer";
import { decodeResponse, decodeStatus, encodeRequest } from "./codec";
import { handleOtlp } from "./http-otlp";
import { genaiMetricSummary } from "./metric-summary";
import { exportGenAiMetrics, exportSpans, recordSpans, type GenAiCall } from "./testing/otel-sender";

let store: TempStore;
let server: http.Server;
let endpoint = "";
let key = "";

before(async () => {
  store = await openTempStore();
  key = (await createApiKey({ orgId: store.orgId, name: "otel", scopes: ["ingest"] })).key;
  server = http.createServer(async (req, res) => {
    const signal = req.url === "/api/otlp/v1/traces" ? "traces" : req.url === "/api/otlp/v1/metrics" ? "metrics" : null;
    if (!signal || req.method !== "POST") return void res.writeHead(404).end();
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const request = new Request(`http://127.0.0.1${req.url}`, { method: "POST", headers, body: Readable.toWeb(req) as ReadableStream, duplex: "half" } as RequestInit);
    const answer = await handleOtlp(request, signal);
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/otlp`;
});
after(async () => {
  server?.close();
  await store?.close();
});

const DAY = "2026-11-03";
const at = (h: number) => Date.parse(`${DAY}T${String(h).padStart(2, "0")}:10:00Z`);
const spend = async (filters: Record<string, string[]> = {}) => {
  await eventWriter().drain();
  const rows = await querySpend({ orgId: store.orgId, from: new Date(`${DAY}T00:00:00Z`), to: new Date(`${DAY}T23:00:00Z`), groupBy: [], filters });
  return rows[0];
};
const call = (feature: string, h: number, extra: Record<string, string | number | string[]> = {}): GenAiCall => ({
  startMs: at(h),
  durationMs: 800,
  attributes: {
    "gen_ai.operation.name": "chat",
    "gen_ai.provider.name": "openai",
    "gen_ai.request.model": "gpt-4o",
    "gen_ai.response.model": "gpt-4o",
    "gen_ai.usage.input_tokens": 1000, // includes the 200 cached
    "gen_ai.usage.cache_read.input_tokens": 200,
    "gen_ai.usage.output_tokens": 500,
    "app.feature": feature,
    ...extra,
  },
});
// gpt-4o: $2.50 / $1.25 cached / $10 per Mtok -> 800*2.5 + 200*1.25 + 500*10 = 7,250,000,000 pico-dollars = $0.00725.
const ONE_CALL_USD = 0.00725;

test("protobuf exporter: GenAI spans land in the ledger at the right cost; a span sent twice counts once; others are ignored", async () => {
  const spans = await recordSpans({ "service.name": "checkout", "deployment.environment.name": "prod" }, [call("proto", 1), call("proto", 2)], [{ name: "GET /health", attributes: { "http.route": "/health" } }]);
  assert.equal((await exportSpans(endpoint, key, spans, "protobuf")).code, 0);
  assert.equal((await exportSpans(endpoint, key, spans, "protobuf")).code, 0); // the same spans again
  const row = await spend({ feature: ["proto"] });
  assert.equal(row.requests, 2);
  assert.equal(row.cost_usd_exact.replace(/0+$/, ""), String(2 * ONE_CALL_USD));
  assert.deepEqual([row.input_uncached_tokens, row.cache_read_tokens, row.output_tokens], [1600, 400, 1000]);
  const dims = await querySpend({ orgId: store.orgId, from: new Date(`${DAY}T00:00:00Z`), to: new Date(`${DAY}T23:00:00Z`), groupBy: ["project", "environment"], filters: { feature: ["proto"] } });
  assert.deepEqual(dims.map((d) => [d.project, d.environment]), [["checkout", "prod"]]);
});

test("JSON exporter with gzip: the spans land too", async () => {
  const spans = await recordSpans({ "service.name": "search" }, [call("json-gzip", 3)]);
  assert.equal((await exportSpans(endpoint, key, spans, "json", true)).code, 0);
  const row = await spend({ feature: ["json-gzip"] });
  assert.equal(row.requests, 1);
  assert.equal(row.cost_usd, ONE_CALL_USD);
});

async function post(body: Uint8Array | string, headers: Record<string, string>, path = "traces") {
  return fetch(`${endpoint}/v1/${path}`, { method: "POST", headers: { authorization: `Bearer ${key}`, ...headers }, body: typeof body === "string" ? body : Buffer.from(body) });
}

test("partial success: a GenAI span the ledger cannot take is counted in rejectedSpans with its attribute named, in the request's encoding", async () => {
  const span = (id: string, tokens: number) => ({
    traceId: Buffer.from("0af7651916cd43dd8448eb211c80319c", "hex"),
    spanId: Buffer.from(id, "hex"),
    startTimeUnixNano: String(at(4) * 1e6),
    endTimeUnixNano: String((at(4) + 100) * 1e6),
    attributes: [
      { key: "gen_ai.provider.name", value: { stringValue: "openai" } },
      { key: "gen_ai.request.model", value: { stringValue: "gpt-4o" } },
      { key: "gen_ai.usage.input_tokens", value: { intValue: tokens } },
      { key: "gen_ai.usage.cache_read.input_tokens", value: { intValue: 50 } },
      { key: "app.feature", value: { stringValue: "partial" } },
    ],
  });
  const body = encodeRequest("traces", { resourceSpans: [{ scopeSpans: [{ spans: [span("b7ad6b7169203331", 100), span("b7ad6b7169203332", 10)] }] }] });
  const res = await post(body, { "content-type": "application/x-protobuf" });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "application/x-protobuf");
  const answer = decodeResponse("traces", new Uint8Array(await res.arrayBuffer())) as { partialSuccess: { rejectedSpans: number; errorMessage: string } };
  assert.equal(answer.partialSuccess.rejectedSpans, 1);
  assert.match(answer.partialSuccess.errorMessage, /0af7651916cd43dd8448eb211c80319c:b7ad6b7169203332: .*gen_ai\.usage\.cache_read\.input_tokens.*gen_ai\.usage\.input_tokens/);
  assert.equal((await spend({ feature: ["partial"] })).requests, 1);
});

test("full success leaves partialSuccess unset (JSON answer for a JSON request)", async () => {
  const res = await post(JSON.stringify({ resourceSpans: [] }), { "content-type": "application/json" });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "application/json");
  assert.deepEqual(await res.json(), {});
});

test("a malformed body is a 400 google.rpc.Status, protobuf-encoded for a protobuf request", async () => {
  const res = await post(new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01]), { "content-type": "application/x-protobuf" });
  assert.equal(res.status, 400);
  assert.equal(res.headers.get("content-type"), "application/x-protobuf");
  const status = decodeStatus(new Uint8Array(await res.arrayBuffer()));
  assert.equal(status.code, 3);
  assert.match(status.message ?? "", /not a protobuf-encoded ExportTraceServiceRequest/);
  const bad = await post("{not json", { "content-type": "application/json" });
  assert.equal(bad.status, 400);
  assert.match((await bad.json()).message, /not valid JSON/);
  const wrongShape = await post(JSON.stringify({ resourceSpans: {} }), { "content-type": "application/json" });
  assert.equal(wrongShape.status, 400);
  assert.match((await wrongShape.json()).message, /resourceSpans: expected an array/);
});

test("415 for another content type, 401 for a wrong key, 403 for a key without the ingest scope", async () => {
  const res = await post("x", { "content-type": "text/plain" });
  assert.equal(res.status, 415);
  const wrong = await fetch(`${endpoint}/v1/traces`, { method: "POST", headers: { authorization: "Bearer fk_wrong", "content-type": "application/x-protobuf" }, body: new Uint8Array() });
  assert.equal(wrong.status, 401);
  assert.match(decodeStatus(new Uint8Array(await wrong.arrayBuffer())).message ?? "", /unknown or revoked/);
  const readOnly = (await createApiKey({ orgId: store.orgId, name: "read", scopes: ["read"] })).key;
  const forbidden = await fetch(`${endpoint}/v1/traces`, { method: "POST", headers: { authorization: `Bearer ${readOnly}`, "content-type": "application/json" }, body: "{}" });
  assert.equal(forbidden.status, 403);
});

test("413 when the body is over the limit after decompression (a gzip bomb is cut off)", async () => {
  process.env.OTLP_MAX_BODY_MB = "1";
  try {
    const bomb = zlib.gzipSync(Buffer.alloc(3 * 1024 * 1024, 0x20));
    const res = await post(bomb, { "content-type": "application/json", "content-encoding": "gzip" });
    assert.equal(res.status, 413);
    assert.match((await res.json()).message, /larger than 1 MiB/);
    const notGzip = await post("{}", { "content-type": "application/json", "content-encoding": "gzip" });
    assert.equal(notGzip.status, 400);
  } finally {
    delete process.env.OTLP_MAX_BODY_MB;
  }
});

test("metrics: cumulative GenAI histograms exported twice are counted once per recording; other metrics ignored", async () => {
  const attrs = (type: string) => ({ "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.request.model": "gpt-4o", "gen_ai.token.type": type });
  const from = new Date(Date.now() - 2 * 3_600_000);
  const codes = await exportGenAiMetrics(endpoint, key, { "service.name": "metrics-test" }, [
    { tokens: [{ value: 100, attributes: attrs("input") }, { value: 300, attributes: attrs("input") }, { value: 40, attributes: attrs("output") }] },
    { tokens: [{ value: 500, attributes: attrs("input") }] },
  ]);
  assert.ok(codes.length >= 2 && codes.every((c) => c === 0), `export codes ${codes}`);
  const rows = await genaiMetricSummary(store.orgId, from, new Date(Date.now() + 3_600_000));
  assert.deepEqual(rows.map((r) => [r.metric, r.provider, r.model, r.token_type, r.count, r.sum]), [
    ["gen_ai.client.token.usage", "openai", "gpt-4o", "input", 3, 900],
    ["gen_ai.client.token.usage", "openai", "gpt-4o", "output", 1, 40],
  ]);
  assert.ok(rows[0].p50 !== null && rows[0].p50 > 0);
  // Metrics never add to spend.
  assert.equal((await spend({ project: ["metrics-test"] })), undefined);
});

test("metrics: a cumulative series gives per-hour differences, a restart starts a new series, a delta point sent twice counts once", async () => {
  const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 5 * 3_600_000;
  const ns = (ms: number) => String(BigInt(ms) * 1_000_000n);
  const point = (start: number, time: number, count: number, sum: number, buckets: number[]) => ({
    startTimeUnixNano: ns(start),
    timeUnixNano: ns(time),
    count: String(count),
    sum,
    explicitBounds: [1, 10],
    bucketCounts: buckets.map(String),
    attributes: [
      { key: "gen_ai.system", value: { stringValue: "anthropic" } },
      { key: "gen_ai.request.model", value: { stringValue: "claude-sonnet-4" } },
      { key: "gen_ai.operation.name", value: { stringValue: "chat" } },
    ],
  });
  const send = (metric: string, temporality: number, points: unknown[]) =>
    post(JSON.stringify({ resourceMetrics: [{ resource: { attributes: [{ key: "service.name", value: { stringValue: "m2" } }] }, scopeMetrics: [{ metrics: [{ name: metric, histogram: { aggregationTemporality: temporality, dataPoints: points } }] }] }] }), { "content-type": "application/json" }, "metrics");
  const start = hour - 60_000;
  const restart = hour + 3_600_000 + 60_000;
  // Cumulative: 2 by the end of hour 0, 5 by hour 1 (two exports in hour 1: the later one counts); the process restarts in hour 1 and records 1.
  assert.equal((await send("gen_ai.client.operation.duration", 2, [point(start, hour + 1000, 2, 3, [1, 1, 0])])).status, 200);
  assert.equal((await send("gen_ai.client.operation.duration", 2, [point(start, hour + 3_600_000 + 1000, 4, 6, [2, 2, 0])])).status, 200);
  assert.equal((await send("gen_ai.client.operation.duration", 2, [point(start, hour + 3_600_000 + 2000, 5, 8, [2, 3, 0]), point(restart, hour + 3_600_000 + 3000, 1, 0.5, [1, 0, 0])])).status, 200);
  // Delta: the same point twice (an exporter retry) and one more.
  const delta = point(hour, hour + 5000, 3, 30, [0, 2, 1]);
  await send("gen_ai.server.request.duration", 1, [delta]);
  await send("gen_ai.server.request.duration", 1, [delta, point(hour, hour + 6000, 1, 2, [0, 1, 0])]);
  const sum = async (from: number, to: number) =>
    (await genaiMetricSummary(store.orgId, new Date(from), new Date(to))).filter((r) => r.provider === "anthropic").map((r) => [r.metric, r.count, r.sum]);
  assert.deepEqual(await sum(hour, hour + 2 * 3_600_000), [["gen_ai.client.operation.duration", 6, 8.5], ["gen_ai.server.request.duration", 4, 32]]);
  assert.deepEqual(await sum(hour + 3_600_000, hour + 2 * 3_600_000), [["gen_ai.client.operation.duration", 4, 5.5]]);
  // A GenAI metric that is not a histogram is rejected per point, with the reason.
  const gauge = await post(JSON.stringify({ resourceMetrics: [{ scopeMetrics: [{ metrics: [{ name: "gen_ai.client.token.usage", gauge: { dataPoints: [{ asInt: "3" }] } }, { name: "other", gauge: { dataPoints: [{ asInt: "1" }] } }] }] }] }), { "content-type": "application/json" }, "metrics");
  const answer = await gauge.json();
  assert.equal(answer.partialSuccess.rejectedDataPoints, "1");
  assert.match(answer.partialSuccess.errorMessage, /expected an explicit-bucket histogram/);
});

test("demo metrics: the Providers page's summary has latency and TTFT percentiles per model", async () => {
  const { seedDemoOtlpMetrics } = await import("./demo");
  const demoOrg = await store.createOrg("demo-metrics");
  const end = new Date();
  assert.ok((await seedDemoOtlpMetrics(demoOrg, end)) > 0);
  const rows = await genaiMetricSummary(demoOrg, new Date(end.getTime() - 7 * 86_400_000), end);
  const mini = rows.find((r) => r.model === "gpt-4o-mini" && r.metric === "gen_ai.client.operation.duration");
  assert.ok(mini && mini.count > 0 && mini.p50 !== null && mini.p95 !== null && mini.p50 <= mini.p95);
  assert.ok(mini.p50! > 0.3 && mini.p50! < 4, `p50 ${mini.p50} near the typical 1.1 s`);
});
