/**
 * npm run nab:score [-- <results dir> [<nab dir>]]
 * Scores a NAB-style results dir (default: the published numenta results) on all three profiles.
 */
import { resolve } from "node:path";
import { loadScoredCorpus, readProfiles } from "./corpus";
import { PROFILE_NAMES, sweepCorpus } from "./scorer";

const nabDir = resolve(process.cwd(), process.argv[3] ?? "../shared/nab");
const resultsDir = resolve(process.cwd(), process.argv[2] ?? `${nabDir}/results/numenta`);

const corpus = loadScoredCorpus(nabDir, resultsDir);
const profiles = readProfiles(nabDir);
const windows = corpus.reduce((s, c) => s + c.windows.length, 0);
console.log(`results: ${resultsDir}`);
console.log(`corpus:  ${nabDir} (${corpus.length} files, ${windows} windows)`);
console.log("profile              normalized  threshold   TP  FP(rows)  FN");
for (const name of PROFILE_NAMES) {
  const r = sweepCorpus(corpus, profiles[name]);
  console.log(
    `${name.padEnd(20)} ${r.normalized.toFixed(2).padStart(10)}  ${r.threshold.toFixed(6).padStart(9)} ${String(r.tp).padStart(4)} ${String(r.fp).padStart(9)} ${String(r.fn).padStart(3)}`,
  );
}
