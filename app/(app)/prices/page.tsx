import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { modelsSeen } from "@/lib/analytics/models-seen";
import { listOverrides } from "@/lib/pricing/overrides";
import { listRecostJobs } from "@/lib/pricing/recost";
import { ModelsTable } from "@/components/prices/models-table";
import { OverridesSection } from "@/components/prices/overrides-section";
import { RecostJobs } from "@/components/prices/recost-jobs";

export const metadata: Metadata = { title: "Prices" };

export default async function PricesPage() {
  const user = await requirePermission("prices.view");
  const [models, overrides, jobs] = await Promise.all([modelsSeen(user.orgId), listOverrides(user.orgId), listRecostJobs(user.orgId, 10)]);
  const editable = can(user.role, "prices.edit");
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Prices</h1>
        <p className="text-sm text-slate-500">
          Costs come from the bundled <code>@pydantic/genai-prices</code> catalog, replaced bucket by bucket by your overrides (negotiated
          discounts, self-hosted rates). A model with no price is kept and counted, never shown as $0.
        </p>
      </div>
      <ModelsTable models={models} overrides={overrides} />
      <OverridesSection overrides={overrides} editable={editable} />
      <RecostJobs jobs={jobs} editable={editable} />
    </div>
  );
}
