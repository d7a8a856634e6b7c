import "server-only";
/**
 * Ledger events for the demo's self-hosted deployment, so the Self-hosted page's GPU bill box and the
 * spend views show self-hosted spend by feature, team and customer on first start. Each closed hour of
 * the last `days` gets three events carrying 92 % of the tokens the demo's vLLM servers counted (the
 * rest stands for traffic nobody tagged: busy cost left unattributed), sent through ingestion like real
 * data and priced by the same re-cost the hourly worker runs.
 */
import { ingestEvents } from "@/lib/ingest/ingest-batch";
import { recostProviders } from "@/lib/pricing/recost";
import { DEMO_DEPLOYMENT, DEMO_ENDPOINTS } from "@/lib/selfhosted/demo";
import { listDeployments } from "@/lib/selfhosted/deployments";
import { servingHours } from "@/lib/selfhosted/serving-samples";

const HOUR = 3_600_000;
const SPLIT = [
  { feature: "support-chat", team: "support", customer: "acme-corp", share: 0.5 },
  { feature: "doc-search", team: "platform", customer: "globex", share: 0.3 },
  { feature: "summarize", team: "growth", customer: "initech", share: 0.12 },
];

export async function seedDemoSelfHostedEvents(orgId: string, end = new Date(), days = 7): Promise<number> {
  const d = (await listDeployments(orgId)).find((x) => x.name === DEMO_DEPLOYMENT);
  if (!d) return 0;
  const toMs = Math.floor(end.getTime() / HOUR) * HOUR;
  const fromMs = toMs - days * 86_400_000;
  const events = [];
  for (const h of await servingHours(orgId, DEMO_ENDPOINTS, fromMs, toMs)) {
    const hourMs = Date.parse(String(h.hour).replace(" ", "T").slice(0, 19) + "Z");
    for (const s of SPLIT) {
      const input = Math.floor(Number(h.prompt_tokens) * s.share);
      const output = Math.floor(Number(h.generation_tokens) * s.share);
      if (input + output === 0) continue;
      events.push({
        id: `demo-sh-${hourMs}-${s.feature}`, timestamp: new Date(hourMs + 30 * 60_000).toISOString(), provider: DEMO_DEPLOYMENT, model: d.model,
        feature: s.feature, team: s.team, customer: s.customer, environment: "production", usage: { input_tokens: input, output_tokens: output },
      });
    }
  }
  let accepted = 0;
  for (let i = 0; i < events.length; i += 1000) accepted += (await ingestEvents(orgId, "demo", events.slice(i, i + 1000), "demo")).accepted;
  await recostProviders(orgId, new Date(fromMs), new Date(toMs), [DEMO_DEPLOYMENT]);
  return accepted;
}
