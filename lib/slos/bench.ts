/**
 * `npm run bench:slos [-- --events 1000000 --days 30]`
 *
 * A fresh embedded store with one organization and N events over D days across 8 features (inserted
 * straight into llm_events in 50,000-row batches, so both rollup views run), then wall time of:
 * one SLO status per objective kind (the SLI read over the SLO's 30-day window plus burn windows),
 * a full evaluation pass of those 5 SLOs, the overview's latency P50/P95/P99 and volume/error panels
 * over the whole range, and a start-up histogram repair of one day of org-hours. Median of 3 runs.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { LLM_EVENTS } from "@/lib/clickhouse/tables";

const { values: opt } = parseArgs({ options: { events: { type: "string", default: "1000000" }, days: { type: "string", default: "30" } } });
const N = Number(opt.events);
const DAYS = Number(opt.days);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-slos-"));
process.env.DATA_DIR = dir;
process.env.DEMO_DATA = "0";
const log = (s: string) => console.log(`[bench:slos] ${s}`);

const { migrateConfigDb } = await import("@/lib/db/migrate");
const { migrateClickhouse } = await import("@/lib/clickhouse/migrate");
const { chInsert } = await import("@/lib/clickhouse/query");
const { closeClickhouse } = await import("@/lib/clickhouse/client");
const { db, closeDb } = await import("@/lib/db/prisma");
const { toEventRow } = await import("@/lib/ingest/rows");
const { seededRandom } = await import("@/lib/random/seeded");
const { createSlo } = await import("./service");
const { listSlos } = await import("./repository");
const { sloStatuses } = await import("./status-load");
const { latencyOverTime, volumeAndErrors } = await import("@/lib/analytics/latency");
const { repairLatencyRollup } = await import("./latency-repair");

try {
  await migrateConfigDb();
  await migrateClickhouse();
  const orgId = (await db().organization.create({ data: { name: "bench" } })).id;
  const rand = seededRandom(7);
  const end = Date.now();
  const start = end - DAYS * 86_400_000;
  const features = ["answer", "summarize", "triage", "rerank", "query-rewrite", "code-review", "plan", "report-writer"];
  const t0 = Date.now();
  // Time-ordered, so each batch stays within one or two monthly partitions.
  for (let i = 0; i < N; i += 50_000) {
    const rows = [];
    for (let j = i; j < Math.min(N, i + 50_000); j++) {
      const at = start + ((j + rand()) / N) * (end - start);
      const f = features[j % features.length];
      rows.push(
        toEventRow(orgId, "k", {
          id: `b-${j}`, timestamp: new Date(at), provider: "openai", model: "gpt-4o-mini", project: "p", feature: f, team: "t", user: `u-${j % 500}`, customer: `c-${j % 50}`, environment: "prod",
          tokens: { inputUncached: 1000, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 100, reasoning: 0 },
          latencyMs: Math.round(300 * Math.exp(0.5 * (rand() + rand() + rand() - 1.5))), status: rand() < 0.01 ? "error" : "ok", appCache: f === "triage" ? (rand() < 0.4 ? "hit" : "miss") : "",
          tags: rand() < 0.3 ? { action: "resolved" } : {}, source: "api",
        }, { priced: true, costPico: Math.round(200_000_000 * (0.5 + rand())), cacheSavingsPico: 0, priceSource: "catalog", priceRef: "bench" }),
      );
    }
    await chInsert(LLM_EVENTS, rows, { tag: "bench.insert", timeoutSeconds: 600 });
  }
  log(`${N.toLocaleString("en-US")} events over ${DAYS} days inserted in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const actor = "cli";
  await createSlo(orgId, actor, { name: "cpr", scope: { feature: "answer" }, objective: "cost_per_request", threshold: "0.0003", target: 99 });
  await createSlo(orgId, actor, { name: "cpa", scope: { feature: "answer" }, objective: "cost_per_action", threshold: "0.001", action: "resolved", target: 99 });
  await createSlo(orgId, actor, { name: "lat", scope: { feature: "rerank" }, objective: "latency_p95", threshold: "800", target: 95 });
  await createSlo(orgId, actor, { name: "err", scope: { feature: "plan" }, objective: "error_rate", target: 98 });
  await createSlo(orgId, actor, { name: "hit", scope: { feature: "triage" }, objective: "cache_hit_rate", target: 30 });
  const slos = await listSlos(orgId);
  const median = async (fn: () => Promise<unknown>) => {
    const ts: number[] = [];
    for (let r = 0; r < 3; r++) {
      const s = performance.now();
      await fn();
      ts.push(performance.now() - s);
    }
    return ts.sort((a, b) => a - b)[1];
  };
  for (const s of slos) log(`status of one ${s.kind} SLO (1/8 of the events in scope): ${(await median(() => sloStatuses([s]))).toFixed(0)} ms`);
  log(`evaluation pass, 5 SLOs: ${(await median(() => sloStatuses(slos))).toFixed(0)} ms`);
  const view = { from: new Date(start), to: new Date(end), filters: {} };
  log(`overview latency P50/P95/P99 over ${DAYS} days: ${(await median(() => latencyOverTime(orgId, view))).toFixed(0)} ms`);
  log(`overview volume and error rate over ${DAYS} days: ${(await median(() => volumeAndErrors(orgId, view))).toFixed(0)} ms`);
  const hours = new Set<string>();
  for (let h = 0; h < 24; h++) hours.add(new Date(Math.floor((end - 2 * 86_400_000) / 3_600_000) * 3_600_000 + h * 3_600_000).toISOString().replace("T", " ").slice(0, 19));
  log(`histogram check and repair of 24 org-hours (nothing to repair): ${(await median(() => repairLatencyRollup(new Map([[orgId, hours]])))).toFixed(0)} ms`);
  log(`machine: ${os.cpus().length} cores shared with other jobs (load ${os.loadavg()[0].toFixed(1)}); numbers are noisy`);
} finally {
  await closeDb();
  await closeClickhouse();
  fs.rmSync(dir, { recursive: true, force: true });
}
