import "server-only";
import { migrateClickhouse } from "@/lib/clickhouse/migrate";
import { migrateConfigDb } from "@/lib/db/migrate";
import { env } from "@/lib/config/env";
import { ensureOrganization } from "@/lib/bootstrap/users";
import { orgHasUsage } from "@/lib/analytics/org-usage";
import { seedDemoData } from "@/lib/demo/seed";
import { eventWriter } from "@/lib/ingest/writer";

type Log = (line: string) => void;

/**
 * Everything a fresh data directory needs before the first request: both schemas migrated, an
 * organization with users, and (unless DEMO_DATA=0) the demo workload. Safe to run on every start.
 */
export async function prepareStores({ log }: { log: Log }): Promise<{ orgId: string }> {
  migrateConfigDb();
  const applied = await migrateClickhouse();
  if (applied.length) log(`ClickHouse migrations applied: ${applied.join(", ")}`);
  const demo = env().DEMO_DATA === "1";
  const org = await ensureOrganization(demo);
  for (const line of org.lines) log(line);
  // Seeds only an organization created in demo mode that still has no events, so a restart after an
  // interrupted seed finishes the job and real data is never mixed with demo data.
  if (demo && org.isDemo && !(await orgHasUsage(org.orgId))) {
    const t0 = Date.now();
    const n = await seedDemoData(org.orgId);
    await eventWriter().drain();
    log(`Demo data: ${n.toLocaleString("en-US")} events over 60 days seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  return { orgId: org.orgId };
}
