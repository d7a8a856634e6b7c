/**
 * npm run bench:scrape: 200 targets x ~2,000 series each, scraped every 15 s for BENCH_SECONDS
 * (default 120) by the prometheus_scrape collector into the embedded ClickHouse, the way a source
 * loop runs it. The fake endpoints live in a child process so the CPU measured is the scraper's
 * alone (fetch, parse, reduce, insert). Prints CPU as % of one core over the steady part (after the
 * first round), series parsed/s and rows stored/s.
 * Env: BENCH_TARGETS (200), BENCH_SERIES (2000), BENCH_INTERVAL_S (15), BENCH_SECONDS (120).
 */
import "@/lib/testing/temp-store";
import { spawn } from "node:child_process";
import path from "node:path";
import { openTempStore } from "@/lib/testing/temp-store";

const TARGETS = Number(process.env.BENCH_TARGETS ?? 200);
const SERIES = Number(process.env.BENCH_SERIES ?? 2000);
const INTERVAL_S = Number(process.env.BENCH_INTERVAL_S ?? 15);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 120);

async function main() {
  const store = await openTempStore();
  const { prometheusScrapeCollector } = await import("./collectors");
  const root = path.resolve(import.meta.dirname, "../..");
  const child = spawn(process.execPath, ["--import", "tsx", "lib/testing/fake-prometheus.ts", "0"], { cwd: root, env: { ...process.env, BENCH_SERIES: String(SERIES) }, stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (b: Buffer) => {
      const m = /on (http:\/\/\S+)/.exec(b.toString());
      if (m) resolve(m[1]);
    });
    child.once("exit", (c) => reject(new Error(`fake prometheus exited ${c}`)));
  });
  let series = 0;
  let rows = 0;
  let errors = 0;
  let steady: { cpu: NodeJS.CpuUsage; at: number; series: number; rows: number } | null = null;
  const started = Date.now();
  const intervalMs = INTERVAL_S * 1000;
  const cursors: unknown[] = Array(TARGETS).fill(null);
  const loops = Array.from({ length: TARGETS }, async (_, i) => {
    // spread the targets over the interval like independent source schedules
    await new Promise((r) => setTimeout(r, (i / TARGETS) * intervalMs));
    const config = prometheusScrapeCollector.configSchema.parse({ url: `${url}/bench/${i}/metrics`, kind: "vllm", interval_s: INTERVAL_S });
    while (Date.now() - started < SECONDS * 1000) {
      const t = Date.now();
      try {
        const out = await prometheusScrapeCollector.run({ orgId: store.orgId, sourceId: `bench-${i}`, sourceName: `bench-${i}`, config, cursor: cursors[i], now: new Date(t), signal: AbortSignal.timeout(intervalMs), log: () => {}, progress: async () => {} });
        cursors[i] = JSON.parse(JSON.stringify(out.cursor));
        series += out.stats?.series_exposed ?? 0;
        rows += (out.stats?.serving_rows ?? 0) + (out.stats?.gpu_rows ?? 0);
      } catch (err) {
        if (errors++ < 5) console.error(`target ${i}: ${(err as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, Math.max(0, t + intervalMs - Date.now())));
    }
  });
  setTimeout(() => {
    steady = { cpu: process.cpuUsage(), at: Date.now(), series, rows };
  }, intervalMs + 1000);
  await Promise.all(loops);
  const end = { cpu: process.cpuUsage(), at: Date.now() };
  child.kill();
  const s = steady as { cpu: NodeJS.CpuUsage; at: number; series: number; rows: number } | null;
  if (!s) throw new Error("run longer than one interval");
  const secs = (end.at - s.at) / 1000;
  const cpuS = (end.cpu.user - s.cpu.user + end.cpu.system - s.cpu.system) / 1e6;
  console.log(JSON.stringify({
    targets: TARGETS, series_per_target: SERIES, interval_s: INTERVAL_S, measured_s: Math.round(secs),
    cpu_percent_of_one_core: Math.round((cpuS / secs) * 1000) / 10,
    series_parsed_per_s: Math.round((series - s.series) / secs),
    rows_stored_per_s: Math.round((rows - s.rows) / secs),
    scrape_errors: errors,
  }));
  await store.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
