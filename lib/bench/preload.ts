/**
 * Child process of `npm run bench`: fills a stopped server's embedded store with N synthetic events
 * generated inside the engine (INSERT ... SELECT FROM numbers), so query latency can be measured at
 * 10 million events without spending the run on loading them. Same table, same materialized view,
 * same shapes as the HTTP phase's events (9 features, 4 teams, 200 customers, 5,000 users, 3 models
 * over 30 days), then merged as a long-running store would be.
 */
import { chCommand, chQuery } from "@/lib/clickhouse/query";
import { migrateClickhouse } from "@/lib/clickhouse/migrate";
import { LLM_EVENTS, SPEND_HOURLY } from "@/lib/clickhouse/tables";

const total = Number(process.argv[2] ?? 10_000_000);
const orgId = process.argv[3];
const endMs = Number(process.argv[4] ?? Date.now());
const CHUNK = 1_000_000;

await migrateClickhouse();
const t0 = performance.now();
for (let start = 0; start < total; start += CHUNK) {
  await chCommand(
    `INSERT INTO ${LLM_EVENTS} (org_id, event_id, ts, provider, model, project, feature, team, user, customer, environment,
       api_key_id, source, input_uncached_tokens, cache_read_tokens, output_tokens, priced, cost_pico, price_source, price_ref,
       latency_ms, status, app_cache, sign, version)
     SELECT {org:String}, concat('pre-', toString(n)),
       fromUnixTimestamp64Milli(toInt64({end:Int64} - (n * 7919) % 2592000 * 1000)),
       ['anthropic', 'openai', 'openai'][n % 3 + 1],
       ['claude-sonnet-4-20250514', 'gpt-4o-mini', 'gpt-4o'][n % 3 + 1],
       'bench',
       ['chat', 'summarize', 'search', 'triage', 'extract', 'translate', 'classify', 'draft', 'agent'][n % 9 + 1],
       ['growth', 'core', 'support', 'platform'][n % 4 + 1],
       concat('u-', toString(n * 31 % 5000)),
       concat('cust-', toString(n * 17 % 200)),
       'prod', 'bench', 'bench',
       500 + n % 1500, if(n % 2 = 1, 3000, 0), 200 + n % 300,
       1, (500 + n % 1500) * [3000000, 150000, 2500000][n % 3 + 1] + (200 + n % 300) * [15000000, 600000, 10000000][n % 3 + 1],
       'catalog', 'catalog:bench', 300 + n % 900, 'ok', '', 1, 1
     FROM (SELECT number + {start:UInt64} AS n FROM numbers({count:UInt64}))`,
    { tag: "bench.preload", params: { org: orgId, end: endMs, start, count: Math.min(CHUNK, total - start) }, timeoutSeconds: 600 },
  );
}
// A store holding 30 days has long since merged them: settle the preloaded parts the way the
// engine's background merges would, so queries see a steady-state store (the HTTP phase's events
// that follow stay in fresh, unmerged parts).
await chCommand(`OPTIMIZE TABLE ${LLM_EVENTS} FINAL`, { tag: "bench.preload.settle", timeoutSeconds: 1800 });
await chCommand(`OPTIMIZE TABLE ${SPEND_HOURLY} FINAL`, { tag: "bench.preload.settle", timeoutSeconds: 1800 });
const [{ n }] = await chQuery<{ n: string }>(`SELECT count() AS n FROM ${LLM_EVENTS}`, { tag: "bench.preload.count" });
console.log(JSON.stringify({ events: Number(n), seconds: (performance.now() - t0) / 1000 }));
process.exit(0);
