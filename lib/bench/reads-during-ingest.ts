/**
 * `npm run bench:reads-during-ingest [-- clients]`: where a reader's time goes while events pour in.
 * Starts the product on a fresh store (as `npm start`, embedded mode), stores 300,000 events, then
 * asks three kinds of request in turn, idle for 12 s and again while 200,000 more events are sent by
 * `clients` concurrent clients (default 32):
 *  - `GET /api/v1/budgets/check`: answered from memory, so its time is the server thread's own delay;
 *  - `GET /api/health`: one `SELECT 1` in the engine, so it adds the wait for the engine's one lane;
 *  - `GET /api/v1/spend`, a top-10 features over 30 days, with a new range each time (never cached).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startProductServer } from "./product-server";
import { sendEvents } from "./ingest-load";
import { summarize } from "./stats";

const CLIENTS = Number(process.argv[2] ?? 32);
const PORT = 3311;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "finops-reads-"));
process.env.DATA_DIR = work;
const { migrateConfigDb } = await import("@/lib/db/migrate");
const { ensureOrganization } = await import("@/lib/bootstrap/users");
await migrateConfigDb();
const { orgId } = await ensureOrganization(false);
const { base } = await startProductServer({ dataDir: work, port: PORT });
process.on("exit", () => fs.rmSync(work, { recursive: true, force: true }));
const { createApiKey } = await import("@/lib/auth/api-keys");
const key = (await createApiKey({ orgId, name: "bench", scopes: ["ingest", "read"] })).key;
const auth = { authorization: `Bearer ${key}` };
const endMs = Date.now();
const load = { base, key, clients: CLIENTS, batch: 1000, endMs };
await sendEvents({ ...load, events: 300_000, runId: "w" });

const iso = (ms: number) => new Date(ms).toISOString();
const timed = async (url: string, headers: Record<string, string> = {}) => {
  const s = performance.now();
  const res = await fetch(url, { headers });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  return performance.now() - s;
};
const fmt = (ms: number[]) => {
  const s = summarize(ms);
  return `p50 ${s.p50.toFixed(0)} ms, p95 ${s.p95.toFixed(0)} ms (${s.runs} runs)`;
};
let asked = 0;
for (const phase of ["idle", "during ingestion"] as const) {
  let ingesting = phase !== "idle";
  const sending = ingesting ? sendEvents({ ...load, events: 200_000, runId: "d" }).finally(() => (ingesting = false)) : null;
  const stopAt = Date.now() + 12_000;
  const check: number[] = [];
  const health: number[] = [];
  const spend: number[] = [];
  while (sending ? ingesting : Date.now() < stopAt) {
    check.push(await timed(`${base}/api/v1/budgets/check?feature=chat`, auth));
    health.push(await timed(`${base}/api/health`));
    spend.push(await timed(`${base}/api/v1/spend?from=${iso(endMs - 30 * 86_400_000)}&to=${iso(endMs - ++asked * 1000)}&group_by=feature&limit=10`, auth));
  }
  await sending;
  console.log(`${phase}, ${CLIENTS} clients: from memory ${fmt(check)}; SELECT 1 ${fmt(health)}; spend query ${fmt(spend)}`);
}
process.exit(0);
