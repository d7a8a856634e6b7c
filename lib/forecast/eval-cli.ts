/**
 * npm run forecast:eval [-- <nab dir>]
 *
 * Cuts seasonal series at several points inside a budget period and forecasts the spend of the
 * rest of the period; reports the error of that remaining sum for this forecaster, the
 * straight-line run-rate projection (period-to-date / elapsed x remaining) and seasonal naive
 * (the same steps one week earlier), plus the empirical coverage of the 80% interval.
 * Cases and scoring: eval-lib.ts. Protocol: README.md.
 */
import { resolve } from "node:path";
import { demoCases, nabCases, perSource, runCases, score, type Case, type Scores } from "./eval-lib";
import { forecastSum } from "./seasonal-forecast";

const forecaster = (history: Float64Array, horizon: number) => forecastSum(history, horizon, { stepsPerDay: 24 });

function row(label: string, s: Scores): string {
  const gain = 100 * (1 - s.mapeOurs / s.mapeStraight);
  const p = (x: number, w: number) => `${x.toFixed(1)}%`.padStart(w);
  return [
    label.padEnd(10),
    String(s.cases).padStart(5),
    p(s.mapeOurs, 8),
    p(s.mapeStraight, 9),
    p(s.mapeNaive, 8),
    `${gain.toFixed(0)}%`.padStart(6),
    `${p(s.medianOurs, 6)} /${p(s.medianStraight, 6)} /${p(s.medianNaive, 6)}`,
    `${p(s.totalMapeOurs, 6)} /${p(s.totalMapeStraight, 6)}`,
    `${p(s.fileMapeOurs, 6)} /${p(s.fileMapeStraight, 6)}`,
    `${s.coverage.toFixed(0)}% (${s.below.toFixed(0)}/${s.above.toFixed(0)})`.padStart(13),
    `${s.meanWidth.toFixed(0)}%`.padStart(6),
  ].join(" ");
}

function table(title: string, sets: [string, Case[]][]) {
  console.log(`\n${title}`);
  console.log(
    "set        cases     ours  straight  s.naive   gain   median APE ours/straight/naive   period-total MAPE   per-series MAPE   cover80 (below/above)  width",
  );
  const all: ReturnType<typeof runCases> = [];
  for (const [label, cases] of sets) {
    const r = runCases(cases, forecaster);
    all.push(...r);
    console.log(row(label, score(r)));
  }
  console.log(row("all", score(all)));
  return all;
}

const nabDir = resolve(process.cwd(), process.argv[2] ?? "../shared/nab");
const nab = nabCases(nabDir);
console.log(`NAB series passing the seasonality rule (${nab.files.length}):`);
for (const f of nab.files) console.log(`  ${f}`);
console.log(
  "\nError of the remaining-period sum. MAPE = mean over cases of |forecast - actual| / actual; gain = MAPE reduction vs straight line;" +
    "\nperiod-total MAPE divides the same error by the whole period's actual; per-series MAPE averages each series' MAPE;" +
    "\ncover80 = share of cases inside the 80% interval (below / above it); width = mean (upper - lower) / actual.",
);
const primary = table("Cuts at whole days (NAB after 1..6 days of a 7-day period; demo after 1..28 days of a 30-day period):", [
  ["NAB", nab.cases],
  ["demo", demoCases()],
]);
table("Cuts at noon (12 h earlier than above: the budget is checked mid-day):", [
  ["NAB", nabCases(nabDir, [1, 2, 3, 4, 5, 6].map((d) => 24 * d - 12)).cases],
  ["demo", demoCases([1, 3, 5, 7, 10, 14, 18, 21, 25, 28].map((d) => 24 * d - 12))],
]);
console.log("\nPer series, whole-day cuts: cases, MAPE ours / straight / seasonal naive, coverage");
for (const p of perSource(primary)) {
  console.log(`  ${p.source.padEnd(56)} ${String(p.n).padStart(3)} ${p.ours.toFixed(1).padStart(7)}% ${p.straight.toFixed(1).padStart(7)}% ${p.naive.toFixed(1).padStart(7)}% ${p.coverage.toFixed(0).padStart(5)}%`);
}
