/**
 * `npm run bench:recommendations`: on a temporary embedded store, seeds the demo organization's events
 * (lib/demo, the same workload as DEMO_DATA=1) and times a full recomputation of its recommendations
 * (every finder, every replay, the store). Options: --runs 3
 */
import { openTempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { parseArgs } from "node:util";
import os from "node:os";
import { seedDemoData } from "@/lib/demo/seed";
import { recomputeRecommendations } from "./recompute";

const { values: opt } = parseArgs({ options: { runs: { type: "string", default: "3" } } });
const RUNS = Math.max(1, Number(opt.runs) || 3);

async function main() {
  const store = await openTempStore();
  const end = new Date();
  const t0 = Date.now();
  const events = await seedDemoData(store.orgId, end);
  console.log(`demo seeded: ${events.toLocaleString("en-US")} events in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const times: number[] = [];
  let last = null;
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    last = await recomputeRecommendations(store.orgId, { now: end });
    times.push((performance.now() - s) / 1000);
  }
  times.sort((a, b) => a - b);
  console.log(`recomputation (${RUNS} runs): median ${times[Math.floor(RUNS / 2)].toFixed(2)} s, min ${times[0].toFixed(2)} s, max ${times[RUNS - 1].toFixed(2)} s; ${last?.found} recommendations`);
  console.log(`machine: ${os.cpus().length} cores, Node ${process.version}, shared with other jobs (load ${os.loadavg()[0].toFixed(1)})`);
  await store.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
