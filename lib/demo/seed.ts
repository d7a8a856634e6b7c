import "server-only";
import { ingestEvents } from "@/lib/ingest/ingest-batch";
import { demoEvents } from "./generate";
import { seedDemoChannels } from "@/lib/delivery/demo";
import { seedDemoAlerts } from "@/lib/alerts/demo";
import { seedDemoMonitors } from "@/lib/monitors/demo";
import { seedDemoBudgets } from "@/lib/budgets/demo";
import { seedDemoProviderBilling } from "@/lib/provider-billing/demo";
import { seedDemoOtlpMetrics } from "@/lib/otlp/demo";
import { seedDemoSelfHosted } from "@/lib/selfhosted/demo";
import { seedDemoCachesAndHealth } from "@/lib/caches/demo";
import { seedDemoSelfHostedEvents } from "./selfhosted-events";
import { seedDemoSelfHostedAdvice } from "@/lib/selfhosted-advice/demo";
import { seedDemoSlos } from "@/lib/slos/demo";
import { seedDemoRecommendations } from "@/lib/recommendations/demo";

const BATCH = 2_000;
const IN_FLIGHT = 8;

/**
 * Sends the demo workload through the same ingestion code as real data. Several batches are in
 * flight at once, as concurrent clients would send them, so the writer's group commit fills its
 * flushes instead of waiting out its timer for every batch (sequential batches took 3.5 minutes for
 * the 640,000 events).
 */
export async function seedDemoData(orgId: string, end = new Date()): Promise<number> {
  await seedDemoChannels(orgId);
  const inFlight: Promise<number>[] = [];
  let batch: unknown[] = [];
  let total = 0;
  const send = async () => {
    const sent = ingestEvents(orgId, "demo", batch, "demo").then((r) => r.accepted);
    batch = [];
    inFlight.push(sent);
    if (inFlight.length >= IN_FLIGHT) total += await inFlight.shift()!;
  };
  for (const ev of demoEvents(end)) {
    batch.push(ev);
    if (batch.length === BATCH) await send();
  }
  if (batch.length) await send();
  for (const n of await Promise.all(inFlight)) total += n;
  await seedDemoAlerts(orgId, end);
  await seedDemoMonitors(orgId);
  await seedDemoProviderBilling(orgId, end);
  await seedDemoOtlpMetrics(orgId, end);
  await seedDemoSelfHosted(orgId, end);
  await seedDemoSelfHostedEvents(orgId, end);
  await seedDemoSelfHostedAdvice(orgId, end);
  await seedDemoCachesAndHealth(orgId, end);
  await seedDemoSlos(orgId, end);
  // Last: budgets are sized from the spend seeded above, the self-hosted events included (seeded before
  // them, support's budget read 103% instead of 92% on the first day of a month).
  await seedDemoBudgets(orgId, end);
  await seedDemoRecommendations(orgId, end);
  return total;
}
