/**
 * Dev loop: run the detector over the NAB corpus in memory and score it (no files written).
 * node --import tsx lib/anomalies/nab/experiment.ts ['{"option": value}']
 */
import { resolve } from "node:path";
import { listDataFiles, readSeries, readWindows } from "./corpus";
import { NAB_PROFILES, PROFILE_NAMES, seriesScoreAt, sweepCorpus, type ScoredSeries } from "./scorer";
import { scoreSeries } from "../detector";

const nabDir = resolve(process.cwd(), "../shared/nab");
const opts = process.argv[2] ? JSON.parse(process.argv[2]) : {};
const windows = readWindows(resolve(nabDir));
const corpus: ScoredSeries[] = [];
const t0 = performance.now();
for (const key of listDataFiles(resolve(nabDir, "data"))) {
  const s = readSeries(resolve(nabDir, "data"), key);
  corpus.push({ name: key, timestamps: s.timestamps, scores: Array.from(scoreSeries(s.timestamps, s.values, opts)), windows: windows[key] ?? [] });
}
const ms = performance.now() - t0;
const line = PROFILE_NAMES.map((p) => {
  const r = sweepCorpus(corpus, NAB_PROFILES[p]);
  return `${p}=${r.normalized.toFixed(2)} (t=${r.threshold.toFixed(3)} tp=${r.tp} fp=${r.fp})`;
});
console.log(JSON.stringify(opts), line.join("  "), `${ms.toFixed(0)}ms`);
if (process.env.PER_FILE) {
  const t = sweepCorpus(corpus, NAB_PROFILES.standard).threshold;
  for (const c of corpus) {
    const r = seriesScoreAt(c, NAB_PROFILES.standard, t);
    console.log(c.name.padEnd(60), r.raw.toFixed(2).padStart(6), `tp=${r.tp}/${c.windows.length} fp=${r.fp}`);
  }
}
