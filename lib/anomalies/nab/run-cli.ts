/**
 * npm run nab:run -- <nab data dir> <output dir>
 *
 * Runs the streaming detector (default options, identical for every file) over every
 * `<data dir>/<category>/<name>.csv` and writes `<output dir>/<category>/<name>.csv` with
 * columns timestamp,value,anomaly_score, one row per input row, as any NAB scorer reads.
 * Score the output with: npm run nab:score -- <output dir>
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { scoreSeries } from "../detector";
import { listDataFiles, parseNabTime, readCsv } from "./corpus";

const [dataArg, outArg] = process.argv.slice(2);
if (!dataArg || !outArg) {
  console.error("usage: npm run nab:run -- <nab data dir> <output dir>");
  process.exit(2);
}
const dataDir = resolve(process.cwd(), dataArg);
const outDir = resolve(process.cwd(), outArg);

let rows = 0;
let busyMs = 0;
const keys = listDataFiles(dataDir);
for (const key of keys) {
  const { header, rows: table } = readCsv(join(dataDir, key));
  const ti = header.indexOf("timestamp");
  const vi = header.indexOf("value");
  if (ti < 0 || vi < 0) throw new Error(`${key}: expected timestamp,value header`);
  const timestamps = table.map((r) => parseNabTime(r[ti]));
  const values = table.map((r) => Number(r[vi]));
  const t0 = performance.now();
  const scores = scoreSeries(timestamps, values);
  busyMs += performance.now() - t0;
  // Input timestamp and value strings are copied verbatim so the scorer matches rows exactly.
  const lines = ["timestamp,value,anomaly_score"];
  for (let i = 0; i < table.length; i++) lines.push(`${table[i][ti]},${table[i][vi]},${scores[i].toFixed(6)}`);
  const outPath = join(outDir, key);
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, lines.join("\n") + "\n");
  rows += table.length;
}
console.log(`${keys.length} files, ${rows} rows scored in ${busyMs.toFixed(0)} ms (detector only) -> ${outDir}`);
