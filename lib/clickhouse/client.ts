import "server-only";
import path from "node:path";
import fs from "node:fs";
import { createClient, type ClickHouseClient } from "@clickhouse/client";
import { createChdbConnection } from "chdb/connection";
import { env, isEmbedded } from "@/lib/config/env";

/**
 * The one place that creates the ClickHouse client. Embedded mode opens chdb in this process;
 * a CLICKHOUSE_URL switches to a server or cluster with the same client calls and SQL.
 * The instance is kept on globalThis because Next.js loads route handlers and instrumentation in
 * separate module graphs, and chdb refuses a second open of the same data directory.
 */
const KEY = Symbol.for("llm-finops.clickhouse");
type Holder = { client?: ClickHouseClient; dir?: string; chdb?: ReturnType<typeof createChdbConnection> };
const holder: Holder = ((globalThis as Record<symbol, Holder>)[KEY] ??= {});

export function clickhouseDataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ env().DATA_DIR, "clickhouse");
}

export function getClickhouse(): ClickHouseClient {
  if (holder.client) return holder.client;
  const e = env();
  if (isEmbedded()) {
    const dir = clickhouseDataDir();
    fs.mkdirSync(dir, { recursive: true });
    holder.chdb = createChdbConnection({ path: dir });
    holder.client = createClient({ connection: holder.chdb } as Parameters<typeof createClient>[0]);
    holder.dir = dir;
  } else {
    holder.client = createClient({
      url: e.CLICKHOUSE_URL,
      username: e.CLICKHOUSE_USER,
      password: e.CLICKHOUSE_PASSWORD,
      database: e.CLICKHOUSE_DATABASE,
      request_timeout: e.QUERY_TIMEOUT_SECONDS * 1000 + 5000,
      // On a cluster an INSERT returns once every replica of its shard has the rows (a synchronous
      // Distributed insert, quorum "auto" = all of two replicas): the ingest id check that follows in
      // any process must see them, or a retry through another web server would count twice.
      clickhouse_settings: e.CLICKHOUSE_CLUSTER ? { async_insert: 0, insert_distributed_sync: 1, insert_quorum: "auto" } : { async_insert: 0 },
    });
  }
  return holder.client;
}

/** The embedded engine's own connection (undefined against a server), for chdb's native insert path. */
export function embeddedConnection() {
  getClickhouse();
  return holder.chdb;
}

export async function closeClickhouse(): Promise<void> {
  const c = holder.client;
  holder.client = undefined;
  holder.chdb = undefined;
  if (c) await c.close();
}
