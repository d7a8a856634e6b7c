/**
 * Integration over real HTTP (embedded ClickHouse, SQLite): GET /api/v1/spend keeps each answer until
 * this process next writes to the store. Repeated and concurrent questions cost no statement, an
 * acknowledged event shows in the very next answer, and one organization's answer never serves another.
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { serveRoutes, type RouteServer } from "@/lib/testing/route-server";
import { selectStatementsDuring } from "@/lib/testing/statement-count";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { chCommand, chInsert } from "@/lib/clickhouse/query";
import { createApiKey } from "@/lib/auth/api-keys";
import { ingestEvents } from "@/lib/ingest/ingest-batch";
import { handleSpend } from "./http-spend";

let store: TempStore;
let server: RouteServer;
let key = "";
let otherKey = "";
let n = 0;
const event = (feature: string) => ({ id: `c-${n++}`, timestamp: "2026-10-02T10:00:00Z", provider: "openai", model: "gpt-4o", feature, usage: { input_tokens: 1000, output_tokens: 100 } });

before(async () => {
  store = await openTempStore();
  key = (await createApiKey({ orgId: store.orgId, name: "r", scopes: ["read"] })).key;
  const other = await store.createOrg("other");
  otherKey = (await createApiKey({ orgId: other, name: "r", scopes: ["read"] })).key;
  assert.equal((await ingestEvents(store.orgId, "k", [event("chat"), event("search")])).accepted, 2);
  assert.equal((await ingestEvents(other, "k", [event("other-only")])).accepted, 1);
  server = await serveRoutes((method, path) => (method === "GET" && path === "/api/v1/spend" ? { handler: handleSpend } : null));
});
after(async () => {
  server?.close();
  await store?.close();
});

const QS = "from=2026-10-01T00:00:00Z&to=2026-10-04T00:00:00Z&group_by=feature";
const get = async (k = key, qs = QS) => {
  const res = await fetch(`${server.base}/api/v1/spend?${qs}`, { headers: { authorization: `Bearer ${k}` } });
  assert.equal(res.status, 200);
  return (await res.json()) as { rows: { feature: string; requests: number }[] };
};

test("a question asked again costs no statement and gets the same answer", async () => {
  const first = await get();
  assert.deepEqual(first.rows.map((r) => r.feature).sort(), ["chat", "search"]);
  let again: unknown;
  assert.equal(await selectStatementsDuring(async () => (again = await get())), 0);
  assert.deepEqual(again, first);
});

test("sixteen readers asking at once after a write share one statement", async () => {
  assert.equal((await ingestEvents(store.orgId, "k", [event("chat")])).accepted, 1);
  let answers: { rows: { feature: string; requests: number }[] }[] = [];
  assert.equal(await selectStatementsDuring(async () => (answers = await Promise.all(Array.from({ length: 16 }, () => get())))), 1);
  for (const a of answers) assert.deepEqual(a, answers[0]);
  assert.equal(answers[0].rows.find((r) => r.feature === "chat")?.requests, 2);
});

test("an acknowledged event shows in the very next answer", async () => {
  const before = (await get()).rows.find((r) => r.feature === "search")?.requests ?? 0;
  assert.equal((await ingestEvents(store.orgId, "k", [event("search")])).accepted, 1);
  assert.equal((await get()).rows.find((r) => r.feature === "search")?.requests, before + 1);
});

test("the same question from another organization gets its own answer", async () => {
  await get();
  assert.deepEqual((await get(otherKey)).rows.map((r) => r.feature), ["other-only"]);
});

test("a write marked as leaving the ledger unchanged (collectors' samples) keeps the answers", async () => {
  await chCommand("CREATE TABLE IF NOT EXISTS test_samples (x UInt8) ENGINE = Memory", { tag: "test.ddl" });
  const first = await get();
  let again: unknown;
  assert.equal(await selectStatementsDuring(async () => {
    await chInsert("test_samples", [{ x: 1 }], { tag: "test.samples", ledgerUnchanged: true });
    again = await get();
  }), 0);
  assert.deepEqual(again, first);
});
