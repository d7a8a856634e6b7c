/**
 * `npm run bench:quarterly [-- --extra-events 1000000 --runs 3]`
 *
 * Quarterly review generation (the report's queries and the PDF) for the demo organization, timed in
 * its own process so peak RSS belongs to it:
 * 1. a child seeds a fresh store with the demo organization (lib/demo, as `npm start` does) and, with
 *    --extra-events N, N more synthetic events spread over the current quarter (a larger store);
 * 2. another child opens that store and builds the JSON report then the PDF, `runs` times, printing
 *    seconds per run and the process's peak RSS (getrusage maxRSS, which includes the embedded engine).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values: opt } = parseArgs({
  options: {
    "extra-events": { type: "string", default: "0" },
    runs: { type: "string", default: "3" },
    seed: { type: "string" },
    measure: { type: "string" },
  },
});
const log = (s: string) => console.error(`[bench:quarterly] ${s}`);

if (opt.seed) await seed(opt.seed, Number(opt["extra-events"]));
else if (opt.measure) await measure(opt.measure, Number(opt.runs));
else main();

function child(args: string[]) {
  const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", import.meta.filename, ...args], { stdio: "inherit" });
  if (r.status !== 0) throw new Error(`child ${args[0]} failed (${r.status})`);
}

function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-quarterly-"));
  try {
    child(["--seed", dir, "--extra-events", String(opt["extra-events"])]);
    child(["--measure", dir, "--runs", String(opt.runs)]);
    log(`machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} (shared)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function open(dir: string) {
  process.env.DATA_DIR = dir;
  process.env.DEMO_DATA = "0";
  process.env.INGEST_FLUSH_MS = "1";
  const { migrateConfigDb } = await import("@/lib/db/migrate");
  const { migrateClickhouse } = await import("@/lib/clickhouse/migrate");
  await migrateConfigDb();
  await migrateClickhouse();
  const { db } = await import("@/lib/db/prisma");
  const org = await db().organization.findFirst({ orderBy: { createdAt: "asc" } });
  return org?.id ?? (await db().organization.create({ data: { name: "Demo organization" } })).id;
}

async function seed(dir: string, extra: number) {
  const orgId = await open(dir);
  const { seedDemoData } = await import("@/lib/demo/seed");
  const { ingestEvents } = await import("@/lib/ingest/ingest-batch");
  const { eventWriter } = await import("@/lib/ingest/writer");
  const { quarterBounds, quarterOf } = await import("./quarter");
  let t = Date.now();
  const demo = await seedDemoData(orgId);
  log(`demo organization seeded: ${demo.toLocaleString("en-US")} events in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  if (extra > 0) {
    t = Date.now();
    const q = quarterBounds(quarterOf(new Date()));
    const span = Math.min(Date.now(), q.to.getTime()) - q.from.getTime();
    const models = ["gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini"];
    for (let i = 0; i < extra; i += 1000) {
      const batch = Array.from({ length: Math.min(1000, extra - i) }, (_, j) => {
        const n = i + j;
        return {
          id: `bench-${n}`, timestamp: new Date(q.from.getTime() + Math.floor((n / extra) * span)).toISOString(), provider: "openai", model: models[n % 4],
          feature: `feature-${n % 40}`, team: `team-${n % 12}`, customer: `cust-${n % 5000}`, user: `user-${n % 50_000}`,
          usage: { input_tokens: 500 + (n % 3000), output_tokens: 50 + (n % 700) }, ...(n % 10 === 0 ? { tags: { action: "ticket_resolved" } } : {}),
        };
      });
      await ingestEvents(orgId, "bench", batch, "bench");
      if ((i + 1000) % 100_000 === 0) log(`  ${(i + 1000).toLocaleString("en-US")} events in ${((Date.now() - t) / 1000).toFixed(0)} s`);
    }
    log(`larger store: ${extra.toLocaleString("en-US")} more events over the current quarter in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  await eventWriter().drain();
  const { closeClickhouse } = await import("@/lib/clickhouse/client");
  await closeClickhouse();
}

async function measure(dir: string, runs: number) {
  const orgId = await open(dir);
  const { quarterlyReport } = await import("./report");
  const { quarterlyPdf } = await import("./pdf");
  const { quarterLabel, quarterOf } = await import("./quarter");
  const quarter = quarterLabel(quarterOf(new Date()));
  const baseline = process.memoryUsage().rss;
  for (let i = 1; i <= runs; i++) {
    const t0 = performance.now();
    const report = await quarterlyReport(orgId, quarter);
    const t1 = performance.now();
    const pdf = await quarterlyPdf(report, "Demo organization");
    const t2 = performance.now();
    log(`run ${i}: ${quarter} total $${report.total_spend_usd}, ${report.requests.toLocaleString("en-US")} requests; report ${((t1 - t0) / 1000).toFixed(2)} s + PDF ${((t2 - t1) / 1000).toFixed(2)} s = ${((t2 - t0) / 1000).toFixed(2)} s; PDF ${Math.round(pdf.length / 1024)} KiB`);
  }
  log(`RSS with the store open before the first run: ${Math.round(baseline / 2 ** 20)} MiB; peak RSS of the process: ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
  const { closeClickhouse } = await import("@/lib/clickhouse/client");
  await closeClickhouse();
}
