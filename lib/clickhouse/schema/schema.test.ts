import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { strict as assert } from "node:assert";
import { after, before, test } from "node:test";
import { chCommand, chQuery } from "../query";
import { TABLES, VIEWS } from "./index";
import { renderSchema } from "./render";
import type { TableDef, ViewDef } from "./types";

let store: TempStore;
before(async () => (store = await openTempStore()));
after(() => store.close());

const SUFFIX = "__expected";

async function showCreate(name: string): Promise<string> {
  const [row] = await chQuery<{ statement: string }>(`SHOW CREATE TABLE ${name}`, { tag: "test.schema" });
  return row.statement;
}

/**
 * The definitions are today's schema: after every migration has run, each table and view is exactly
 * what its definition creates. Both sides go through the engine (the definition is created under
 * another name and SHOW CREATE compares the engine's own rendering), so formatting cannot differ.
 */
test("the migrated store equals the schema definitions, table by table and view by view", async () => {
  const renamed = (n: string) => `${n}${SUFFIX}`;
  const tables: TableDef[] = TABLES.map((t) => ({ ...t, name: renamed(t.name) }));
  const views: ViewDef[] = VIEWS.map((v) => ({ ...v, name: renamed(v.name), to: renamed(v.to), from: renamed(v.from) }));
  for (const sql of renderSchema(tables, views, { cluster: null })) await chCommand(sql, { tag: "test.schema" });
  for (const name of [...TABLES, ...VIEWS].map((d) => d.name)) {
    const expected = (await showCreate(renamed(name))).replaceAll(SUFFIX, "");
    assert.equal(await showCreate(name), expected, `${name}: the migrations and the definition differ`);
  }
});

test("every table and view the migrations create has a definition", async () => {
  const rows = await chQuery<{ name: string }>(
    "SELECT name FROM system.tables WHERE database = currentDatabase() AND NOT endsWith(name, {s:String}) AND name != 'schema_migrations' ORDER BY name",
    { tag: "test.schema", params: { s: SUFFIX } },
  );
  const defined = [...TABLES, ...VIEWS].map((d) => d.name).sort();
  assert.deepEqual(rows.map((r) => r.name), defined);
});

test("the cluster rendering: Replicated local tables, Distributed tables and views over the local tables, all parsed by the engine", async () => {
  const statements = renderSchema(TABLES, VIEWS, { cluster: "finops" });
  assert.equal(statements.length, TABLES.length * 2 + VIEWS.length);
  for (const sql of statements) {
    // formatQuery parses without executing: there is no cluster here to run them on.
    const [row] = await chQuery<{ f: string }>("SELECT formatQuery({q:String}) AS f", { tag: "test.schema", params: { q: sql } });
    assert.match(row.f, /ON CLUSTER finops/, sql);
  }
  const events = statements.filter((s) => /^CREATE TABLE IF NOT EXISTS llm_events(_local)? /.test(s));
  assert.match(events[0], /^CREATE TABLE IF NOT EXISTS llm_events_local ON CLUSTER finops/);
  assert.match(events[0], /ENGINE = ReplicatedVersionedCollapsingMergeTree\('\/clickhouse\/tables\/\{shard\}\/\{database\}\/llm_events_local', '\{replica\}', sign, version\)/);
  assert.match(events[1], /ENGINE = Distributed\(finops, currentDatabase\(\), llm_events_local, cityHash64\(org_id, event_id\)\)/);
  assert.doesNotMatch(events[1], /INDEX|PROJECTION/);
  const view = statements.find((s) => s.startsWith("CREATE MATERIALIZED VIEW IF NOT EXISTS spend_hourly_mv"))!;
  assert.match(view, /TO spend_hourly_local AS/);
  assert.match(view, /FROM llm_events_local$/);
  assert.throws(() => renderSchema(TABLES, VIEWS, { cluster: "x; DROP TABLE llm_events" }), /CLICKHOUSE_CLUSTER/);
});
