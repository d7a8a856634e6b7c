/**
 * The recommendations API over real HTTP (node:http in front of the route handlers), real API keys,
 * embedded ClickHouse and SQLite: refresh, list with overlap-aware totals, the status lifecycle with
 * its errors, status kept across recomputations, stale instead of deleted, other organizations' keys.
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { apiCaller, serveRoutes, type RouteHandler, type RouteServer } from "@/lib/testing/route-server";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createApiKey } from "@/lib/auth/api-keys";
import * as h from "./http";
import { recomputeRecommendations } from "./recompute";
import { usdToPico } from "./money";
import { DAY, ingestAll, workload } from "./testing/workload";

let store: TempStore;
let server: RouteServer;
let readKey = "";
let manageKey = "";
let otherKey = "";

function route(method: string, path: string): { handler: RouteHandler; id: string } | null {
  if (path === "/api/v1/recommendations" && method === "GET") return { handler: h.handleListRecommendations, id: "" };
  if (path === "/api/v1/recommendations/refresh" && method === "POST") return { handler: h.handleRefreshRecommendations, id: "" };
  let m = /^\/api\/v1\/recommendations\/([^/]+)\/status$/.exec(path);
  if (m && method === "POST") return { handler: h.handleRecommendationStatus, id: decodeURIComponent(m[1]) };
  m = /^\/api\/v1\/recommendations\/([^/]+)$/.exec(path);
  if (m && method === "GET") return { handler: h.handleGetRecommendation, id: decodeURIComponent(m[1]) };
  return null;
}

before(async () => {
  store = await openTempStore();
  readKey = (await createApiKey({ orgId: store.orgId, name: "r", scopes: ["read"] })).key;
  manageKey = (await createApiKey({ orgId: store.orgId, name: "m", scopes: ["read", "manage"] })).key;
  otherKey = (await createApiKey({ orgId: await store.createOrg("Other"), name: "o", scopes: ["read", "manage"] })).key;
  const to = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000);
  // gpt-4.1 answering with a label from a 5,000-token prompt: both routing and prompt caching apply.
  await ingestAll(store.orgId, workload({ feature: "classify", provider: "openai", model: "gpt-4.1", from: new Date(to.getTime() - 29 * DAY), to, count: 3000, input: 5000, output: 5 }));
  server = await serveRoutes(route);
});
after(async () => {
  server?.close();
  await store?.close();
});

const call = apiCaller(() => server.base);

type Item = { id: string; kind: string; status: string; stale: boolean; monthly_savings_usd: string; counted_in_total: boolean; overlap_group: string; realized_savings_usd: string | null };
const list = async () => (await call("GET", "/api/v1/recommendations", readKey)).json as { recommendations: Item[]; totals: Record<string, string | number> };
const byKind = (items: Item[], kind: string) => items.find((i) => i.kind === kind)!;

test("refresh needs the manage scope and answers when done", async () => {
  assert.equal((await call("POST", "/api/v1/recommendations/refresh", readKey)).status, 403);
  const r = await call("POST", "/api/v1/recommendations/refresh", manageKey);
  assert.equal(r.status, 200);
  assert.equal(r.json.found, 2);
  assert.equal(r.json.opened, 2);
});

test("the list shows both levers on one feature and model; the headline takes the better one, not the sum", async () => {
  const { recommendations, totals } = await list();
  const route = byKind(recommendations, "model_routing");
  const cache = byKind(recommendations, "prompt_caching");
  assert.equal(route.overlap_group, cache.overlap_group);
  assert.equal(route.status, "open");
  assert.equal(route.realized_savings_usd, null);
  const best = usdToPico(route.monthly_savings_usd) > usdToPico(cache.monthly_savings_usd) ? route : cache;
  assert.equal(totals.open_monthly_savings_usd, best.monthly_savings_usd);
  assert.deepEqual(recommendations.filter((i) => i.counted_in_total).map((i) => i.id), [best.id]);
  assert.equal((await call("GET", "/api/v1/recommendations?kind=batch", readKey)).json.recommendations.length, 0);
});

test("bad input is a 4xx naming the field", async () => {
  const { recommendations } = await list();
  const id = byKind(recommendations, "prompt_caching").id;
  const path = `/api/v1/recommendations/${id}/status`;
  let r = await call("POST", path, manageKey, { status: "dismissed" });
  assert.equal(r.status, 422);
  assert.match(r.json.details[0], /^reason: required/);
  r = await call("POST", path, manageKey, { status: "verified" });
  assert.equal(r.status, 422);
  assert.match(r.json.details[0], /^status: expected/);
  r = await call("POST", path, manageKey, { status: "accepted", colour: "red" });
  assert.equal(r.status, 422);
  assert.match(r.json.details[0], /colour: not a known field/);
  r = await call("POST", path, manageKey, "{not json");
  assert.equal(r.status, 400);
  r = await call("POST", path, manageKey, { status: "implemented", implemented_at: "2999-01-01T00:00:00Z" });
  assert.equal(r.status, 422);
  assert.match(r.json.details[0], /^implemented_at: must not be in the future/);
  assert.equal((await call("GET", "/api/v1/recommendations?kind=nope", readKey)).status, 400);
  assert.equal((await call("POST", path, readKey, { status: "accepted" })).status, 403);
  assert.equal((await call("POST", path, otherKey, { status: "accepted" })).status, 404);
  assert.equal((await call("GET", `/api/v1/recommendations/${id}`, otherKey)).status, 404);
});

test("lifecycle: dismiss with a reason, accept, implement; a second accept is a conflict; the timeline records it", async () => {
  const { recommendations } = await list();
  const route = byKind(recommendations, "model_routing");
  const cache = byKind(recommendations, "prompt_caching");
  let r = await call("POST", `/api/v1/recommendations/${cache.id}/status`, manageKey, { status: "dismissed", reason: "prompts differ per customer" });
  assert.equal(r.status, 200);
  assert.equal(r.json.dismiss_reason, "prompts differ per customer");
  assert.equal((await list()).totals.open_monthly_savings_usd, route.monthly_savings_usd);
  assert.equal((await call("POST", `/api/v1/recommendations/${route.id}/status`, manageKey, { status: "accepted" })).json.status, "accepted");
  r = await call("POST", `/api/v1/recommendations/${route.id}/status`, manageKey, { status: "accepted" });
  assert.equal(r.status, 409);
  const implementedAt = new Date(Date.now() - 3 * DAY).toISOString();
  r = await call("POST", `/api/v1/recommendations/${route.id}/status`, manageKey, { status: "implemented", implemented_at: implementedAt });
  assert.equal(r.status, 200);
  assert.equal(r.json.status, "implemented");
  assert.equal(r.json.implemented_at, implementedAt);
  // Same model on both sides of the date: nothing was saved, and the figure says so (0, not unknown).
  assert.ok(r.json.realized !== null && r.json.realized.after_days >= 2.9);
  const one = await call("GET", `/api/v1/recommendations/${route.id}`, readKey);
  assert.deepEqual(one.json.timeline.map((e: any) => [e.type, e.to_status]), [["opened", "open"], ["status", "accepted"], ["status", "implemented"]]);
  assert.equal((await list()).totals.open_monthly_savings_usd, "0");
});

test("recomputation keeps statuses; what is no longer found turns stale, not deleted, unless implemented", async () => {
  await call("POST", "/api/v1/recommendations/refresh", manageKey);
  let items = (await list()).recommendations;
  assert.equal(byKind(items, "prompt_caching").status, "dismissed");
  assert.equal(byKind(items, "model_routing").status, "implemented");
  await recomputeRecommendations(store.orgId, { finders: [] });
  items = (await list()).recommendations;
  assert.equal(items.length, 2);
  assert.equal(byKind(items, "prompt_caching").stale, true);
  assert.equal(byKind(items, "model_routing").stale, false);
  await call("POST", "/api/v1/recommendations/refresh", manageKey);
  items = (await list()).recommendations;
  assert.equal(byKind(items, "prompt_caching").stale, false);
  const timeline = (await call("GET", `/api/v1/recommendations/${byKind(items, "prompt_caching").id}`, readKey)).json.timeline.map((e: any) => e.type);
  assert.deepEqual(timeline, ["opened", "status", "stale", "refound"]);
});

test("the quarterly reader counts what happened in the range and lists no overlapping or closed levers as top", async () => {
  const { recommendationsForQuarter } = await import("./report");
  const q = await recommendationsForQuarter(store.orgId, new Date(Date.now() - DAY), new Date(Date.now() + DAY));
  assert.equal(q.opened, 2);
  assert.equal(q.implemented, 1);
  assert.equal(q.dismissed, 1);
  assert.equal(q.implemented_list.length, 1);
  assert.equal(q.implemented_list[0].kind, "model_routing");
  assert.deepEqual(q.top_open, []);
  const before = await recommendationsForQuarter(store.orgId, new Date(Date.now() - 400 * DAY), new Date(Date.now() - 300 * DAY));
  assert.deepEqual([before.opened, before.implemented, before.dismissed, before.realized_monthly_usd], [0, 0, 0, "0"]);
});

test("the daily worker recomputes each organization once a day, whatever the number of passes", async () => {
  const { recommendationsPass } = await import("@/workers/recommendations");
  const now = new Date();
  const lines: string[] = [];
  assert.equal(await recommendationsPass((l) => lines.push(l), now), 2);
  assert.equal(await recommendationsPass((l) => lines.push(l), new Date(now.getTime() + 60_000)), 0);
  assert.equal(await recommendationsPass((l) => lines.push(l), new Date(now.getTime() + DAY + 1)), 2);
  assert.equal(lines.length, 4);
});
