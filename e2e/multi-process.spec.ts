import { expect, test } from "@playwright/test";
import { createClient, type ClickHouseClient } from "@clickhouse/client";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFile } from "node:child_process";
import { openTestClickhouse, type TestClickhouse } from "../lib/testing/test-clickhouse";
import { createTestDatabase, type TestDatabase } from "../lib/testing/test-database";
import { rawRollupMismatchesSql } from "../lib/ledger/consistency-sql";
import { LLM_EVENTS } from "../lib/clickhouse/tables";
import { ServerProcess, setupOrgs } from "./crash/server-process";
import { WorkerProcess } from "./multi/worker-process";
import { configQuery, type ConfigStore } from "./config-db";

/**
 * The server path as a deployment runs it: two web servers (`next start`) and two worker processes
 * (`npm run workers`) on one ClickHouse store and one configuration database (this run's SQLite
 * file, or a PostgreSQL database of its own in the PostgreSQL pass). There is no ClickHouse server
 * on these machines: the store is the embedded engine behind the test fixture
 * lib/testing/clickhouse-http-front.ts, reached over HTTP exactly as a server would be; with
 * CLICKHOUSE_TEST_URL, a database of its own on that real server.
 */
const BASE_PORT = Number(process.env.E2E_PORT ?? 3111);
const DAY = 86_400_000;
const root = path.resolve(import.meta.dirname, "..");

type Event = { id: string; timestamp: string; provider: string; model: string; feature: string; usage: { prompt_tokens: number; completion_tokens: number } };
type Result = { id: string; status: "accepted" | "duplicate" | "rejected" };

let dataDir: string;
let database: TestDatabase | null;
let store: ConfigStore;
let clickhouse: TestClickhouse;
let ch: ClickHouseClient;
let org: { id: string; key: string };
let web: ServerProcess[];
let workers: WorkerProcess[];
const sent: Event[] = [];
const start = Date.now() - 120 * DAY;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(5 * 60_000);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-multi-"));
  database = await createTestDatabase("multi");
  store = { databaseUrl: database?.url, dataDir };
  clickhouse = await openTestClickhouse(path.join(dataDir, "clickhouse-server"));
  ch = createClient({ url: clickhouse.url, database: clickhouse.database, username: process.env.CLICKHOUSE_USER, password: process.env.CLICKHOUSE_PASSWORD });
  [org] = await setupOrgs(dataDir, database?.url, "ingest,read");
  const env = { CLICKHOUSE_URL: clickhouse.url, CLICKHOUSE_DATABASE: clickhouse.database, RECOST_LEASE_MS: "2000" };
  web = [0, 1].map((i) => new ServerProcess(dataDir, BASE_PORT + 2 + i, database?.url, env));
  const workerEnv = { ...env, DATA_DIR: dataDir, DEMO_DATA: "0", ...(database ? { DATABASE_URL: database.url } : {}) };
  workers = [0, 1].map(() => new WorkerProcess(workerEnv));
  // All at once, as a deployment starts: one of them migrates the store under the start-up lease.
  for (const w of workers) w.start();
  await Promise.all(web.map((s) => s.start()));
});

test.afterEach(async ({}, info) => {
  if (info.status === info.expectedStatus) return;
  // What each process printed, for the failure's report.
  for (const [i, s] of web.entries()) console.log(`--- web ${i + 1} (${s.url}) ---\n${s.output.slice(-4000)}`);
  for (const [i, w] of workers.entries()) console.log(`--- worker ${i + 1} ---\n${w.output.slice(-4000)}`);
});

test.afterAll(async () => {
  await Promise.all([...web.map((s) => s.kill()), ...workers.map((w) => w.kill())]);
  await ch?.close();
  await clickhouse?.close();
  await database?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The per-event results; null when the server died under the request (not acknowledged). */
async function post(server: ServerProcess, events: Event[]): Promise<Result[] | null> {
  let res: Response;
  try {
    res = await fetch(`${server.url}/api/v1/events`, {
      method: "POST",
      headers: { authorization: `Bearer ${org.key}`, "content-type": "application/json" },
      body: JSON.stringify({ events }),
    });
  } catch {
    return null;
  }
  const text = await res.text().catch(() => null);
  if (text === null) return null;
  if (res.status !== 200) throw new Error(`${server.url} answered ${res.status}: ${text.slice(0, 500)}`);
  return (JSON.parse(text) as { results: Result[] }).results;
}

function batch(round: number, n: number): Event[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `r${round}-${i}`,
    timestamp: new Date(start + ((round * 7919 + i * 104_729) % (118 * 24)) * 3_600_000 + i).toISOString(),
    provider: "openai",
    model: "gpt-4o-mini",
    feature: `f${i % 4}`,
    usage: { prompt_tokens: 100 + ((i * 37) % 900), completion_tokens: 10 + ((i * 13) % 300) },
  }));
}

async function rows<T>(query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  return (await (await ch.query({ query, query_params: params, format: "JSONEachRow" })).json()) as T[];
}

/** Ids stored with a sign sum other than 1 (counted twice, or cancelled once too often). */
const miscounted = () =>
  rows<{ event_id: string; s: string }>(`SELECT event_id, sum(sign) AS s FROM ${LLM_EVENTS} WHERE org_id = {org:String} GROUP BY event_id HAVING s != 1`, { org: org.id });

async function spend(server: ServerProcess): Promise<{ requests: number; tokens: number; pico: bigint }> {
  const from = new Date(start - DAY).toISOString();
  const to = new Date(Date.now() + DAY).toISOString();
  const res = await fetch(`${server.url}/api/v1/spend?from=${from}&to=${to}`, { headers: { authorization: `Bearer ${org.key}` } });
  expect(res.status).toBe(200);
  const [r] = ((await res.json()) as { rows: { requests: number; input_uncached_tokens: number; output_tokens: number; cost_usd_exact: string }[] }).rows;
  const [whole, frac = ""] = r.cost_usd_exact.split(".");
  return { requests: r.requests, tokens: r.input_uncached_tokens + r.output_tokens, pico: BigInt(whole) * 10n ** 12n + BigInt((frac + "0".repeat(12)).slice(0, 12)) };
}

test("the same events sent to both web servers at once, and retried through the other after one dies, count once", async () => {
  test.setTimeout(5 * 60_000);
  for (let round = 0; round < 6; round++) {
    const events = batch(round, 400);
    // Four identical requests at the same moment, two per server: each id is accepted by exactly one.
    const answers = await Promise.all([web[0], web[1], web[0], web[1]].map((s) => post(s, events)));
    for (const a of answers) expect(a, "every request is answered").not.toBeNull();
    const accepted = new Map<string, number>();
    for (const a of answers) for (const r of a!) if (r.status === "accepted") accepted.set(r.id, (accepted.get(r.id) ?? 0) + 1);
    expect([...accepted.values()].filter((n) => n !== 1), `round ${round}: ids accepted more than once`).toEqual([]);
    expect(accepted.size, `round ${round}: every id accepted by one request`).toBe(events.length);
    sent.push(...events);
  }

  // A web server SIGKILLed with a request in flight; the client retries through the other one.
  const events = batch(100, 1000); // the most one request may carry
  const inFlight = post(web[0], events);
  await new Promise((r) => setTimeout(r, 30));
  await web[0].kill();
  const first = await inFlight; // usually null (never answered); an answer that beat the kill is fine too
  const retried = await post(web[1], events);
  expect(retried, "the retry is answered").not.toBeNull();
  const statuses = new Set(retried!.map((r) => r.status));
  if (first) expect([...statuses], "after an acknowledgement, a retry finds every id stored").toEqual(["duplicate"]);
  else expect([...statuses].filter((st) => st !== "accepted" && st !== "duplicate")).toEqual([]);
  sent.push(...events);
  await web[0].start();

  expect(await miscounted()).toEqual([]);
  expect(await rows(rawRollupMismatchesSql())).toEqual([]);
  const tokens = sent.reduce((t, e) => t + e.usage.prompt_tokens + e.usage.completion_tokens, 0);
  for (const s of web) {
    const seen = await spend(s);
    expect({ requests: seen.requests, tokens: seen.tokens }, `read through ${s.url}`).toEqual({ requests: sent.length, tokens });
  }
});

test("a worker SIGKILLed in the middle of a re-cost: the other takes the job over, which completes once", async () => {
  test.setTimeout(5 * 60_000);
  const from = new Date(start - DAY).toISOString();
  const to = new Date(Date.now() + DAY).toISOString();
  const jobId = await reprice(from, to);

  // The worker holding the organization's re-cost lease is the one running the job.
  const lease = `recost:${org.id}`;
  let holderPid = 0;
  let last = "";
  const deadline = Date.now() + 60_000;
  while (!holderPid && Date.now() < deadline) {
    const [j] = await configQuery<{ status: string; eventsScanned: number }>(`SELECT "status", "eventsScanned" FROM "RecostJob" WHERE "id" = ?`, [jobId], store);
    const [l] = await configQuery<{ holder: string }>(`SELECT "holder" FROM "Lease" WHERE "name" = ?`, [lease], store);
    last = `job ${JSON.stringify(j)}, lease holder ${l?.holder ?? "none"}`;
    holderPid = j.status === "running" && l ? Number(l.holder.split(":")[1]) : 0;
    if (!holderPid) await new Promise((r) => setTimeout(r, 50));
  }
  const victim = workers.find((w) => w.pid === holderPid);
  expect(victim, `a worker holds ${lease}; last seen: ${last}; worker pids ${workers.map((w) => w.pid).join(", ")}`).toBeTruthy();
  await victim!.kill();
  const [atKill] = await configQuery<{ status: string }>(`SELECT "status" FROM "RecostJob" WHERE "id" = ?`, [jobId], store);
  expect(atKill.status, "the job was still running when its worker died").toBe("running");

  let job: { status: string; error: string | null } | undefined;
  const until = Date.now() + 180_000;
  while (Date.now() < until) {
    [job] = await configQuery<{ status: string; error: string | null }>(`SELECT "status", "error" FROM "RecostJob" WHERE "id" = ?`, [jobId], store);
    if (job.status === "done" || job.status === "failed") break;
    await new Promise((r) => setTimeout(r, 250));
  }
  expect(job, "the surviving worker finished the job").toEqual({ status: "done", error: null });
  const jobs = await configQuery(`SELECT "id" FROM "RecostJob" WHERE "orgId" = ?`, [org.id], store);
  expect(jobs.length, "no second job was created").toBe(1);

  // Every event at the new price exactly once: $1 input and $2 output per million tokens.
  expect(await miscounted()).toEqual([]);
  expect(await rows(rawRollupMismatchesSql())).toEqual([]);
  const pico = sent.reduce((t, e) => t + BigInt(e.usage.prompt_tokens) * 1_000_000n + BigInt(e.usage.completion_tokens) * 2_000_000n, 0n);
  const seen = await spend(web[1]);
  expect(seen.requests).toBe(sent.length);
  expect(seen.pico, "the ledger's cost equals the new price applied once to every event").toBe(pico);
});

function reprice(from: string, to: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", path.join("e2e", "multi", "reprice.ts"), "--org", org.id, "--from", from, "--to", to],
      { cwd: root, env: { ...process.env, DATA_DIR: dataDir, ...(database ? { DATABASE_URL: database.url } : {}) } },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`reprice failed: ${err.message}\n${stderr}`));
        else resolve(stdout.slice(stdout.lastIndexOf("@@job@@") + 7).trim());
      },
    );
  });
}
