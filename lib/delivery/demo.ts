import "server-only";
import { db } from "@/lib/db/prisma";
import { createChannel } from "./channels";
import { createRoutingRule } from "./routing-rules";

/**
 * The demo organization's channels: one of each kind, disabled, pointing at 127.0.0.1 port 9 (the
 * discard port, which fetch refuses outright), so the settings screen has something to show and
 * nothing can leave the machine even if someone enables one. Plus "critical → PagerDuty".
 */
export async function seedDemoChannels(orgId: string): Promise<void> {
  if ((await db().channel.count({ where: { orgId } })) > 0) return;
  const make = async (type: "slack" | "pagerduty" | "webhook" | "email", name: string, config: Record<string, unknown>) => {
    const r = await createChannel(orgId, "demo", { type, name, config, enabled: false });
    if (!r.ok) throw new Error(`demo channel ${name}: ${r.details.join("; ")}`);
    return r.created.channel.id;
  };
  await make("slack", "#llm-costs (Slack, demo)", { url: "http://127.0.0.1:9/services/TDEMO/BDEMO/demo0000" });
  const pd = await make("pagerduty", "On-call (PagerDuty, demo)", { routing_key: "demo0000000000000000000000000000", url: "http://127.0.0.1:9/v2/enqueue" });
  await make("webhook", "Automation webhook (demo)", { url: "http://127.0.0.1:9/hooks/finops" });
  await make("email", "Finance mailing list (demo)", { host: "127.0.0.1", port: 9, secure: false, from: "alerts@demo.local", to: ["finance@demo.local"] });
  await createRoutingRule(orgId, "demo", { channel_id: pd, kinds: [], min_severity: "critical", scope: {} });
}
