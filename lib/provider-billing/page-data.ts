import "server-only";
import { billedProviderList } from "./providers";
import { getCoverageSetting } from "./coverage-alert";
import { listMappings, type MappingJson } from "./mappings";
import { reconcile, type Reconciliation } from "./reconcile";
import { parseReconcileParams, type ReconcileParams } from "./reconcile-params";

export type ReconciliationPageData = {
  params: ReconcileParams;
  /** the URL asked for something unusable: the default range is shown, and this says why */
  notice: string | null;
  byModel: Reconciliation;
  byDay: Reconciliation;
  mappings: MappingJson[];
  coverageThreshold: number | null;
  providers: string[];
};

/** Everything the /reconciliation page shows, for the range in its URL (read as the API reads it). */
export async function loadReconciliationPage(orgId: string, search: Record<string, string | string[] | undefined>): Promise<ReconciliationPageData> {
  const sp = new URLSearchParams();
  for (const k of ["from", "to", "range"]) {
    const v = search[k];
    if (typeof v === "string" && v) sp.set(k, v);
  }
  let parsed = parseReconcileParams(sp);
  let notice: string | null = null;
  if (!parsed.ok) {
    notice = parsed.errors.join("; ");
    parsed = parseReconcileParams(new URLSearchParams());
  }
  if (!parsed.ok) throw new Error("default reconciliation range refused");
  const params = parsed.value;
  const [byModel, byDay, mappings, coverage, providers] = await Promise.all([
    reconcile(orgId, { ...params, groupBy: ["day", "provider", "model"] }),
    reconcile(orgId, { ...params, groupBy: ["day"] }),
    listMappings(orgId),
    getCoverageSetting(orgId),
    billedProviderList(orgId),
  ]);
  return { params, notice, byModel, byDay, mappings, coverageThreshold: coverage.threshold_percent, providers };
}
