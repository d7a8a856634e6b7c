import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { modelsSeen } from "@/lib/analytics/models-seen";
import { listOverrides } from "@/lib/pricing/overrides";
import { listRecostJobs } from "@/lib/pricing/recost";
import { RECOST_MAX_ATTEMPTS } from "@/lib/pricing/recost-retry";
import { ModelsTable } from "@/components/prices/models-table";
import { OverridesSection } from "@/components/prices/overrides-section";
import { RecostJobs } from "@/components/prices/recost-jobs";
import { createOverrideAction, deleteOverrideAction, recostAction } from "./actions";

export const metadata: Metadata = { title: "Prices" };

type Search = Record<string, string | string[] | undefined>;

export default async function PricesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePermission("prices.view");
  const sp = await searchParams;
  const [models, overrides, jobs] = await Promise.all([modelsSeen(user.orgId), listOverrides(user.orgId), listRecostJobs(user.orgId, 10)]);
  const editable = can(user.role, "prices.edit");
  // "Add a price" next to an unpriced model opens the form filled in, effective from its first use.
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v.slice(0, 200) : undefined);
  const provider = one(sp.provider);
  const model = one(sp.model);
  const seen = models.find((m) => m.provider === provider && m.model === model);
  const prefill = provider || model ? { provider, model, effectiveFrom: seen?.firstSeen.slice(0, 10) } : undefined;
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Prices</h1>
        <p className="text-sm text-slate-500">
          Costs come from the bundled <code>@pydantic/genai-prices</code> catalog, replaced bucket by bucket by your overrides (negotiated
          discounts, self-hosted rates). A model with no price is kept and counted, never shown as $0.
        </p>
      </div>
      <ModelsTable models={models} overrides={overrides} editable={editable} />
      <OverridesSection overrides={overrides} editable={editable} prefill={prefill} createOverrideAction={createOverrideAction} deleteOverrideAction={deleteOverrideAction} />
      <RecostJobs jobs={jobs} maxAttempts={RECOST_MAX_ATTEMPTS} editable={editable} recostAction={recostAction} />
    </div>
  );
}
