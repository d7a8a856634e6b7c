import { openServerStore, type ServerStore } from "@/lib/testing/server-store"; // first: CLICKHOUSE_URL
import { strict as assert } from "node:assert";
import { after, before, test } from "node:test";
import { createClient } from "@clickhouse/client";
import { isEmbedded } from "@/lib/config/env";
import { ingestEvents } from "@/lib/ingest/ingest-batch";
import { querySpend } from "@/lib/analytics/spend";
import { chQuery } from "./query";
import { LLM_EVENTS } from "./tables";
import { A_CHAT_CACHED, B_RESPONSES_CACHED } from "@/lib/testing/usage-fixtures";

/**
 * The server path (CLICKHOUSE_URL) end to end over real HTTP, against the embedded engine behind the
 * test fixture in lib/testing/clickhouse-http-front.ts, in a process of its own: migrations, ingest
 * with its duplicate check in ClickHouse (no in-process id index), reads, and the wire details the
 * client relies on (bound parameters as text, compression, error codes).
 */
let store: ServerStore;
before(async () => (store = await openServerStore()));
after(() => store.close());

const EVENTS = [
  { id: "s-1", timestamp: "2026-10-05T10:15:00Z", provider: "openai", model: "gpt-5.4", feature: "chat", usage: A_CHAT_CACHED },
  { id: "s-2", timestamp: "2026-10-05T11:30:00Z", provider: "openai", model: "gpt-5.4", feature: "search", usage: B_RESPONSES_CACHED },
];
// $2.50 / $0.25 / $15 per Mtok: 86 + 1920 cached + 300 out, and 904 + 4096 cached + 1200 out.
const COST_USD = "0.026479";

test("this process runs the server path", () => {
  assert.equal(isEmbedded(), false);
});

test("ingest, retry and read through a ClickHouse HTTP endpoint: stored once, exact to the cent", async () => {
  const first = await ingestEvents(store.orgId, "k", EVENTS);
  assert.equal(first.accepted, 2);
  const retry = await ingestEvents(store.orgId, "k", EVENTS);
  assert.deepEqual([retry.accepted, retry.duplicates], [0, 2]);
  const [t] = await querySpend({ orgId: store.orgId, from: new Date("2026-10-01T00:00:00Z"), to: new Date("2026-11-01T00:00:00Z"), groupBy: [], filters: {} });
  assert.equal(t.cost_usd_exact, COST_USD);
  assert.equal(t.requests, 2);
  const rows = await chQuery<{ n: string }>(`SELECT count() AS n FROM ${LLM_EVENTS} WHERE org_id = {org:String}`, { tag: "test", params: { org: store.orgId } });
  assert.equal(Number(rows[0].n), 2);
});

test("errors arrive with the engine's code and type", async () => {
  await assert.rejects(chQuery("SELEC 1", { tag: "test" }), (e: { code?: string; type?: string }) => e.code === "62" && e.type === "SYNTAX_ERROR");
  await assert.rejects(chQuery("SELECT * FROM no_such_table", { tag: "test" }), (e: { code?: string }) => e.code === "60");
});

test("parameters are bound as a server binds them, with compression both ways", async () => {
  const client = createClient({ url: store.url, database: store.database, compression: { request: true, response: true } });
  try {
    const tricky = "it's a\\b\tc\nd ' \\' {x:String} ${y}";
    const rs = await client.query({
      query: "SELECT {s:String} AS s, {a:Array(String)} AS a, {m:Map(String, String)} AS m, {n:Nullable(UInt32)} AS n",
      query_params: { s: tricky, a: [tricky, "b"], m: { [tricky]: tricky }, n: null },
      format: "JSONEachRow",
    });
    assert.deepEqual(await rs.json(), [{ s: tricky, a: [tricky, "b"], m: { [tricky]: tricky }, n: null }]);
    await client.command({ query: "CREATE TABLE wire_check (k String, v UInt64) ENGINE = MergeTree ORDER BY k" });
    await client.insert({ table: "wire_check", values: [{ k: tricky, v: 1 }, { k: "plain", v: 2 }], format: "JSONEachRow" });
    const back = await client.query({ query: "SELECT k, v FROM wire_check ORDER BY v", format: "JSONEachRow" });
    assert.deepEqual(await back.json(), [{ k: tricky, v: "1" }, { k: "plain", v: "2" }]);
  } finally {
    await client.close();
  }
});
