import "server-only";
/**
 * Prices self-hosted events: every few minutes, the events of each deployment (provider = its name)
 * in the closed hours of the last SELFHOSTED_PRICE_LOOKBACK_H hours are re-costed at that hour's
 * measured cost per token through the ledger's re-cost path. Idempotent (an event already at its
 * hour's price is skipped), so a pass cut short is redone by the next one, late events and late GPU
 * samples within the look-back are picked up, and nothing is re-costed twice.
 */
import { db } from "@/lib/db/prisma";
import { recostProviders } from "@/lib/pricing/recost";
import { closeGraceMs } from "@/lib/selfhosted/hourly-rates";
import { HOUR_MS } from "@/lib/selfhosted/measured-rate";
import type { Worker } from "./types";

function lookbackMs(): number {
  const h = Number(process.env.SELFHOSTED_PRICE_LOOKBACK_H ?? "48");
  return (Number.isFinite(h) && h > 0 ? h : 48) * HOUR_MS;
}

export async function selfHostedPricingPass(nowMs = Date.now()): Promise<{ scanned: number; changed: number }> {
  const to = Math.floor((nowMs - closeGraceMs()) / HOUR_MS) * HOUR_MS;
  const from = Math.floor((nowMs - lookbackMs()) / HOUR_MS) * HOUR_MS;
  const total = { scanned: 0, changed: 0 };
  if (!(from < to)) return total;
  const rows = await db().deployment.findMany({ select: { orgId: true, name: true } });
  const byOrg = new Map<string, string[]>();
  for (const r of rows) byOrg.set(r.orgId, [...(byOrg.get(r.orgId) ?? []), r.name]);
  for (const [orgId, names] of byOrg) {
    const r = await recostProviders(orgId, new Date(from), new Date(to), names);
    total.scanned += r.scanned;
    total.changed += r.changed;
  }
  return total;
}

export const selfHostedPricingWorker: Worker = {
  name: "selfhosted-pricing",
  intervalMs: 5 * 60_000,
  run: async () => {
    await selfHostedPricingPass();
    return false;
  },
};
