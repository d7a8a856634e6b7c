/** Integration: the mapping API with real keys and SQLite; a changed mapping applies to the next OTLP request. */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db/prisma";
import { handleGetMapping, handlePutMapping } from "./http-mapping";
import { getMapping } from "./mapping-store";

let store: TempStore;
let manage = "";
let ingest = "";
before(async () => {
  store = await openTempStore();
  manage = (await createApiKey({ orgId: store.orgId, name: "m", scopes: ["manage"] })).key;
  ingest = (await createApiKey({ orgId: store.orgId, name: "i", scopes: ["ingest", "read"] })).key;
});
after(async () => store?.close());

const req = (key: string, body?: unknown) =>
  new Request("http://x/api/v1/otlp-mapping", { method: body === undefined ? "GET" : "PUT", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });

test("defaults, a change (audited, applied at once in this process), and omitted dimensions back to their defaults", async () => {
  const first = await (await handleGetMapping(req(manage))).json();
  assert.deepEqual(first.mapping.environment, ["deployment.environment.name", "deployment.environment"]);
  const put = await handlePutMapping(req(manage, { customer: ["tenant.id", "app.customer"], team: [] }));
  assert.equal(put.status, 200);
  const m = await getMapping(store.orgId);
  assert.deepEqual([m.customer, m.team, m.project], [["tenant.id", "app.customer"], [], ["service.name"]]);
  const audit = await db().auditEntry.findFirst({ where: { orgId: store.orgId, action: "otlp_mapping.update" } });
  assert.ok(audit);
});

test("bad input names the field; a key without the manage scope is refused", async () => {
  const bad = await handlePutMapping(req(manage, { customer: "tenant", colour: ["x"], team: ["has space"] }));
  assert.equal(bad.status, 422);
  const details: string[] = (await bad.json()).details;
  assert.ok(details.some((d) => d.startsWith("customer: expected an array")), details.join("\n"));
  assert.ok(details.some((d) => d.includes("unknown dimension colour")), details.join("\n"));
  const notJson = await handlePutMapping(new Request("http://x", { method: "PUT", headers: { authorization: `Bearer ${manage}` }, body: "{" }));
  assert.equal(notJson.status, 400);
  assert.equal((await handleGetMapping(req(ingest))).status, 403);
  assert.equal((await handlePutMapping(req(ingest, {}))).status, 403);
});
