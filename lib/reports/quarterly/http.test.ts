/**
 * Integration over real HTTP: GET /api/v1/reports/quarterly and GET /api/v1/spend behind a node:http
 * server on 127.0.0.1 with real API keys, the embedded ClickHouse and SQLite. The JSON and the CSV
 * totals must equal the read API's for the same quarter; the PDF's text (read back with pdfjs-dist)
 * must hold the quarter's totals.
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { serveRoutes, type RouteServer } from "@/lib/testing/route-server";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import path from "node:path";
import { handleSpend } from "@/lib/analytics/http-spend";
import { createApiKey } from "@/lib/auth/api-keys";
import { ingestEvents } from "@/lib/ingest/ingest-batch";
import { handleQuarterlyReport } from "./http";

// Large single events keep the totals round; read before the store opens (env() caches).
process.env.INGEST_MAX_TOKENS_PER_BUCKET = "1000000000";

let store: TempStore;
let server: RouteServer;
let readKey = "";
let ingestOnlyKey = "";

const ev = (id: string, timestamp: string, model: string, input: number, output: number, dims: Record<string, unknown> = {}) => ({
  id, timestamp, provider: "openai", model, usage: { input_tokens: input, output_tokens: output }, ...dims,
});
// gpt-4o: $2.50 in / $10 out per 1M. Q3 2026 total $1,234.5675 in exact decimals; Q2 $25.
const EVENTS = [
  ev("h1", "2026-07-03T10:00:00Z", "gpt-4o", 100_000_000, 0, { feature: "chat, \"support\"", team: "growth" }), // $250
  ev("h2", "2026-08-03T10:00:00Z", "gpt-4o", 0, 98_456_750, { feature: "=cmd", customer: "acme" }), // $984.5675
  ev("h3", "2026-06-15T10:00:00Z", "gpt-4o", 10_000_000, 0, { feature: "chat" }), // $25, Q2
];

before(async () => {
  store = await openTempStore();
  readKey = (await createApiKey({ orgId: store.orgId, name: "r", scopes: ["read"] })).key;
  ingestOnlyKey = (await createApiKey({ orgId: store.orgId, name: "i", scopes: ["ingest"] })).key;
  const res = await ingestEvents(store.orgId, "k", EVENTS);
  assert.equal(res.accepted, EVENTS.length, JSON.stringify(res.results));
  server = await serveRoutes((method, path) => (method !== "GET" ? null : path === "/api/v1/reports/quarterly" ? { handler: handleQuarterlyReport } : path === "/api/v1/spend" ? { handler: handleSpend } : null));
});
after(async () => {
  server?.close();
  await store?.close();
});

const get = (path: string, key = readKey) => fetch(server.base + path, { headers: key ? { authorization: `Bearer ${key}` } : {} });

async function spendApiTotal(from: string, to: string): Promise<string> {
  const res = await get(`/api/v1/spend?from=${from}&to=${to}`);
  assert.equal(res.status, 200);
  return ((await res.json()) as { rows: { cost_usd_exact: string }[] }).rows[0].cost_usd_exact;
}

test("JSON: total_spend_usd and previous_total_spend_usd equal the read API's for the same quarters", async () => {
  const res = await get("/api/v1/reports/quarterly?quarter=2026-Q3&format=json");
  assert.equal(res.status, 200);
  const r = (await res.json()) as Record<string, unknown>;
  assert.equal(r.total_spend_usd, "1234.5675");
  assert.equal(r.total_spend_usd, await spendApiTotal("2026-07-01", "2026-09-30"));
  assert.equal(r.previous_total_spend_usd, await spendApiTotal("2026-04-01", "2026-06-30"));
  assert.equal(r.previous_total_spend_usd, "25");
  assert.equal(r.last_year_total_spend_usd, null);
  assert.equal(r.timezone, "UTC");
});

test("CSV: summary by default, RFC 4180 quoting, exact decimals equal to the read API", async () => {
  const res = await get("/api/v1/reports/quarterly?quarter=2026-Q3&format=csv");
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /^text\/csv/);
  assert.match(res.headers.get("content-disposition") ?? "", /filename="llm-finops-2026-Q3-summary\.csv"/);
  const text = await res.text();
  assert.ok(text.endsWith("\r\n"));
  const lines = text.split("\r\n");
  assert.equal(lines[0], "metric,value");
  assert.ok(lines.includes(`total_spend_usd,${await spendApiTotal("2026-07-01", "2026-09-30")}`), text);
  assert.ok(lines.includes("previous_total_spend_usd (2026-Q2),25"), text);
  assert.ok(lines.includes("change_vs_previous_usd,1209.5675"), text);

  const feature = await (await get("/api/v1/reports/quarterly?quarter=2026-Q3&format=csv&section=feature")).text();
  const rows = feature.split("\r\n");
  assert.equal(rows[0], "feature,cost_usd,share_percent,requests,previous_quarter_cost_usd");
  assert.equal(rows[1], "'=cmd,984.5675,79.74,1,0", "a formula-looking value is defused");
  assert.equal(rows[2], '"chat, ""support""",250,20.25,1,0', "comma and quotes quoted as RFC 4180 says");
});

test("PDF: starts with %PDF and its text holds the quarter's totals", async () => {
  const res = await get("/api/v1/reports/quarterly?quarter=2026-Q3&format=pdf");
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "application/pdf");
  const bytes = new Uint8Array(await res.arrayBuffer());
  assert.equal(Buffer.from(bytes.subarray(0, 5)).toString("latin1"), "%PDF-");
  const text = await pdfText(bytes);
  assert.match(text, /Quarterly optimization review 2026-Q3/);
  assert.ok(text.includes("exact 1234.5675 USD"), "the total, exact");
  assert.ok(text.includes("$1,234.57"), "the total, readable");
  assert.ok(text.includes("exact 25 USD"), "the previous quarter's total");
  assert.ok(text.includes("Same quarter last year 2025-Q3: no data."));
  assert.ok(text.includes("Spend by month (USD)"), "the chart's title is text too");
  assert.ok(text.includes("002_a02631bc871f8342.txt"), "the benchmarks' source");
});

async function pdfText(data: Uint8Array): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const fonts = path.join(path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts") + path.sep;
  const doc = await pdfjs.getDocument({ data, standardFontDataUrl: fonts }).promise;
  const out: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    out.push(content.items.map((it) => ("str" in it ? it.str : "")).join(" "));
  }
  await doc.destroy();
  return out.join("\n").replace(/\s+/g, " ");
}

test("validation errors name the field; never a 5xx", async () => {
  const cases: [string, RegExp][] = [
    ["quarter=2026Q3", /^quarter: expected a quarter written YYYY-Qn/],
    ["quarter=2026-Q5", /^quarter: expected a quarter written YYYY-Qn/],
    ["quarter=2099-Q1", /^quarter: 2099-Q1 has not started yet/],
    ["quarter=1999-Q4", /^quarter: expected a year from 2000 to 2099/],
    ["format=xlsx", /^format: expected json, csv or pdf/],
    ["format=csv&section=everything", /^section: expected one of summary/],
    ["section=feature", /^section: only with format=csv/],
    ["top=0", /^top: expected an integer from 1 to 100/],
    ["quartr=2026-Q3", /^unknown parameter quartr: expected quarter, format, section or top/],
    ["quarter=2026-Q3&quarter=2026-Q2", /^quarter: given 2 times, expected once/],
  ];
  for (const [qs, expected] of cases) {
    const res = await get(`/api/v1/reports/quarterly?${qs}`);
    assert.equal(res.status, 400, qs);
    const body = (await res.json()) as { error: string; details: string[] };
    assert.ok(body.details.some((d) => expected.test(d)), `${qs}: ${JSON.stringify(body.details)}`);
  }
});

test("credentials: a key without the read scope is 403, a malformed header 401", async () => {
  const res = await fetch(server.base + "/api/v1/reports/quarterly?quarter=2026-Q3", { headers: { authorization: "Basic x" } });
  assert.equal(res.status, 401);
  assert.equal((await get("/api/v1/reports/quarterly?quarter=2026-Q3", ingestOnlyKey)).status, 403);
});
