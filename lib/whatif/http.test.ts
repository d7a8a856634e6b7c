/**
 * Integration over real HTTP: POST /api/v1/whatif's handler behind a node:http server on 127.0.0.1,
 * real API keys, the embedded ClickHouse and SQLite; events through the ingest path.
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { serveRoutes, type RouteServer } from "@/lib/testing/route-server";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createApiKey } from "@/lib/auth/api-keys";
import { ingestEvents } from "@/lib/ingest/ingest-batch";
import { handleWhatif } from "./http";

let store: TempStore;
let server: RouteServer;
let readKey = "";
let manageOnlyKey = "";

const NOW = Date.now();
const recent = (hoursAgo: number) => new Date(Math.floor(NOW / 3_600_000) * 3_600_000 - hoursAgo * 3_600_000).toISOString();
// gpt-4o: $2.50 input, $10 output per Mtok
const EVENTS = [
  { id: "h1", timestamp: recent(30), provider: "openai", model: "gpt-4o", feature: "chat", usage: { input_tokens: 1000, output_tokens: 100 } },
  { id: "h2", timestamp: recent(50), provider: "openai", model: "gpt-4o", feature: "search", usage: { input_tokens: 2000, output_tokens: 0 } },
  // 40 days ago: outside the default 30-day window
  { id: "h3", timestamp: recent(40 * 24), provider: "openai", model: "gpt-4o", feature: "chat", usage: { input_tokens: 1000, output_tokens: 0 } },
];

before(async () => {
  store = await openTempStore();
  readKey = (await createApiKey({ orgId: store.orgId, name: "r", scopes: ["read"] })).key;
  manageOnlyKey = (await createApiKey({ orgId: store.orgId, name: "m", scopes: ["manage"] })).key;
  const res = await ingestEvents(store.orgId, "k", EVENTS);
  assert.equal(res.accepted, EVENTS.length);
  server = await serveRoutes((method, path) => (path === "/api/v1/whatif" && method === "POST" ? { handler: handleWhatif } : null));
});
after(async () => {
  server?.close();
  await store?.close();
});

async function post(body: unknown, key = readKey, raw?: string) {
  const res = await fetch(`${server.base}/api/v1/whatif`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: raw ?? JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { details?: string[] } };
}

test("a read key replays the last 30 days by default and gets exact decimals", async () => {
  const r = await post({ scope: {}, change: { kind: "batch" } });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  const before = 1000n * 2_500_000n + 100n * 10_000_000n + 2000n * 2_500_000n; // h1 + h2 = $0.0085
  assert.equal(r.body.before_usd, "0.0085");
  assert.equal(BigInt(before), 8_500_000_000n);
  assert.equal(r.body.after_usd, "0.00425");
  assert.equal(r.body.saved_usd, "0.00425");
  assert.equal(r.body.requests_in_scope, 2);
  assert.ok(Date.parse(r.body.to as string) - Date.parse(r.body.from as string) >= 30 * 86_400_000);
  const scoped = await post({ scope: { feature: "search" }, change: { kind: "app_cache", hit_rate: 1 } });
  assert.equal(scoped.body.before_usd, "0.005");
  assert.equal(scoped.body.after_usd, "0");
  assert.deepEqual((scoped.body.by_feature as { feature: string }[]).map((l) => l.feature), ["search"]);
});

test("bad scenarios are 400 with the field named", async () => {
  const cases: [unknown, RegExp][] = [
    [{ change: { kind: "route", to_provider: "openai", to_model: "gpt-4o-mini", share: 1.5 } }, /^change\.share: expected a number from 0 to 1/],
    [{ change: { kind: "route", to_provider: "openai", to_model: "gpt-4o-mini", share: -0.1 } }, /^change\.share/],
    [{ change: { kind: "teleport" } }, /^change\.kind: expected kind to be one of route, prompt_cache/],
    [{ change: {} }, /^change\.kind/],
    [{}, /^change: /],
    [{ scope: { planet: "mars" }, change: { kind: "batch" } }, /^scope\.planet: unknown dimension; expected one of provider, model/],
    [{ from: "2026-11-02T00:00:00Z", to: "2026-11-01T00:00:00Z", change: { kind: "batch" } }, /^from: expected an instant before to/],
    [{ from: "2026-11-01T00:00:00Z", to: "2026-11-01T00:00:00Z", change: { kind: "batch" } }, /^from: expected an instant before to/],
    [{ from: "2024-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z", change: { kind: "batch" } }, /^to: expected a window of at most 400 days/],
    [{ from: "yesterday", change: { kind: "batch" } }, /^from: expected an ISO/],
    [{ change: { kind: "max_tokens", cap: 0 } }, /^change\.cap: expected at least 1 token/],
    [{ change: { kind: "max_tokens", cap: 1.5 } }, /^change\.cap: expected a whole number/],
    [{ change: { kind: "trim_input", percent: 101 } }, /^change\.percent: expected a percentage from 0 to 100/],
    [{ change: { kind: "prompt_cache", hit_rate: "high" } }, /^change\.hit_rate: expected a number from 0 to 1/],
    [{ change: { kind: "route", to_model: "x", share: 1 } }, /^change\.to_provider: expected the target provider/],
    [{ change: { kind: "batch" }, extra: 1 }, /^body: .*extra/i],
  ];
  for (const [body, expected] of cases) {
    const r = await post(body);
    assert.equal(r.status, 400, JSON.stringify([body, r.body]));
    assert.ok(r.body.details?.some((d) => expected.test(d)), `${JSON.stringify(body)} -> ${JSON.stringify(r.body.details)}`);
  }
  const notJson = await post(null, readKey, "{nope");
  assert.equal(notJson.status, 400);
});

test("an unknown deployment is 422 naming change.deployment", async () => {
  const r = await post({ change: { kind: "self_host", deployment: "nowhere" } });
  assert.equal(r.status, 422);
  assert.ok(r.body.details?.[0].startsWith("change.deployment: "), JSON.stringify(r.body));
});

test("credentials: an unknown key is 401, a key without the read scope 403", async () => {
  assert.equal((await post({ change: { kind: "batch" } }, "fo_not_a_key")).status, 401);
  assert.equal((await post({ change: { kind: "batch" } }, manageOnlyKey)).status, 403);
});
