import { openConfigDb, type ConfigDb } from "@/lib/auth/testing/config-db"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db/prisma";
import { registerCollector } from "./collector-registry";
import { handleCreateSource, handleDeleteSource, handleGetSource, handleListSources, handlePatchSource, handleRunSource } from "./http";
import { countingCollector } from "./testing/collectors";

/** The route handlers as the routes call them, with real API keys and a test collector installed for `openai`. */
let cfg: ConfigDb;
let manage = "";
let read = "";
before(async () => {
  cfg = await openConfigDb();
  manage = (await createApiKey({ orgId: cfg.orgId, name: "m", scopes: ["manage"] })).key;
  read = (await createApiKey({ orgId: cfg.orgId, name: "r", scopes: ["read"] })).key;
  registerCollector(countingCollector("openai").collector);
});
after(async () => cfg?.close());

const KEY = "sk-admin-httptest-abcdefghWXYZ";
const req = (method: string, key: string, body?: unknown) =>
  new Request("http://localhost/api/v1/sources", {
    method,
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });

test("create, read, patch, run and delete through the handlers; the secret never comes back", async () => {
  const created = await handleCreateSource(req("POST", manage, { type: "openai", name: "prod", config: { admin_key: KEY, base_url: "http://127.0.0.1:9/v1" } }));
  assert.equal(created.status, 201);
  const text = await created.text();
  assert.ok(!text.includes(KEY) && !text.includes("$sealed"));
  const { source } = JSON.parse(text);
  assert.deepEqual(source.config, { admin_key: { set: true, hint: "…WXYZ" }, backfill_days: 30, base_url: "http://127.0.0.1:9/v1" });
  assert.equal(source.state, "backfilling");

  const dup = await handleCreateSource(req("POST", manage, { type: "openai", name: "prod", config: { admin_key: KEY } }));
  assert.equal(dup.status, 422);
  assert.deepEqual((await dup.json()).details, ['name: a source named "prod" already exists; choose another name']);

  const bad = await handleCreateSource(req("POST", manage, { type: "openai", name: "x", config: { admin_key: "short", backfill_days: "ten" } }));
  assert.equal(bad.status, 422);
  const details: string[] = (await bad.json()).details;
  assert.ok(details.includes("config.admin_key: expected an admin key of at least 8 characters"), details.join("; "));
  assert.ok(details.includes("config.backfill_days: expected a whole number of days"), details.join("; "));

  assert.equal((await handleCreateSource(req("POST", manage, "{oops"))).status, 400);

  const patched = await handlePatchSource(req("PATCH", manage, { config: { backfill_days: 7 } }), source.id);
  assert.equal(patched.status, 200);
  assert.deepEqual((await patched.json()).source.config.admin_key, { set: true, hint: "…WXYZ" }, "kept");
  const stored = await db().source.findUniqueOrThrow({ where: { id: source.id } });
  assert.ok(!stored.config.includes(KEY));

  const got = await handleGetSource(req("GET", manage), source.id);
  const body = (await got.json()).source;
  assert.equal(body.config.backfill_days, 7);
  assert.deepEqual(body.runs, []);
  assert.equal((await handleRunSource(req("POST", manage), source.id)).status, 202);
  assert.equal((await handleGetSource(req("GET", manage), "nope")).status, 404);

  const audit = JSON.stringify(await db().auditEntry.findMany({ where: { targetType: "source" } }));
  assert.ok(audit.includes("source.create") && audit.includes("source.update") && audit.includes("source.run"));
  assert.ok(!audit.includes(KEY) && !audit.includes("$sealed"));

  assert.equal((await handleDeleteSource(req("DELETE", manage), source.id)).status, 204);
  assert.equal((await handleDeleteSource(req("DELETE", manage), source.id)).status, 404);
});

test("a read key may neither read nor change sources", async () => {
  assert.equal((await handleListSources(req("GET", read))).status, 403);
  assert.equal((await handleCreateSource(req("POST", read, { type: "openai", name: "r", config: { admin_key: KEY } }))).status, 403);
  // no credentials at all (401) needs a Next.js request scope for the session lookup: e2e/sources-api.spec.ts
});
