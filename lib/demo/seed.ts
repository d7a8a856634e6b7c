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
import { seedDemoRecommendations } from "@/lib/recommendations/demo";

/** Sends the demo workload through the same ingestion code as real data, 1000 events a batch. */
export async function seedDemoData(orgId: string, end = new Date()): Promise<number> {
  await seedDemoChannels(orgId);
  let batch: unknown[] = [];
  let total = 0;
  for (const ev of demoEvents(end)) {
    batch.push(ev);
    if (batch.length === 1000) {
      total += (await ingestEvents(orgId, "demo", batch, "demo")).accepted;
      batch = [];
    }
  }
  if (batch.length) total += (await ingestEvents(orgId, "demo", batch, "demo")).accepted;
  await seedDemoAlerts(orgId, end);
  await seedDemoMonitors(orgId);
  await seedDemoProviderBilling(orgId, end);
  await seedDemoOtlpMetrics(orgId, end);
  await seedDemoSelfHosted(orgId, end);
  await seedDemoSelfHostedEvents(orgId, end);
  await seedDemoCachesAndHealth(orgId, end);
  // Last: budgets are sized from the spend seeded above, the self-hosted events included (seeded before
  // them, support's budget read 103% instead of 92% on the first day of a month).
  await seedDemoBudgets(orgId, end);
  await seedDemoRecommendations(orgId, end);
  return total;
}
