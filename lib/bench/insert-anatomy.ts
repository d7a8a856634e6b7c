/**
 * What one product row costs the embedded engine, piece by piece (issue 10: "measure what the row
 * shape, the materialized views and the projections cost"). On one fresh store, the same priced rows
 * are inserted under a schema stripped one piece at a time: the full schema, then without the latency
 * histogram's view, then without the spend rollup's projections, then without the spend rollup's view
 * (the raw table alone), then into a Null table of the raw table's columns (parsing only). Each step
 * starts from empty tables, so merges of earlier steps do not weigh on later ones.
 *
 *   DATA_DIR=$(mktemp -d) node --conditions=react-server --import tsx lib/bench/insert-anatomy.ts [rows] [rows per insert]
 *
 * Rows go through chInsert, the product's own insert path (EMBEDDED_INSERT_PATH=client measures the
 * client's inline-SQL path instead). Prints one JSON line per step and a summary; destroys nothing
 * outside its DATA_DIR (refuses to run without one).
 */
import { chCommand, chInsert } from "@/lib/clickhouse/query";
import { migrateClickhouse } from "@/lib/clickhouse/migrate";
import { normalizeEvent } from "@/lib/ingest/normalize-event";
import { priceEvent } from "@/lib/pricing/price-event";
import { toEventRow, type EventRow } from "@/lib/ingest/rows";
import { LATENCY_HOURLY, LATENCY_HOURLY_MV, LLM_EVENTS, SPEND_HOURLY, SPEND_HOURLY_MV } from "@/lib/clickhouse/tables";
import { batchBody } from "./workload";

if (!process.env.DATA_DIR) {
  console.error("insert-anatomy drops views and projections: set DATA_DIR to a fresh directory");
  process.exit(2);
}
const total = Number(process.argv[2] ?? 400_000);
const perInsert = Number(process.argv[3] ?? 50_000);
const opts = { tag: "bench.insert_anatomy", ledgerUnchanged: true };

const rows: EventRow[] = [];
const endMs = Date.now();
for (let start = 0; start < total; start += 10_000) {
  for (const raw of JSON.parse(batchBody("anatomy", start, Math.min(10_000, total - start), endMs)).events) {
    const r = normalizeEvent(raw, "api", Date.now());
    if (r.ok) rows.push(toEventRow("bench-org", "bench-key", r.event, priceEvent(r.event, [])));
  }
}

async function timedInserts(table: string): Promise<number> {
  let ms = 0;
  for (let i = 0; i < rows.length; i += perInsert) {
    const slice = rows.slice(i, i + perInsert);
    const t0 = performance.now();
    await chInsert(table, slice, opts);
    ms += performance.now() - t0;
  }
  return ms;
}

/** One row alone: the fixed cost of an INSERT with this schema (median of 9). */
async function oneRowMs(table: string): Promise<number> {
  const times: number[] = [];
  for (let k = 0; k < 9; k++) {
    const t0 = performance.now();
    await chInsert(table, [rows[k]], opts);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[4];
}

async function emptyTables() {
  for (const t of [LLM_EVENTS, SPEND_HOURLY, LATENCY_HOURLY]) await chCommand(`TRUNCATE TABLE IF EXISTS ${t}`, opts);
}

type Step = { name: string; before?: string[]; table?: string };
const steps: Step[] = [
  { name: "full schema (raw + spend rollup view with 2 projections + latency histogram view)" },
  { name: "without the latency histogram view", before: [`DROP VIEW IF EXISTS ${LATENCY_HOURLY_MV}`] },
  {
    name: "and without the spend rollup's projections",
    before: [`ALTER TABLE ${SPEND_HOURLY} DROP PROJECTION IF EXISTS by_core`, `ALTER TABLE ${SPEND_HOURLY} DROP PROJECTION IF EXISTS by_day`],
  },
  { name: "and without the spend rollup view (raw table alone)", before: [`DROP VIEW IF EXISTS ${SPEND_HOURLY_MV}`] },
  {
    name: "Null table of the raw columns (parsing and conversion only)",
    before: ["DROP TABLE IF EXISTS anatomy_null", `CREATE TABLE anatomy_null AS ${LLM_EVENTS} ENGINE = Null`],
    table: "anatomy_null",
  },
];

/** The JavaScript share of every insert: the rows as JSONCompactEachRow text in one buffer. */
function serializeRowsPerS(): number {
  const columns = Object.keys(rows[0]) as (keyof EventRow)[];
  const t0 = performance.now();
  for (let i = 0; i < rows.length; i += perInsert) {
    let body = "";
    for (const r of rows.slice(i, i + perInsert)) body += JSON.stringify(columns.map((c) => r[c])) + "\n";
    Buffer.from(body);
  }
  return Math.round(rows.length / ((performance.now() - t0) / 1000));
}

await migrateClickhouse();
console.log(JSON.stringify({ step: "serializing the rows in JavaScript (part of every step below)", rows_per_s: serializeRowsPerS() }));
const results: { step: string; rows_per_s: number; one_row_ms: number }[] = [];
for (const step of steps) {
  for (const sql of step.before ?? []) await chCommand(sql, opts);
  await emptyTables();
  const table = step.table ?? LLM_EVENTS;
  const ms = await timedInserts(table);
  const one = await oneRowMs(table);
  const r = { step: step.name, rows_per_s: Math.round(rows.length / (ms / 1000)), one_row_ms: Math.round(one * 10) / 10 };
  results.push(r);
  console.log(JSON.stringify(r));
}
console.log(JSON.stringify({ rows: rows.length, rows_per_insert: perInsert, steps: results }));
process.exit(0);
