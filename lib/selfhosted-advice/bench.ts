/**
 * `npm run bench:selfhosted-advice [-- --runs 3 --days 30]`
 *
 * A fresh temporary store with the demo's self-hosted data (llama-70b-prod: 8 GPUs, 60 days at
 * 10-minute resolution; llama-8b-internal: 4 GPUs, 35 days) and a month of API traffic on a model with
 * an open-weight substitute; then the wall time of the four self-hosted finders over the last `days`,
 * cold (nothing cached) each run.
 */
import "@/lib/testing/temp-store";
import { parseArgs } from "node:util";
import { openTempStore } from "@/lib/testing/temp-store";
import { ingestEvents } from "@/lib/ingest/ingest-batch";
import { seedDemoSelfHosted } from "@/lib/selfhosted/demo";
import { seedDemoSelfHostedAdvice } from "./demo";

const { values: opt } = parseArgs({ options: { runs: { type: "string", default: "3" }, days: { type: "string", default: "30" } } });
const log = (s: string) => console.error(`[bench:selfhosted-advice] ${s}`);

const store = await openTempStore();
const end = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
await seedDemoSelfHosted(store.orgId, end);
await seedDemoSelfHostedAdvice(store.orgId, end);
const events = [];
for (let t = end.getTime() - 30 * 86_400_000; t < end.getTime(); t += 3_600_000) {
  for (let i = 0; i < 5; i++) events.push({ id: `b-${t}-${i}`, timestamp: new Date(t + i * 60_000).toISOString(), provider: "openai", model: "gpt-4o-mini", feature: "triage", team: "support", usage: { input_tokens: 900, output_tokens: 40 } });
}
for (let i = 0; i < events.length; i += 1000) await ingestEvents(store.orgId, "bench", events.slice(i, i + 1000));
log(`seeded: 2 deployments, ${events.length} API events`);

const days = Number(opt.days);
for (let run = 1; run <= Number(opt.runs); run++) {
  // a fresh module instance per run would be heavier than the finders; instead a window one ms apart misses the cache
  const { selfHostedFinders } = await import("./finders");
  const ctx = { orgId: store.orgId, from: new Date(end.getTime() - days * 86_400_000 + run), to: end, now: end };
  const t0 = performance.now();
  let n = 0;
  for (const f of selfHostedFinders) n += (await f(ctx)).length;
  log(`run ${run}: ${n} candidates in ${((performance.now() - t0) / 1000).toFixed(2)} s over ${days} days`);
}
await store.close();
