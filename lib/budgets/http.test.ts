/**
 * Integration over real HTTP: the budgets API's handlers behind a node:http server on 127.0.0.1, with
 * real API keys, the embedded ClickHouse and SQLite; events through the ingest path.
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { apiCaller, serveRoutes, type RouteHandler, type RouteServer } from "@/lib/testing/route-server";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db/prisma";
import { ingestEvents } from "@/lib/ingest/ingest-batch";
import { registerFastRoute } from "@/lib/http/fast-routes";
import * as h from "./http";

let store: TempStore;
let server: RouteServer;
let readKey = "";
let manageKey = "";
let otherOrgKey = "";


function route(method: string, path: string): { handler: RouteHandler; id: string } | null {
  if (path === "/api/v1/budgets/check" && method === "GET") return { handler: h.handleCheckBudgets, id: "" };
  if (path === "/api/v1/budgets") return method === "GET" ? { handler: h.handleListBudgets, id: "" } : method === "POST" ? { handler: h.handleCreateBudget, id: "" } : null;
  const m = /^\/api\/v1\/budgets\/([^/]+)$/.exec(path);
  if (!m) return null;
  const handler = ({ GET: h.handleGetBudget, PATCH: h.handleUpdateBudget, DELETE: h.handleDeleteBudget } as Record<string, RouteHandler>)[method];
  return method in { GET: 1, PATCH: 1, DELETE: 1 } ? { handler, id: decodeURIComponent(m[1]) } : null;
}

before(async () => {
  store = await openTempStore();
  readKey = (await createApiKey({ orgId: store.orgId, name: "r", scopes: ["read"] })).key;
  manageKey = (await createApiKey({ orgId: store.orgId, name: "m", scopes: ["read", "manage"] })).key;
  const other = await store.createOrg("Other");
  otherOrgKey = (await createApiKey({ orgId: other, name: "o", scopes: ["read", "manage"] })).key;
  // As the server runs it: a check with an API key is answered before the route table (fast-routes.ts).
  registerFastRoute("/api/v1/budgets/check", h.fastCheckBudgets);
  server = await serveRoutes(route);
});
after(async () => {
  server?.close();
  await store?.close();
});

const call = apiCaller(() => server.base);

const now = Date.now();
const dollar = (id: string, team: string, customer = "") => ({
  id, timestamp: new Date(now - 60_000).toISOString(), provider: "openai", model: "gpt-4o", team, customer, usage: { input_tokens: 400_000, output_tokens: 0 },
});

test("create, read with status, update, delete; every change audited", async () => {
  const created = await call("POST", "/api/v1/budgets", manageKey, { name: "Growth", scope: { team: "growth" }, amount_usd: "10", period: "day", timezone: "UTC" });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  assert.equal(created.json.amount_usd, "10");
  assert.deepEqual(created.json.thresholds, [50, 75, 90, 100]);
  const id = created.json.id;
  const got = await call("GET", `/api/v1/budgets/${id}`, readKey);
  assert.equal(got.status, 200);
  for (const k of ["spent_usd", "forecast_usd", "forecast_low_usd", "forecast_high_usd", "remaining_usd", "daily_allowed_usd", "runs_out_on", "previous_period_usd", "unpriced_requests"]) {
    assert.ok(k in got.json.status, `status has ${k}`);
  }
  const patched = await call("PATCH", `/api/v1/budgets/${id}`, manageKey, { amount_usd: "12.50", thresholds: [90, 50] });
  assert.equal(patched.status, 200);
  assert.equal(patched.json.amount_usd, "12.5");
  assert.deepEqual(patched.json.thresholds, [50, 90]);
  assert.equal((await call("DELETE", `/api/v1/budgets/${id}`, manageKey)).status, 204);
  assert.equal((await call("GET", `/api/v1/budgets/${id}`, readKey)).status, 404);
  const audit = await db().auditEntry.findMany({ where: { orgId: store.orgId, targetId: id }, orderBy: { at: "asc" } });
  assert.deepEqual(audit.map((a) => a.action), ["budget.create", "budget.update", "budget.delete"]);
  assert.match(JSON.parse(audit[1].before!).amountUsd, /^10$/);
  assert.match(JSON.parse(audit[1].after!).amountUsd, /^12.5$/);
});

test("bad input: 400/422 naming the field and what was expected", async () => {
  const bad = await call("POST", "/api/v1/budgets", manageKey, { name: "", scope: { planet: "mars" }, amount_usd: "-5", period: "fortnight", timezone: "Mars/Base", thresholds: "high", extra: 1 });
  assert.equal(bad.status, 422);
  const details: string[] = bad.json.details;
  for (const field of ["name:", "scope.planet:", "amount_usd:", "period:", "timezone:", "thresholds:"]) {
    assert.ok(details.some((d) => d.startsWith(field)), `${field} in ${JSON.stringify(details)}`);
  }
  assert.ok(details.some((d) => d.includes("extra")), JSON.stringify(details));
  assert.equal((await call("POST", "/api/v1/budgets", manageKey, "{not json")).status, 400);
  const parent = await call("POST", "/api/v1/budgets", manageKey, { name: "x", amount_usd: "1", period: "month", parent_id: "nope" });
  assert.equal(parent.status, 422);
  assert.match(parent.json.details[0], /^parent_id: /);
  assert.equal((await call("PATCH", "/api/v1/budgets/nope", manageKey, { amount_usd: "1" })).status, 404);
});

test("scopes: read may not write; manage writes; another organization sees nothing", async () => {
  const refused = await call("POST", "/api/v1/budgets", readKey, { name: "x", amount_usd: "1", period: "month" });
  assert.equal(refused.status, 403);
  const created = await call("POST", "/api/v1/budgets", manageKey, { name: "Mine", amount_usd: "1", period: "month" });
  assert.equal((await call("GET", `/api/v1/budgets/${created.json.id}`, otherOrgKey)).status, 404);
  assert.equal((await call("DELETE", `/api/v1/budgets/${created.json.id}`, otherOrgKey)).status, 404);
  assert.equal((await call("GET", "/api/v1/budgets", otherOrgKey)).json.budgets.length, 0);
  assert.equal((await call("GET", "/api/v1/budgets/check", "nope")).status, 401);
  await call("DELETE", `/api/v1/budgets/${created.json.id}`, manageKey);
});

test("check: the covering budgets, blocked at block_at, the same answer from the ledger, unknown parameters refused", async () => {
  const org = await call("POST", "/api/v1/budgets", manageKey, { name: "Org", amount_usd: "100", period: "day" });
  const team = await call("POST", "/api/v1/budgets", manageKey, { name: "Support", scope: { team: "support" }, amount_usd: "2", period: "day", block_at_percent: 100 });
  const cust = await call("POST", "/api/v1/budgets", manageKey, { name: "Acme support", scope: { team: "support", customer: "acme" }, amount_usd: "4", period: "day", block_at_percent: 50 });
  const before = await call("GET", "/api/v1/budgets/check?team=support&customer=acme", readKey);
  assert.equal(before.status, 200);
  // the fast path answered (this test's route table sets no security headers), with next.config.js's headers
  assert.equal(before.headers.get("x-content-type-options"), "nosniff");
  assert.equal(before.headers.get("cache-control"), "no-store");
  assert.equal(before.json.blocked, false);
  assert.deepEqual(before.json.budgets.map((b: { id: string }) => b.id).sort(), [org.json.id, team.json.id, cust.json.id].sort());
  assert.ok(before.json.as_of);

  const res = await ingestEvents(store.orgId, "k", [dollar("c-1", "support", "acme"), dollar("c-2", "support", "acme")]);
  assert.equal(res.accepted, 2);
  // A budget change in this process rebuilds the snapshot at once; the ledger is the only state.
  await call("PATCH", `/api/v1/budgets/${org.json.id}`, manageKey, { name: "Org total" });
  const after = await call("GET", "/api/v1/budgets/check?team=support&customer=acme&model=gpt-4o", readKey);
  const by = (id: string) => after.json.budgets.find((b: { id: string }) => b.id === id);
  assert.equal(after.json.blocked, true);
  assert.equal(by(team.json.id).spent_usd, "2");
  assert.equal(by(team.json.id).remaining_usd, "0");
  assert.equal(by(team.json.id).blocked, true);
  assert.equal(by(cust.json.id).percent, 50);
  assert.equal(by(cust.json.id).blocked, true);
  assert.equal(by(cust.json.id).block_at, 50);
  assert.equal(by(org.json.id).blocked, false);
  assert.equal(by(org.json.id).remaining_usd, "98");

  // another team: only the org budget covers it
  const other = await call("GET", "/api/v1/budgets/check?team=search", readKey);
  assert.deepEqual(other.json.budgets.map((b: { id: string }) => b.id), [org.json.id]);
  assert.equal(other.json.blocked, false);

  const unknown = await call("GET", "/api/v1/budgets/check?teem=support&team=a&team=b", readKey);
  assert.equal(unknown.status, 400);
  assert.ok(unknown.json.details.some((d: string) => d.startsWith("teem:")));
  assert.ok(unknown.json.details.some((d: string) => d.startsWith("team:")));
});
