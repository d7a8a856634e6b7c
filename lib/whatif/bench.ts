/**
 * `npm run bench:whatif [-- --events N] [--days D] [--dir PATH]`: stores N events (default 10 million)
 * over D days (default 35) in a fresh embedded store, generated inside the engine (INSERT ... SELECT
 * FROM numbers(), through the materialized view like any write), then times one replay per scenario
 * kind over the last 30 days of the whole organization and of one feature. Prints a table and a JSON line.
 * Costs are computed in SQL from flat catalog prices (the replay re-prices with lib/pricing anyway);
 * one model (gpt-5.4) has a tiered price and some prompts above its tier.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { LLM_EVENTS } from "@/lib/clickhouse/tables";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const EVENTS = Number(arg("events", "10000000"));
const DAYS = Number(arg("days", "35"));
const dir = arg("dir", fs.mkdtempSync(path.join(os.tmpdir(), "finops-bench-whatif-")));
process.env.DATA_DIR = dir;
process.env.DEMO_DATA = "0";
delete process.env.CLICKHOUSE_URL;
delete process.env.DATABASE_URL;

const { migrateClickhouse } = await import("@/lib/clickhouse/migrate");
const { migrateConfigDb } = await import("@/lib/db/migrate");
const { db } = await import("@/lib/db/prisma");
const { chCommand } = await import("@/lib/clickhouse/query");
const { replayScenario } = await import("./replay");
const { createDeployment } = await import("@/lib/selfhosted/deployments");
const { insertGpuSamples } = await import("@/lib/selfhosted/gpu-samples");
const { insertServingSamples } = await import("@/lib/selfhosted/serving-samples");
const { closeClickhouse } = await import("@/lib/clickhouse/client");

await migrateConfigDb();
await migrateClickhouse();
const org = (await db().organization.create({ data: { name: "bench" } })).id;
const END = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000;
const SPAN = DAYS * 86_400_000;

// provider, model, input and output pico-dollars per token (catalog base prices)
const MODELS: [string, string, number, number][] = [
  ["openai", "gpt-4o", 2_500_000, 10_000_000],
  ["openai", "gpt-4o-mini", 150_000, 600_000],
  ["anthropic", "claude-sonnet-4-20250514", 3_000_000, 15_000_000],
  ["openai", "gpt-5.4", 2_500_000, 15_000_000],
  ["anthropic", "claude-haiku-4-5", 1_000_000, 5_000_000],
  ["google", "gemini-2.5-flash", 300_000, 2_500_000],
];
const CHUNK = 1_000_000;
const t0 = performance.now();
for (let start = 0; start < EVENTS; start += CHUNK) {
  const n = Math.min(CHUNK, EVENTS - start);
  await chCommand(
    `INSERT INTO ${LLM_EVENTS} (org_id, event_id, ts, provider, model, project, feature, team, user, customer, environment, api_key_id, source,
       input_uncached_tokens, cache_read_tokens, cache_write_5m_tokens, cache_write_1h_tokens, output_tokens, reasoning_tokens,
       priced, cost_pico, cache_savings_pico, price_source, price_ref, latency_ms, status, app_cache, tags, sign, version)
     SELECT {org:String}, concat('b', toString(number)),
       fromUnixTimestamp64Milli(toInt64({end:Int64} - intDiv(number * {span:Int64}, {total:Int64})), 'UTC'),
       {p:Array(String)}[m], {m:Array(String)}[m], 'bench', concat('feature-', toString(number % 20)), concat('team-', toString(number % 5)),
       concat('u-', toString(number % 5000)), concat('c-', toString(number % 300)), 'prod', 'bench', 'bench',
       iu, cr, 0, 0, o, 0, 1,
       toInt64(iu * if(m = 4 AND iu + cr > 271999, 5000000, {pin:Array(UInt64)}[m]) + cr * intDiv({pin:Array(UInt64)}[m], 10) + o * {pout:Array(UInt64)}[m]),
       0, 'catalog', '', 300, 'ok', '', map(), 1, 1
     FROM (SELECT number, 1 + (cityHash64(number) % 6) AS m,
             if(m = 4 AND number % 50 = 0, 300000, 200 + cityHash64(number, 1) % 4000) AS iu,
             if(number % 3 = 0, 1000, 0) AS cr, 20 + cityHash64(number, 2) % 900 AS o
           FROM numbers({start:UInt64}, {n:UInt64}))`,
    {
      tag: "bench.whatif_fill",
      timeoutSeconds: 1800,
      params: { org, end: END, span: SPAN, total: EVENTS, start, n, p: MODELS.map((x) => x[0]), m: MODELS.map((x) => x[1]), pin: MODELS.map((x) => x[2]), pout: MODELS.map((x) => x[3]) },
    },
  );
  process.stderr.write(`stored ${Math.min(start + n, EVENTS).toLocaleString("en-US")} events\n`);
}
const fillSeconds = (performance.now() - t0) / 1000;

// a deployment with two measured hours, for self_host
const H = END - 5 * 3_600_000;
const Q = 900_000;
await createDeployment(org, "bench", { name: "bench-llama", model: "llama", gpu_price_per_hour_usd: "2.49", match: { namespace: "bench" }, endpoints: ["bench-vllm"] });
for (const h of [H, H + 3_600_000]) {
  await insertGpuSamples([{ orgId: org, sourceId: "bench-dcgm", rows: [1, 2, 3, 4].map((k) => ({
    gpuKey: "n/0", tsMs: h + k * Q - 1, prevTsMs: h + (k - 1) * Q - 1, coveredMs: Q, uuid: "GPU-0", gpu: "0", hostname: "n", modelName: "NVIDIA H100 80GB HBM3", pod: "", namespace: "bench",
    labels: { namespace: "bench" }, util: null, engineActive: 0.6, tensorActive: null, fbUsedMib: null, fbFreeMib: null, powerW: null })) }]);
  await insertServingSamples([{ orgId: org, sourceId: "bench-vllm", rows: [1, 2, 3, 4].map((k) => ({
    seriesKey: "vllm|llama", tsMs: h + k * Q - 1, prevTsMs: h + (k - 1) * Q - 1, coveredMs: Q, engine: "vllm", model: "llama", promptTokens: 2_000_000, generationTokens: 500_000,
    requests: 1000, preemptions: 0, prefixQueries: 0, prefixHits: 0, prefillSeconds: 200, decodeSeconds: 600, running: 4, waiting: 0, kvCache: 0.3 })) }]);
}

const from = new Date(END - 30 * 86_400_000).toISOString();
const to = new Date(END).toISOString();
const CHANGES = [
  { kind: "route", to_provider: "openai", to_model: "gpt-4o-mini", share: 1 },
  { kind: "prompt_cache", hit_rate: 0.8 },
  { kind: "app_cache", hit_rate: 0.2 },
  { kind: "batch" },
  { kind: "max_tokens", cap: 500 },
  { kind: "trim_input", percent: 20 },
  { kind: "self_host", deployment: "bench-llama" },
] as const;
const results: { kind: string; scope: string; seconds: number; requests: number; saved_usd: string }[] = [];
for (const scope of [{}, { feature: "feature-3" }]) {
  for (const change of CHANGES) {
    const s = performance.now();
    const r = await replayScenario(org, { from, to, scope, change });
    results.push({ kind: change.kind, scope: JSON.stringify(scope), seconds: Math.round((performance.now() - s) / 10) / 100, requests: r.requests_in_scope, saved_usd: r.saved_usd });
  }
}
console.log(`events stored: ${EVENTS.toLocaleString("en-US")} over ${DAYS} days in ${fillSeconds.toFixed(1)} s (${dir})`);
console.log("scenario        scope                    seconds  requests in scope  saved USD");
for (const r of results) console.log(`${r.kind.padEnd(15)} ${r.scope.padEnd(24)} ${r.seconds.toFixed(2).padStart(7)}  ${String(r.requests).padStart(17)}  ${r.saved_usd}`);
console.log(JSON.stringify({ events: EVENTS, days: DAYS, fillSeconds, results, loadavg: os.loadavg() }));
await closeClickhouse();
if (!process.argv.includes("--keep")) fs.rmSync(dir, { recursive: true, force: true });
process.exit(0);
