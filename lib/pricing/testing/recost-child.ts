/**
 * A worker process for the re-cost lease test: runs the next queued re-cost against the store the
 * parent points it at (DATA_DIR, CLICKHOUSE_URL, DATABASE_URL), until the test kills it.
 */
import { runNextQueuedRecost } from "@/lib/pricing/recost";

console.log("worker started");
await runNextQueuedRecost();
console.log("worker finished");
process.exit(0);
