import "server-only";
import { costProviders } from "./cost-table";
import { reconcile } from "./reconcile";
import { usageProviders } from "./usage-table";

/** Providers with any billed usage or cost stored for the organization. */
export async function billedProviderList(orgId: string): Promise<string[]> {
  const [a, b] = await Promise.all([usageProviders(orgId), costProviders(orgId)]);
  return [...new Set([...a, ...b])].sort();
}

export type BilledSummary = { billedUsd: string | null; attributedUsd: string; coverage: number | null; providers: string[] };

/**
 * The overview's "billed" beside "attributed": null while no provider source has delivered data, so
 * an organization that only sends events sees no empty tile. Whole UTC days around the range, as the
 * reconciliation reads them (provider costs are daily).
 */
export async function billedSummary(orgId: string, from: Date, to: Date): Promise<BilledSummary | null> {
  const providers = await billedProviderList(orgId);
  if (!providers.length) return null;
  const DAY = 86_400_000;
  const rec = await reconcile(orgId, { from: new Date(Math.floor(from.getTime() / DAY) * DAY), to: new Date(Math.ceil(to.getTime() / DAY) * DAY), groupBy: [] });
  return { billedUsd: rec.totals.billed_usd, attributedUsd: rec.totals.attributed_usd, coverage: rec.totals.coverage, providers };
}
