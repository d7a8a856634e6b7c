/**
 * Child process of `npm run bench`: the engine's own insert rate for the same rows the HTTP phase
 * sends, on a fresh embedded store of its own (chdb admits one process per data directory). Rows are
 * normalized and priced first; only the INSERTs are timed. Prints one JSON line.
 */
import { chInsert } from "@/lib/clickhouse/query";
import { migrateClickhouse } from "@/lib/clickhouse/migrate";
import { normalizeEvent } from "@/lib/ingest/normalize-event";
import { priceEvent } from "@/lib/pricing/price-event";
import { toEventRow, type EventRow } from "@/lib/ingest/rows";
import { batchBody } from "./workload";
import { LLM_EVENTS } from "@/lib/clickhouse/tables";

const total = Number(process.argv[2] ?? 1_000_000);
const endMs = Number(process.argv[3] ?? Date.now());
const INSERT_ROWS = Number(process.env.INSERT_ROWS ?? 50_000); // the group-commit writer's largest flush

await migrateClickhouse();
let insertMs = 0;
let prepMs = 0;
for (let start = 0; start < total; start += INSERT_ROWS) {
  const t0 = performance.now();
  const rows: EventRow[] = [];
  const n = Math.min(INSERT_ROWS, total - start);
  for (const raw of JSON.parse(batchBody("engine", start, n, endMs)).events) {
    const r = normalizeEvent(raw, "api", Date.now());
    if (r.ok) rows.push(toEventRow("bench-org", "bench-key", r.event, priceEvent(r.event, [])));
  }
  const t1 = performance.now();
  await chInsert(LLM_EVENTS, rows, { tag: "bench.engine_insert" });
  insertMs += performance.now() - t1;
  prepMs += t1 - t0;
}
console.log(JSON.stringify({ events: total, insertSeconds: insertMs / 1000, insertRate: total / (insertMs / 1000), prepareRate: total / (prepMs / 1000) }));
process.exit(0);
