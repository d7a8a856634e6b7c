/**
 * `npm run bench:monitors-cpu [-- --series 10000]`: CPU of one monitor evaluation cycle at N monitored
 * series (one monitor on `customer`, anomaly + cost per request), on the embedded ClickHouse in a
 * temporary data directory. The rollup is filled inside the engine (28 days of hourly spend per series
 * with the demo's daily shape and noise): this measures the evaluator, not ingestion.
 * Reports: the cold pass (a start-up reads 28 days), steady passes inside an hour (what runs every
 * 15 s), and the pass that feeds a new hour to every detector. CPU is the process's (Node and the
 * in-process engine's threads together).
 */
import { openTempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { chCommand } from "@/lib/clickhouse/query";
import { evaluateMonitor } from "../evaluate";
import { createMonitor } from "../store";
import { createMonitorSchema } from "../types";
import { SPEND_HOURLY } from "@/lib/clickhouse/tables";

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const SERIES = arg("series", 10_000);
const HOUR_MS = 3_600_000;
const HOURS = 28 * 24;

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function fill(orgId: string, firstHour: number, hours: number, share = 1) {
  // One row per series and hour; $0.05-$5 at the daily peak per series, 10% noise.
  await chCommand(
    `INSERT INTO ${SPEND_HOURLY} (org_id, hour, provider, model, project, feature, team, user, customer, environment, price_source,
       requests, priced_requests, cost_pico)
     SELECT {org:String}, toDateTime({first:UInt32} + intDiv(number, {series:UInt32}) * 3600, 'UTC') AS h,
       'openai', 'gpt-4o', 'app', 'f', 't', '', concat('c', toString(number % {series:UInt32})), 'prod', 'catalog',
       toInt64(greatest(1, round(50 * s))), toInt64(greatest(1, round(50 * s))),
       toInt128(round(1e12 * (0.05 + 5 * ((number % {series:UInt32}) / {series:UInt32})) * s))
     FROM (SELECT number, (0.35 + 0.65 * exp(-pow(toHour(toDateTime({first:UInt32} + intDiv(number, {series:UInt32}) * 3600, 'UTC')) - 14, 2) / 18))
                  * (1 + 0.1 * randNormal(0, 1)) * {share:Float64} AS s
           FROM numbers({n:UInt64}))`,
    { tag: "bench.monitors.fill", params: { org: orgId, first: firstHour * 3600, series: SERIES, n: SERIES * hours, share }, timeoutSeconds: 600 },
  );
}

const store = await openTempStore();
const now = Date.now();
const current = Math.floor(now / HOUR_MS);
// Start the clock 20 minutes into the current hour, so the steady passes are inside one hour.
const t0 = current * HOUR_MS + 20 * 60_000;
let t = Date.now();
await fill(store.orgId, current - HOURS, HOURS);
// The hour in progress holds the spend of its first 20 minutes.
await fill(store.orgId, current, 1, 1 / 3);
console.log(`filled ${SERIES} series x ${HOURS} hours in ${((Date.now() - t) / 1000).toFixed(1)} s`);
await chCommand(`OPTIMIZE TABLE ${SPEND_HOURLY} FINAL`, { tag: "bench.monitors.optimize", timeoutSeconds: 600 });
const m = await createMonitor(store.orgId, createMonitorSchema.parse({ name: "customers", dimension: "customer", kinds: ["anomaly", "cost_per_request"] }));

async function pass(label: string, at: number) {
  const c0 = cpuMs();
  const w0 = Date.now();
  const r = await evaluateMonitor(m, new Date(at));
  const cpu = cpuMs() - c0;
  console.log(`${label}: ${r.seriesWatched} series, ${r.evaluation.conditions.length} conditions, CPU ${(cpu / 1000).toFixed(2)} s, wall ${((Date.now() - w0) / 1000).toFixed(2)} s`);
  return cpu;
}

await pass("cold pass (28 days read and fed)", t0);
const steady: number[] = [];
for (let i = 1; i <= 8; i++) steady.push(await pass(`steady pass ${i}`, t0 + i * 15_000));
await fill(store.orgId, current, 1, 2 / 3);
await fill(store.orgId, current + 1, 1, 0.1);
const hourly = await pass("first pass after the next hour settles (feeds one hour to every detector)", (current + 1) * HOUR_MS + 6 * 60_000);
steady.sort((a, b) => a - b);
const median = steady[Math.floor(steady.length / 2)];
console.log(
  `\nper minute at ${SERIES} series: ${((4 * median) / 1000).toFixed(2)} s CPU (4 passes of median ${(median / 1000).toFixed(2)} s)` +
    `; with the hourly feed spread over the hour's 240 passes: +${(hourly / 60 / 1000).toFixed(3)} s/min`,
);
await store.close();
