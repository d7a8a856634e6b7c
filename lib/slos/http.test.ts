/**
 * Integration over real HTTP: the SLO API's handlers behind a node:http server on 127.0.0.1, with real
 * API keys, the embedded ClickHouse and SQLite. CRUD with status, scopes, audit, and validation
 * errors that name the field (422, never a 5xx).
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { apiCaller, serveRoutes, type RouteHandler, type RouteServer } from "@/lib/testing/route-server";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db/prisma";
import * as h from "./http";

let store: TempStore;
let server: RouteServer;
let readKey = "";
let manageKey = "";
let otherOrgKey = "";


function route(method: string, path: string): { handler: RouteHandler; id: string } | null {
  if (path === "/api/v1/slos") return method === "GET" ? { handler: h.handleListSlos, id: "" } : method === "POST" ? { handler: h.handleCreateSlo, id: "" } : null;
  const m = /^\/api\/v1\/slos\/([^/]+)$/.exec(path);
  const handler = ({ GET: h.handleGetSlo, PATCH: h.handleUpdateSlo, DELETE: h.handleDeleteSlo } as Record<string, RouteHandler | undefined>)[method];
  return m && handler ? { handler, id: decodeURIComponent(m[1]) } : null;
}

before(async () => {
  store = await openTempStore();
  readKey = (await createApiKey({ orgId: store.orgId, name: "r", scopes: ["read"] })).key;
  manageKey = (await createApiKey({ orgId: store.orgId, name: "m", scopes: ["read", "manage"] })).key;
  const other = await store.createOrg("Other");
  otherOrgKey = (await createApiKey({ orgId: other, name: "o", scopes: ["read", "manage"] })).key;
  server = await serveRoutes(route);
});
after(async () => {
  server?.close();
  await store?.close();
});

const call = apiCaller(() => server.base);

test("create, list with status, get, update, delete; every change audited", async () => {
  const created = await call("POST", "/api/v1/slos", manageKey, { name: "Support cost", scope: { feature: "support" }, objective: "cost_per_request", threshold: "0.0020", target: 99 });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  assert.equal(created.json.threshold, "0.002");
  assert.equal(created.json.window, "rolling");
  assert.equal(created.json.window_days, 30);
  const id = created.json.id;
  const list = await call("GET", "/api/v1/slos", readKey);
  assert.equal(list.status, 200);
  assert.equal(list.json.slos.length, 1);
  assert.equal(list.json.slos[0].status.state, "no_data");
  for (const k of ["attainment", "budget_remaining", "burn_rates", "window_start", "firing"]) assert.ok(k in list.json.slos[0].status, k);
  assert.deepEqual(Object.keys(list.json.slos[0].status.burn_rates), ["5m", "30m", "1h", "6h", "3d"]);
  const patched = await call("PATCH", `/api/v1/slos/${id}`, manageKey, { objective: "latency_p95", threshold: 1500, target: 95 });
  assert.equal(patched.status, 200, JSON.stringify(patched.json));
  assert.equal(patched.json.objective, "latency_p95");
  assert.equal(patched.json.threshold, "1500");
  assert.equal((await call("GET", `/api/v1/slos/${id}`, otherOrgKey)).status, 404, "another organization's SLO is not found");
  assert.equal((await call("DELETE", `/api/v1/slos/${id}`, manageKey)).status, 204);
  assert.equal((await call("GET", `/api/v1/slos/${id}`, readKey)).status, 404);
  const audit = await db().auditEntry.findMany({ where: { orgId: store.orgId, targetId: id }, orderBy: { at: "asc" } });
  assert.deepEqual(audit.map((a) => a.action), ["slo.create", "slo.update", "slo.delete"]);
});

test("a read-only key can list but not create", async () => {
  const res = await call("POST", "/api/v1/slos", readKey, { name: "x", objective: "error_rate", target: 99 });
  assert.equal(res.status, 403);
});

test("validation errors name the field and what was expected", async () => {
  const cases: [unknown, string][] = [
    [{ objective: "error_rate", target: 99 }, "name:"],
    [{ name: "x", objective: "speed", target: 99 }, "objective: expected one of cost_per_request"],
    [{ name: "x", objective: "error_rate", target: 100 }, "target: expected a percentage below 100"],
    [{ name: "x", objective: "error_rate", target: "99" }, "target: expected a percentage"],
    [{ name: "x", objective: "cost_per_request", target: 99 }, "threshold: expected a USD amount above 0"],
    [{ name: "x", objective: "cost_per_request", threshold: "-1", target: 99 }, "threshold: expected a USD amount"],
    [{ name: "x", objective: "latency_p95", threshold: "fast", target: 95 }, "threshold: expected whole milliseconds"],
    [{ name: "x", objective: "cost_per_action", threshold: "1", target: 99 }, "action: expected the tags.action value"],
    [{ name: "x", objective: "error_rate", threshold: "1", target: 99 }, "threshold: error_rate takes no threshold"],
    [{ name: "x", objective: "error_rate", target: 99, scope: { planet: "mars" } }, "scope.planet: unknown dimension"],
    [{ name: "x", objective: "error_rate", target: 99, window: "weekly" }, "window: expected one of rolling, calendar_month"],
    [{ name: "x", objective: "error_rate", target: 99, window_days: 0 }, "window_days: expected at least 1 day"],
    [{ name: "x", objective: "error_rate", target: 99, colour: "red" }, "unknown field(s) colour"],
    [[1, 2], "body: expected a JSON object"],
  ];
  for (const [body, detail] of cases) {
    const res = await call("POST", "/api/v1/slos", manageKey, body);
    assert.equal(res.status, 422, `${JSON.stringify(body)} -> ${res.status}`);
    assert.ok(res.json.details.some((d: string) => d.includes(detail)), `${JSON.stringify(body)}: ${JSON.stringify(res.json.details)}`);
  }
  const bad = await call("POST", "/api/v1/slos", manageKey, "{not json");
  assert.equal(bad.status, 400);
  const created = await call("POST", "/api/v1/slos", manageKey, { name: "e", objective: "error_rate", target: 99 });
  const patch = await call("PATCH", `/api/v1/slos/${created.json.id}`, manageKey, { objective: "cost_per_request" });
  assert.equal(patch.status, 422);
  assert.ok(patch.json.details.some((d: string) => d.startsWith("threshold:")), JSON.stringify(patch.json));
});
