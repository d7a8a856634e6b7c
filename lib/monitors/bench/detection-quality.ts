/**
 * `npm run bench:monitors-detection [-- --seeds 4 --every 10]`: detection quality of the monitor
 * evaluator on live data. The live-eval panel of lib/anomalies (the demo workload's seasonality, 3
 * spend scales x seeds, 28 days of history, then a month with 20 labelled spikes and dips each) is
 * written into the hourly rollup of the embedded ClickHouse as it happens: every `--every` minutes
 * the spend of the minutes since the last pass is inserted, and the evaluator runs one pass of a
 * monitor on `customer` (one customer per series, the default $1/day minimum spend). An alert opens
 * when a condition's dedup key appears and is not already open; it closes after 30 minutes without
 * the condition (the alert store's hold-off). Scored as lib/anomalies/live-eval scores the raw
 * detector, so the two are comparable.
 */
import { openTempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { chInsert } from "@/lib/clickhouse/query";
import { BIG_SPIKE_FACTOR, bucketFactor } from "@/lib/anomalies/live-eval/evaluate";
import { defaultPanel, generateLiveSeries, MINUTE_MS } from "@/lib/anomalies/live-eval/generate";
import type { RaisedAlert } from "@/lib/anomalies/live-eval/run";
import { scoreAlerts, summarize, type AnomalyOutcome } from "@/lib/anomalies/live-eval/score";
import { evaluateMonitor } from "../evaluate";
import { createMonitor } from "../store";
import { createMonitorSchema } from "../types";
import { SPEND_HOURLY } from "@/lib/clickhouse/tables";

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const EVERY_MIN = arg("every", 10);
const HOUR_MS = 3_600_000;
const HOLD_OFF_MS = 30 * MINUTE_MS;

const panel = defaultPanel(arg("seeds", 4)).map((s) => generateLiveSeries(s));
const store = await openTempStore();
const customer = (i: number) => `series-${i}`;
const chTime = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace("T", " ");

type Row = { org_id: string; hour: string; provider: string; model: string; project: string; feature: string; team: string; user: string; customer: string; environment: string; price_source: string; requests: number; priced_requests: number; cost_pico: string };
function row(i: number, hourMs: number, cost: number): Row {
  const req = Math.max(1, Math.round(cost / panel[i].spec.meanRequestCost));
  return { org_id: store.orgId, hour: chTime(hourMs), provider: "openai", model: "gpt-4o", project: "app", feature: "f", team: "t", user: "", customer: customer(i), environment: "prod", price_source: "catalog", requests: req, priced_requests: req, cost_pico: String(Math.round(cost * 1e12)) };
}
const minutes = (i: number, from: number, to: number) => {
  const s = panel[i];
  let sum = 0;
  for (let t = from; t < to; t += MINUTE_MS) sum += s.minuteCost[(t - s.start) / MINUTE_MS];
  return sum;
};

// History: whole hours before the evaluated month.
const start = panel[0].start;
const evalStart = panel[0].evalStart;
const end = panel[0].end;
const history: Row[] = [];
for (let h = start; h < evalStart; h += HOUR_MS) for (let i = 0; i < panel.length; i++) history.push(row(i, h, minutes(i, h, h + HOUR_MS)));
await chInsert(SPEND_HOURLY, history, { tag: "bench.detection.history" });

const m = await createMonitor(store.orgId, createMonitorSchema.parse({ name: "series", dimension: "customer", kinds: ["anomaly"], min_spend_usd: "1" }));
const open = new Map<string, number>(); // dedup key -> last pass it held
const alerts = new Map<string, RaisedAlert[]>();
const wall0 = Date.now();
const cpu0 = process.cpuUsage();
let passes = 0;
for (let t = evalStart; t < end; t += EVERY_MIN * MINUTE_MS) {
  const next = t + EVERY_MIN * MINUTE_MS;
  const hour = Math.floor(t / HOUR_MS) * HOUR_MS;
  await chInsert(SPEND_HOURLY, panel.map((_, i) => row(i, hour, minutes(i, t, next))), { tag: "bench.detection.live" });
  // The pass runs at the end of the minutes just written.
  const { evaluation } = await evaluateMonitor(m, new Date(next));
  passes++;
  for (const c of evaluation.conditions) {
    const last = open.get(c.dedupKey);
    if (last === undefined || next - last > HOLD_OFF_MS) {
      const n = c.numbers as { hour: string; fraction_of_hour: number; score: number };
      const key = c.scope.customer;
      alerts.set(key, [...(alerts.get(key) ?? []), { raisedAt: next, bucket: Date.parse(n.hour), fraction: n.fraction_of_hour, score: n.score }]);
    }
    open.set(c.dedupKey, next);
  }
  if (passes % 500 === 0) console.log(`${passes} passes (${new Date(next).toISOString()})`);
}
const cpu = process.cpuUsage(cpu0);

const big: AnomalyOutcome[] = [];
const small: AnomalyOutcome[] = [];
const byScale = new Map<number, AnomalyOutcome[]>();
let falseUp = 0;
let alertCount = 0;
let weeks = 0;
panel.forEach((s, i) => {
  const spikes = s.anomalies.filter((a) => a.kind === "spike");
  const sc = scoreAlerts(spikes, alerts.get(customer(i)) ?? [], HOUR_MS);
  falseUp += sc.falseAlerts;
  alertCount += sc.alerts;
  weeks += (s.end - s.evalStart) / (7 * 86_400_000);
  for (const o of sc.outcomes) {
    if (bucketFactor(o.anomaly, HOUR_MS) >= BIG_SPIKE_FACTOR) {
      big.push(o);
      if (!o.detected && process.env.SHOW_MISSES) {
        const a = o.anomaly;
        console.log(`missed: ${customer(i)} (peak ${s.spec.peakRequestsPerHour}/h) ${new Date(a.start).toISOString()} for ${Math.round((a.end - a.start) / MINUTE_MS)} min, x${a.factor.toFixed(1)} (x${bucketFactor(a, HOUR_MS).toFixed(1)} in its hour)`);
      }
      byScale.set(s.spec.peakRequestsPerHour, [...(byScale.get(s.spec.peakRequestsPerHour) ?? []), o]);
    } else if (o.anomaly.factor < BIG_SPIKE_FACTOR) small.push(o);
  }
});
const b = summarize("spikes >= 3x in their hour", big);
const fmt = (x: { detected: number; count: number; recall: number; delayP50Min: number; delayP90Min: number }) =>
  `${(100 * x.recall).toFixed(1)}% (${x.detected}/${x.count}), delay p50 ${x.delayP50Min.toFixed(0)} min, p90 ${x.delayP90Min.toFixed(0)} min`;
console.log(`\nmonitor evaluator, a pass every ${EVERY_MIN} min, ${panel.length} series x ${((end - evalStart) / 86_400_000).toFixed(0)} days, ${passes} passes`);
console.log(`spikes >= ${BIG_SPIKE_FACTOR}x in their hour: ${fmt(b)}`);
for (const [scale, o] of [...byScale.entries()].sort((x, y) => x[0] - y[0])) console.log(`  at ${scale} requests/hour: ${fmt(summarize("", o))}`);
console.log(`spikes < ${BIG_SPIKE_FACTOR}x (rate): ${fmt(summarize("", small))}`);
console.log(`false alerts: ${falseUp} = ${(falseUp / weeks).toFixed(2)} per series-week; precision ${((100 * (alertCount - falseUp)) / Math.max(1, alertCount)).toFixed(1)}% (${alertCount} alerts)`);
console.log(`evaluator + inserts: CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, wall ${((Date.now() - wall0) / 1000).toFixed(1)} s`);
await store.close();
