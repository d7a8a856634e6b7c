import "server-only";
import { createMonitor, ensureDefaultMonitors } from "./store";
import { createMonitorSchema } from "./types";

/**
 * The demo organization's monitors: the out-of-the-box set, and one narrower monitor a team would
 * add (the support bot's features at high sensitivity), so the screen shows both kinds.
 */
export async function seedDemoMonitors(orgId: string): Promise<void> {
  if (!(await ensureDefaultMonitors(orgId))) return;
  await createMonitor(
    orgId,
    createMonitorSchema.parse({ name: "Support bot features", dimension: "feature", scope: { project: "support-bot" }, kinds: ["anomaly", "cost_per_request", "runaway"], sensitivity: "high", min_spend_usd: "0.5" }),
  );
}
