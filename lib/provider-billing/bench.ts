/**
 * `npm run bench:providers`: backfill of 90 days of 1 h usage buckets grouped by model and project
 * (plus 90 daily cost buckets) from the fake OpenAI and Anthropic admin servers into a fresh embedded
 * ClickHouse, run the way the scheduler runs a new source (chunks, cursor fed back). Prints seconds,
 * rows and requests, and checks the stored totals against what the fake served.
 *
 * Options: --days N (default 90), --projects N (default 4), --models N (default 5).
 */
import { openTempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { startFakeOpenAIAdmin, OPENAI_TEST_KEY, OPENAI_RATES } from "@/lib/testing/fake-openai-admin";
import { startFakeAnthropicAdmin, ANTHROPIC_TEST_KEY, ANTHROPIC_RATES } from "@/lib/testing/fake-anthropic-admin";
import type { FakeGroup } from "@/lib/testing/fake-billing-data";
import { anthropicCollector, openaiCollector } from "./collectors";
import { costTotals } from "./cost-table";
import { runLikeScheduler } from "./testing-run";
import { usageTotals } from "./usage-table";

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const days = arg("days", 90);
const projects = arg("projects", 4);
const models = arg("models", 5);

function groups(prefix: string, keyPrefix: string, known: string[]): FakeGroup[] {
  const ms = Array.from({ length: models }, (_, i) => known[i % known.length] + (i >= known.length ? `-v${i}` : ""));
  return Array.from({ length: projects }, (_, p) => ms.map((model) => ({ project: `${prefix}_${p}`, apiKey: `${keyPrefix}_${p}`, model }))).flat();
}

async function main() {
  const store = await openTempStore();
  const now = new Date();
  for (const [name, collector, start, key, gs] of [
    ["openai", openaiCollector, startFakeOpenAIAdmin, OPENAI_TEST_KEY, groups("proj", "key", Object.keys(OPENAI_RATES))],
    ["anthropic", anthropicCollector, startFakeAnthropicAdmin, ANTHROPIC_TEST_KEY, groups("wrkspc", "apikey", Object.keys(ANTHROPIC_RATES))],
  ] as const) {
    const fake = await start({ days, groups: gs, now: () => now });
    const t0 = performance.now();
    const out = await runLikeScheduler(collector, { orgId: store.orgId, sourceId: `bench-${name}`, config: { admin_key: key, base_url: fake.url, backfill_days: days }, now: () => now });
    const seconds = (performance.now() - t0) / 1000;
    const from = new Date(Math.floor(now.getTime() / 86_400_000) * 86_400_000 - days * 86_400_000);
    const to = new Date(now.getTime() + 86_400_000);
    const [usage, cost, want] = [await usageTotals(store.orgId, from, to, `bench-${name}`), await costTotals(store.orgId, from, to, `bench-${name}`), fake.totals(from, to)];
    const exact = usage.rows === want.usageRows && usage.output === want.output && cost.amountPico === want.costPico;
    console.log(
      `${name}: ${days} days x ${gs.length} groups (model x project): ${seconds.toFixed(2)} s, ${usage.rows} usage rows ` +
        `(${Math.round(usage.rows / seconds)} rows/s), ${cost.rows} cost rows, ${out.outcomes.length} runs, ${fake.requests().total} requests; totals ${exact ? "match the fake exactly" : "DO NOT MATCH"}`,
    );
    await fake.close();
    if (!exact) process.exitCode = 1;
  }
  await store.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
