import "server-only";
import { querySpend } from "@/lib/analytics/spend";
import { db } from "@/lib/db/prisma";
import { upsertCosts } from "./cost-table";
import { upsertUsage } from "./usage-table";
import { priceUsage } from "./usage-price";
import { BILLING_PROVIDERS, type BillingProvider, type CostBucketRow, type UsageBucketRow } from "./types";

/**
 * The demo organization's provider billing: 60 days of OpenAI and Anthropic usage and costs, derived
 * from the demo ledger and 12-25% larger (traffic nobody instruments: batch jobs, a legacy service),
 * so the reconciliation shows an unattributed share. Written straight into the provider tables under
 * a "demo" source (no credential, no source row); costs lag one day, as providers publish them.
 */
const DAY = 86_400_000;
const HOUR = 3_600_000;
const DEMO_SOURCE = "demo";
/** a model no catalog prices is billed at $2 / 1M tokens in the demo */
const UNPRICED_PICO_PER_TOKEN = 2_000_000n;

export async function seedDemoProviderBilling(orgId: string, end = new Date()): Promise<{ usageRows: number; costRows: number }> {
  const to = new Date(Math.floor(end.getTime() / HOUR) * HOUR + HOUR);
  const from = new Date(Math.floor(end.getTime() / DAY) * DAY - 59 * DAY);
  const ledger = await querySpend({ orgId, from, to, groupBy: ["provider", "model", "project"], filters: { provider: [...BILLING_PROVIDERS] }, interval: "hour" });
  const usage: Record<BillingProvider, UsageBucketRow[]> = { openai: [], anthropic: [] };
  const costs = new Map<string, { provider: BillingProvider; day: number; project: string; model: string; pico: bigint }>();
  const lastCostDay = Math.floor(end.getTime() / DAY) * DAY - DAY;
  for (const r of ledger) {
    const provider = r.provider as BillingProvider;
    const at = new Date(r.bucket!);
    const dayIndex = Math.floor(at.getTime() / DAY);
    // 1.12..1.25: coverage between 80% and 89%, varying by day
    const f = 1.12 + ((dayIndex * 7) % 5) * 0.0325;
    const scale = (n: number) => Math.round(n * f);
    const tokens = {
      inputUncached: scale(r.input_uncached_tokens),
      cacheRead: scale(r.cache_read_tokens),
      cacheWrite5m: scale(r.cache_write_5m_tokens),
      cacheWrite1h: scale(r.cache_write_1h_tokens),
      output: scale(r.output_tokens),
    };
    const projectId = `${provider === "openai" ? "proj" : "wrkspc"}_${r.project || "default"}`;
    usage[provider].push({
      bucketStart: at,
      projectId,
      apiKeyId: `${provider === "openai" ? "key" : "apikey"}_${r.project || "default"}`,
      model: r.model ?? "",
      batch: "",
      serviceTier: provider === "openai" ? "default" : "standard",
      contextWindow: "",
      tokens,
      requests: provider === "openai" ? scale(r.requests) : 0,
      webSearchRequests: 0,
    });
    const day = Math.floor(at.getTime() / DAY) * DAY;
    if (day > lastCostDay) continue;
    const pico = priceUsage([], provider, r.model ?? "", at, tokens) ?? BigInt(Object.values(tokens).reduce((s, n) => s + n, 0)) * UNPRICED_PICO_PER_TOKEN;
    const k = `${provider}|${day}|${projectId}|${r.model}`;
    const c = costs.get(k) ?? { provider, day, project: projectId, model: r.model ?? "", pico: 0n };
    c.pico += pico;
    costs.set(k, c);
  }
  let costRows = 0;
  for (const provider of BILLING_PROVIDERS) {
    for (let i = 0; i < usage[provider].length; i += 5000) await upsertUsage(orgId, DEMO_SOURCE, provider, usage[provider].slice(i, i + 5000));
    const rows: CostBucketRow[] = [...costs.values()]
      .filter((c) => c.provider === provider)
      .map((c) => ({
        bucketStart: new Date(c.day),
        projectId: c.project,
        lineItem: provider === "openai" ? `${c.model}, usage` : `${c.model} Usage`,
        model: c.model,
        costType: "tokens",
        tokenType: "",
        serviceTier: "",
        contextWindow: "",
        amountPico: c.pico,
      }));
    await upsertCosts(orgId, DEMO_SOURCE, provider, rows);
    costRows += rows.length;
  }
  // Map the provider projects to the product's, except analytics: its usage stays "unmapped".
  const teams: Record<string, string> = { "support-bot": "support", search: "growth", copilot: "platform" };
  for (const [project, team] of Object.entries(teams)) {
    for (const [provider, prefix] of [["openai", "proj"], ["anthropic", "wrkspc"]] as const) {
      const where = { orgId_provider_kind_externalId: { orgId, provider, kind: "project", externalId: `${prefix}_${project}` } };
      await db().providerMapping.upsert({ where, create: { orgId, provider, kind: "project", externalId: `${prefix}_${project}`, project, team }, update: {} });
    }
  }
  return { usageRows: usage.openai.length + usage.anthropic.length, costRows };
}
