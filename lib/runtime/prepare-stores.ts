import "server-only";
import { migrateClickhouse } from "@/lib/clickhouse/migrate";
import { migrateConfigDb } from "@/lib/db/migrate";
import { env, isEmbedded } from "@/lib/config/env";
import { ensureOrganization } from "@/lib/bootstrap/users";
import { orgHasUsage } from "@/lib/analytics/org-usage";
import { seedDemoData } from "@/lib/demo/seed";
import { eventWriter } from "@/lib/ingest/writer";
import { repairInterruptedWrites } from "@/lib/ledger/startup-repair";
import { repairLatencyAfterInterruptedWrites } from "@/lib/slos/latency-repair";
import { requeueInterruptedRecosts } from "@/lib/pricing/recost";
import { withLease } from "@/lib/db/leases";

type Log = (line: string) => void;

/**
 * Everything a data directory needs before the first request: both schemas migrated, the rollup
 * repaired where a crash cut a write short, interrupted re-costs queued again, an organization with
 * users, and (unless DEMO_DATA=0) the demo workload. Safe to run on every start.
 */
export async function prepareStores({ log }: { log: Log }): Promise<{ orgId: string }> {
  await migrateConfigDb(); // serialized across processes by the database itself
  if (isEmbedded()) return prepareData(log);
  // With a ClickHouse server, web servers and workers may all start at once: one at a time applies
  // the migrations, creates the first organization and seeds it; the others then find it all done.
  const held = await withLease("prepare-stores", { ms: 60_000, waitMs: 30 * 60_000 }, () => prepareData(log));
  if (!held) throw new Error("another process has held the start-up lease for 30 minutes; see its log, or wait for its lease to expire");
  return held.value;
}

async function prepareData(log: Log): Promise<{ orgId: string }> {
  const applied = await migrateClickhouse();
  if (applied.length) log(`ClickHouse migrations applied: ${applied.join(", ")}`);
  await repairLatencyAfterInterruptedWrites({ log }); // before the ledger clears the intents it reads
  await repairInterruptedWrites({ log });
  // Only in embedded mode is every job runner in this process; with a ClickHouse server a "running"
  // job may be running elsewhere, and one whose worker died is taken over when its lease expires.
  if (isEmbedded()) {
    const requeued = await requeueInterruptedRecosts();
    if (requeued) log(`Re-cost jobs interrupted by a restart queued again: ${requeued}`);
  }
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
