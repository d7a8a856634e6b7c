/**
 * npm run anomalies:bench
 * Throughput of the streaming detector on one core (Node runs it on one thread):
 *  1. points/s through score() and through update() (which also builds the result object);
 *  2. time to score 10,000 series x 30 days hourly, each series with its own detector.
 * Both wall-clock and this process's CPU time are printed: on a machine shared with other work
 * the CPU time is the steadier of the two.
 */
import { cpus } from "node:os";
import { createDetector } from "./detector";

const HOUR = 3_600_000;
const START = Date.UTC(2026, 0, 5);

/** Deterministic hourly spend-like values: daily shape, weekend dip, noise, an occasional spike. */
function makeSeries(points: number, seed: number): Float64Array {
  let s = seed >>> 0 || 1;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  const out = new Float64Array(points);
  for (let i = 0; i < points; i++) {
    const h = i % 24;
    const dow = Math.floor(i / 24) % 7;
    const base = (20 + 80 * Math.exp(-((h - 14) ** 2) / 18)) * (dow >= 5 ? 0.4 : 1);
    out[i] = base * (0.9 + 0.2 * rand()) * (rand() < 0.001 ? 5 : 1);
  }
  return out;
}

function throughput(label: string, points: number, run: (ts: number, v: number, d: ReturnType<typeof createDetector>) => number) {
  const values = makeSeries(points, 7);
  // Warm the JIT on a separate detector so the timed run measures steady state.
  const warm = createDetector();
  for (let i = 0; i < 50_000; i++) run(START + i * HOUR, values[i], warm);
  const d = createDetector();
  let sink = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < points; i++) sink += run(START + i * HOUR, values[i], d);
  const s = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  console.log(
    `${label.padEnd(34)} ${(points / s / 1e6).toFixed(2)} M points/s  (${points.toLocaleString("en-US")} points in ${s.toFixed(2)} s, ` +
      `${(points / cpu / 1e6).toFixed(2)} M points per CPU-second, checksum ${sink.toFixed(1)})`,
  );
}

console.log(`node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), single thread`);
throughput("one series, score()", 5_000_000, (t, v, d) => d.score(t, v));
throughput("one series, update() with details", 5_000_000, (t, v, d) => d.update(t, v).score);

const SERIES = 10_000;
const POINTS = 30 * 24;
const bases = Array.from({ length: 16 }, (_, k) => makeSeries(POINTS, 100 + k));
const c0 = process.cpuUsage();
const t0 = performance.now();
const detectors = Array.from({ length: SERIES }, () => createDetector());
let alerts = 0;
// Time-major order, as a live system receives them: every series gets its point for hour t.
for (let i = 0; i < POINTS; i++) {
  const ts = START + i * HOUR;
  for (let s = 0; s < SERIES; s++) {
    if (detectors[s].score(ts, bases[s & 15][i] * (1 + (s >> 4))) >= 0.6) alerts++;
  }
}
const sec = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(c0);
const heapMb = process.memoryUsage().heapUsed / 1e6;
console.log(
  `${SERIES.toLocaleString("en-US")} series x 30 days hourly (${(SERIES * POINTS / 1e6).toFixed(1)} M points): ${sec.toFixed(2)} s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s), ` +
    `${((SERIES * POINTS) / sec / 1e6).toFixed(2)} M points/s, ${alerts} alerts, heap ${heapMb.toFixed(0)} MB`,
);
