import crypto from "node:crypto";
import { createClient } from "@clickhouse/client";
import { startFrontProcess } from "./clickhouse-front-process";

/**
 * The ClickHouse server a server-path test runs against. With CLICKHOUSE_TEST_URL (a real server; put
 * credentials in CLICKHOUSE_USER / CLICKHOUSE_PASSWORD) each test gets a database of its own there,
 * dropped at the end. Otherwise the test fixture clickhouse-http-front.ts is started on `dataDir`, in a
 * process of its own, and the tests use its default database.
 */
export type TestClickhouse = { url: string; database: string; close(): Promise<void> };

export async function openTestClickhouse(dataDir: string): Promise<TestClickhouse> {
  const server = process.env.CLICKHOUSE_TEST_URL;
  if (server) {
    const database = `finops_test_${process.pid}_${crypto.randomBytes(4).toString("hex")}`;
    const admin = createClient({ url: server, username: process.env.CLICKHOUSE_USER, password: process.env.CLICKHOUSE_PASSWORD });
    await admin.command({ query: `CREATE DATABASE ${database}` });
    return {
      url: server,
      database,
      async close() {
        await admin.command({ query: `DROP DATABASE IF EXISTS ${database} SYNC` });
        await admin.close();
      },
    };
  }
  const front = await startFrontProcess(dataDir);
  return {
    url: front.url,
    database: "default",
    async close() {
      front.child.kill("SIGTERM");
      await new Promise((r) => front.child.once("exit", r));
    },
  };
}
