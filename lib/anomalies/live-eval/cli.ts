/**
 * npm run anomalies:live-eval [-- --seeds N] [-- --options '{"threshold":0.6}']
 *
 * Generates the live-spend panel (3 spend scales x N seeds, 4 weeks of history, a month with
 * 20 labelled spikes and dips each) and prints, per feeding setting, recall by class, detection
 * delay, false alerts per series-week and precision, for the "up" (spikes) and "down" (dips)
 * monitors.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { DEFAULT_DETECTOR_OPTIONS } from "../detector";
import { defaultPanel } from "./generate";
import { evaluateLive, generatePanel, type SettingReport } from "./evaluate";
import type { ClassSummary } from "./score";

const { values } = parseArgs({
  options: { seeds: { type: "string", default: "4" }, options: { type: "string", default: "{}" } },
});
const seeds = z.coerce.number().int().min(1).max(50).safeParse(values.seeds);
if (!seeds.success) {
  console.error("--seeds: expected an integer from 1 to 50");
  process.exit(2);
}
// Numeric detector options only (direction is set per monitor by the evaluation itself).
const optionKeys = Object.keys(DEFAULT_DETECTOR_OPTIONS).filter((k) => k !== "direction") as [string, ...string[]];
let options: Record<string, number>;
try {
  options = z.partialRecord(z.enum(optionKeys), z.number().finite()).parse(JSON.parse(values.options ?? "{}")) as Record<string, number>;
} catch {
  console.error(`--options: expected a JSON object of numeric detector options (${optionKeys.join(", ")}), e.g. {"threshold":0.6}`);
  process.exit(2);
}

const t0 = performance.now();
const panel = generatePanel(defaultPanel(seeds.data));
const reports = evaluateLive(panel, undefined, options);
const anomalies = panel.reduce((s, p) => s + p.anomalies.length, 0);
console.log(`${panel.length} series, ${anomalies} labelled anomalies, ${(performance.now() - t0).toFixed(0)} ms`);

const pct = (x: number) => (Number.isNaN(x) ? "-" : `${(100 * x).toFixed(1)}%`);
const num = (x: number, d = 0) => (Number.isNaN(x) ? "-" : x.toFixed(d));
const cls = (c: ClassSummary, step: number) =>
  `${c.label.padEnd(13)} recall ${pct(c.recall).padStart(6)} (${c.detected}/${c.count})  delay p50 ${num(c.delayP50Min).padStart(4)} min (${num(c.delayP50Min / step, 2)} steps), p90 ${num(c.delayP90Min).padStart(4)} min`;
for (const r of reports as SettingReport[]) {
  const step = r.setting.stepMinutes;
  console.log(`\n${r.setting.name}`);
  console.log(`  ${cls(r.bigSpikes, step)}`);
  console.log(`    by spend scale (peak): ${r.bigSpikesByScale.map((c) => `${c.label} ${c.detected}/${c.count}`).join(", ")}`);
  console.log(`  ${cls(r.dilutedSpikes, step)}`);
  console.log(`  ${cls(r.smallSpikes, step)}`);
  console.log(`  up:   false alerts ${num(r.falseUpPerSeriesWeek, 2)} per series-week, precision ${pct(r.precisionUp)}`);
  console.log(`  ${cls(r.dips, step)}`);
  console.log(`  down: false alerts ${num(r.falseDownPerSeriesWeek, 2)} per series-week, precision ${pct(r.precisionDown)}`);
  console.log(`  repeated alerts inside one anomaly: ${r.duplicates}`);
}
