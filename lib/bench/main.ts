/**
 * `npm run bench`: the ledger's speed on this machine, end to end.
 *  1. the engine's own insert rate for the benchmark rows (child process, its own store);
 *  2. the store preloaded inside the engine up to --stored events in all, then the product started as
 *     users start it (`npm start`, embedded mode, no demo data) and sent --events events through
 *     POST /api/v1/events by concurrent HTTP clients: sustained events/s on a store that is already big;
 *  3. with --stored events stored, the latency of the overview's queries (through GET /api/v1/spend,
 *     and the overview page itself rendered for a signed-in user);
 *     idle, and while a quarter as many events again are being sent (one reader, as a dashboard user);
 *  4. read throughput: --readers clients asking the overview's queries for --read-seconds;
 *  5. peak resident memory of the server process tree throughout.
 * Options: --stored 10000000 --events 1000000 --clients 32 --batch 1000 --engine-events 1000000 --runs 40
 *          --readers 16 --read-seconds 20 --port 3300 --json <file> (the figures as JSON, to compare runs)
 */
import { startProductServer } from "./product-server";
import { spawn, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sendEvents } from "./ingest-load";
import { readOverview } from "./read-load";
import { peakRssSampler } from "./process-memory";
import { summarize } from "./stats";

const { values: opt } = parseArgs({
  options: {
    stored: { type: "string", default: "10000000" },
    events: { type: "string", default: "1000000" },
    clients: { type: "string", default: "32" },
    batch: { type: "string", default: "1000" },
    "engine-events": { type: "string", default: "1000000" },
    runs: { type: "string", default: "40" },
    port: { type: "string", default: "3300" },
    readers: { type: "string", default: "16" },
    "read-seconds": { type: "string", default: "20" },
    json: { type: "string" },
  },
});
const STORED = Number(opt.stored);
const EVENTS = Number(opt.events);
const CLIENTS = Number(opt.clients);
const BATCH = Number(opt.batch);
const ENGINE_EVENTS = Number(opt["engine-events"]);
const RUNS = Number(opt.runs);
const PORT = Number(opt.port);
const READERS = Number(opt.readers);
const READ_SECONDS = Number(opt["read-seconds"]);
/** sent while one reader asks the overview's queries; the store ends at --stored events in all */
const DURING = Math.floor(EVENTS / 4);
const root = process.cwd();
const work = fs.mkdtempSync(path.join(os.tmpdir(), "finops-bench-"));
const endMs = Date.now();
const log = (s: string) => console.log(`[bench] ${s}`);
const tsxNode = (script: string, args: string[], env: Record<string, string>) =>
  spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], { cwd: root, env: { ...process.env, ...env } });

// 1. engine insert rate -------------------------------------------------------------------------
log(`engine insert: ${ENGINE_EVENTS.toLocaleString()} rows into a fresh embedded store`);
const engine = await new Promise<{ insertRate: number; prepareRate: number; insertSeconds: number }>((resolve, reject) => {
  const child = tsxNode("lib/bench/engine-insert.ts", [String(ENGINE_EVENTS), String(endMs)], { DATA_DIR: path.join(work, "engine") });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.pipe(process.stderr);
  child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!)) : reject(new Error(`engine child exit ${code}`))));
});
log(`engine: ${Math.round(engine.insertRate).toLocaleString()} rows/s insert; normalize+price ${Math.round(engine.prepareRate).toLocaleString()} events/s (one core)`);

// 2. the server, as `npm start` runs it, on a preloaded store ------------------------------------
const dataDir = path.join(work, "server");
process.env.DATA_DIR = dataDir;
const { migrateConfigDb } = await import("@/lib/db/migrate");
const { ensureOrganization } = await import("@/lib/bootstrap/users");
await migrateConfigDb();
const { orgId } = await ensureOrganization(false);
const preloadCount = Math.max(0, STORED - EVENTS - DURING);
if (preloadCount > 0) {
  log(`preloading ${preloadCount.toLocaleString()} events inside the engine`);
  const pre = await new Promise<{ events: number; seconds: number }>((resolve, reject) => {
    const child = tsxNode("lib/bench/preload.ts", [String(preloadCount), orgId, String(endMs)], { DATA_DIR: dataDir });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.pipe(process.stderr);
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!)) : reject(new Error(`preload exit ${code}`))));
  });
  log(`preloaded ${pre.events.toLocaleString()} events in ${pre.seconds.toFixed(0)} s`);
}
const server = await startProductServer({ dataDir, port: PORT });
const base = server.base;
await waitIdIndex();
const memory = peakRssSampler(server.process.pid!);
memory.reset();
log("server healthy");

const { db } = await import("@/lib/db/prisma");
const { createApiKey } = await import("@/lib/auth/api-keys");
const { createUser } = await import("@/lib/bootstrap/users");
const key = (await createApiKey({ orgId, name: "bench", scopes: ["ingest", "read"] })).key;
const bench = await createUser({ orgId, email: "bench@localhost", name: "bench", role: "finance", password: "bench-password" });

log(`HTTP ingest: ${EVENTS.toLocaleString()} events onto ${preloadCount.toLocaleString()} stored, ${CLIENTS} clients, ${BATCH} events/request`);
let done = 0;
const progressT0 = performance.now();
const progress = setInterval(() => log(`  ${done.toLocaleString()} events, ${Math.round(done / ((performance.now() - progressT0) / 1000)).toLocaleString()}/s, server RSS peak ${mb(memory.peak())}`), 15_000);
const load = { base, key, events: EVENTS, clients: CLIENTS, batch: BATCH, endMs, onProgress: (n: number) => (done = n) };
const { seconds: ingestSeconds, latencies } = await sendEvents({ ...load, runId: "h" });
clearInterval(progress);
const httpRate = EVENTS / ingestSeconds;
const ingestPeak = memory.peak();
log(`HTTP: ${Math.round(httpRate).toLocaleString()} events/s sustained over ${ingestSeconds.toFixed(1)} s; peak RSS ${mb(ingestPeak)}`);

// 3. overview queries on N stored events, while events arrive and idle -----------------------------
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const range = `from=${iso(endMs - 30 * DAY)}&to=${iso(endMs)}`;
const prev = `from=${iso(endMs - 60 * DAY)}&to=${iso(endMs - 30 * DAY)}`;
const queries: Record<string, string> = {
  "total, 30 days": range,
  "total, previous 30 days": prev,
  "spend over time by feature (daily)": `${range}&interval=day&group_by=feature`,
  "top features": `${range}&group_by=feature&limit=10`,
  "top teams": `${range}&group_by=team&limit=10`,
  "top models": `${range}&group_by=provider,model&limit=10`,
  "top customers": `${range}&group_by=customer&limit=10`,
  "top users (5,000 distinct)": `${range}&group_by=user&limit=10`,
  "one feature drilled, by customer": `${range}&feature=chat&group_by=customer&limit=10`,
};
log(`overview queries while ${DURING.toLocaleString()} more events arrive`);
let ingesting = true;
const [duringSend, during] = await Promise.all([
  sendEvents({ ...load, events: DURING, runId: "d" }).finally(() => (ingesting = false)),
  readOverview({ base, key, queries: Object.values(queries), readers: 1, stop: () => !ingesting }),
]);
const duringIngest = summarize(during.latencies);
// What a reader costs ingestion: the same clients, while one reader asks the overview's queries.
const duringRate = DURING / duringSend.seconds;
log(`during ingestion: p95 ${duringIngest.p95.toFixed(0)} ms over ${duringIngest.runs} queries; ingestion meanwhile ${Math.round(duringRate).toLocaleString()} events/s`);
// In embedded mode answers are kept until the server's next write to the store, so one event is sent
// before each timed run: these figures are the cost of asking the engine, as right after new data.
let touches = 0;
const touch = () => sendEvents({ ...load, events: 1, clients: 1, batch: 1, runId: `t${touches++}` });
const results: { name: string; p50: number; p95: number; max: number; runs: number }[] = [];
const all: number[] = [];
for (const [name, qs] of Object.entries(queries)) {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await touch();
    const s = performance.now();
    const res = await fetch(`${base}/api/v1/spend?${qs}`, { headers: { authorization: `Bearer ${key}` } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${name}: ${res.status}`);
    ms.push(performance.now() - s);
  }
  all.push(...ms);
  results.push({ name, ...summarize(ms) });
}
const cookie = await signInCookie("bench@localhost", "bench-password");
const page: number[] = [];
for (let i = 0; i < Math.ceil(RUNS / 2); i++) {
  await touch();
  const s = performance.now();
  const res = await fetch(`${base}/`, { headers: { cookie } });
  const html = await res.text();
  if (res.status !== 200 || !html.includes("total-spend")) throw new Error(`overview page: ${res.status}`);
  page.push(performance.now() - s);
}
results.push({ name: "whole overview page (server render, all sections)", ...summarize(page) });
const overall = summarize(all);
// The same questions asked again with no write between: answered from memory.
const repeated: number[] = [];
for (const qs of Object.values(queries)) {
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    const res = await fetch(`${base}/api/v1/spend?${qs}`, { headers: { authorization: `Bearer ${key}` } });
    await res.arrayBuffer();
    repeated.push(performance.now() - s);
  }
}
const again = summarize(repeated);

// 4. read throughput ---------------------------------------------------------------------------
const readEnd = Date.now() + READ_SECONDS * 1000;
const reads = await readOverview({ base, key, queries: Object.values(queries), readers: READERS, stop: () => Date.now() >= readEnd });
log(`${READERS} readers: ${reads.perSecond.toFixed(1)} overview queries/s`);
const queryPeak = memory.peak();
memory.stop();

// Report ----------------------------------------------------------------------------------------
const cpu = os.cpus()[0]?.model ?? "unknown cpu";
const machine = `${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()}`;
const md = [
  `Run ${new Date().toISOString().slice(0, 16)}Z on ${machine}; command: \`npm run bench -- --stored ${STORED} --events ${EVENTS} --clients ${CLIENTS} --batch ${BATCH}\``,
  "",
  "| Ingestion | |",
  "|---|---|",
  `| HTTP API, ${CLIENTS} concurrent clients, ${BATCH} events/request, embedded mode, onto ${preloadCount.toLocaleString()} stored events | **${Math.round(httpRate).toLocaleString()} events/s** sustained (${EVENTS.toLocaleString()} events in ${ingestSeconds.toFixed(0)} s; request p50 ${summarize(latencies).p50.toFixed(0)} ms, p95 ${summarize(latencies).p95.toFixed(0)} ms) |`,
  `| Engine's own INSERT of the same rows (50,000-row inserts, no HTTP/validation) | ${Math.round(engine.insertRate).toLocaleString()} rows/s |`,
  `| Ratio HTTP / engine | ${(httpRate / engine.insertRate).toFixed(2)} |`,
  `| Validation + normalization + pricing alone, one core | ${Math.round(engine.prepareRate).toLocaleString()} events/s |`,
  `| Peak RSS of the server during ingestion | ${mb(ingestPeak)} |`,
  "",
  `| Overview query with ${STORED.toLocaleString()} events stored (${RUNS} runs each, one event sent before each run) | p50 ms | p95 ms | max ms |`,
  "|---|---|---|---|",
  ...results.map((r) => `| ${r.name} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} |`),
  `| **all overview queries** | ${overall.p50.toFixed(1)} | **${overall.p95.toFixed(1)}** | ${overall.max.toFixed(1)} |`,
  `| all overview queries asked again with no write between (answered from memory) | ${again.p50.toFixed(1)} | ${again.p95.toFixed(1)} | ${again.max.toFixed(1)} |`,
  `| all overview queries while ${DURING.toLocaleString()} events arrive (one reader) | ${duringIngest.p50.toFixed(1)} | **${duringIngest.p95.toFixed(1)}** | ${duringIngest.max.toFixed(1)} |`,
  "",
  `Ingestion while that reader asks: ${Math.round(duringRate).toLocaleString()} events/s.`,
  "",
  `Read throughput, ${READERS} concurrent readers of the overview's queries for ${READ_SECONDS} s, no writes meanwhile (each answer kept after its first asking): **${reads.perSecond.toFixed(1)} queries/s** (p95 ${summarize(reads.latencies).p95.toFixed(0)} ms).`,
  "",
  `Peak RSS of the server: ${mb(Math.max(ingestPeak, queryPeak))}.`,
].join("\n");
fs.mkdirSync(path.join(root, "bench-results"), { recursive: true });
const outFile = path.join(root, "bench-results", `bench-${new Date().toISOString().replace(/[:.]/g, "-")}.md`);
fs.writeFileSync(outFile, md + "\n");
console.log("\n" + md + `\n\n(written to ${path.relative(root, outFile)})`);
if (opt.json) {
  const figures = {
    machine,
    command: `npm run bench -- --stored ${STORED} --events ${EVENTS} --clients ${CLIENTS} --batch ${BATCH}`,
    ingest_events_per_s: Math.round(httpRate),
    engine_rows_per_s: Math.round(engine.insertRate),
    ingest_to_engine_ratio: +(httpRate / engine.insertRate).toFixed(3),
    overview_p95_ms_idle: +overall.p95.toFixed(1),
    overview_p95_ms_during_ingest: +duringIngest.p95.toFixed(1),
    ingest_events_per_s_while_read: Math.round(duringRate),
    overview_page_p95_ms: +summarize(page).p95.toFixed(1),
    overview_p95_ms_repeated: +again.p95.toFixed(1),
    reads_per_s: +reads.perSecond.toFixed(1),
    readers: READERS,
    stored_events: preloadCount + EVENTS + DURING + touches,
    peak_rss_mib: Math.round(Math.max(ingestPeak, queryPeak) / 2 ** 20),
  };
  fs.writeFileSync(path.resolve(opt.json), JSON.stringify(figures, null, 2) + "\n");
  log(`figures written to ${opt.json}`);
}
await server.stop();
await db().$disconnect();
void bench;
try {
  execFileSync("rm", ["-rf", work]);
} catch {
  /* best effort */
}
process.exit(0);

// helpers ---------------------------------------------------------------------------------------
function mb(bytes: number) {
  return `${Math.round(bytes / 2 ** 20).toLocaleString()} MiB`;
}

/** The ingest id index loads in the background after start; the sustained rate is measured once it is ready. */
async function waitIdIndex() {
  const t0 = Date.now();
  for (let i = 0; i < 600; i++) {
    const h = (await (await fetch(`${base}/api/health`)).json()) as { ingest_id_index?: string };
    if (h.ingest_id_index !== "loading") {
      log(`ingest id index ${h.ingest_id_index} after ${((Date.now() - t0) / 1000).toFixed(0)} s`);
      return;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** next-auth's credentials flow, as the sign-in form performs it. */
async function signInCookie(email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = res.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in failed: ${res.status}`);
  return [...jar, session].join("; ");
}
