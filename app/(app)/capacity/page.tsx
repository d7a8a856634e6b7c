import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/guard";
import { apiModelPresets, deploymentPresets } from "@/lib/selfhosted-advice/presets";
import { CapacityForm } from "@/components/capacity/capacity-form";

export const metadata: Metadata = { title: "Capacity planner" };
export const dynamic = "force-dynamic";

export default async function CapacityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("recommendations.view");
  const sp = await searchParams;
  const now = Date.now();
  const [deployments, apiModels] = await Promise.all([deploymentPresets(user.orgId, now), apiModelPresets(user.orgId, now)]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Capacity planner</h1>
        <p className="text-sm text-slate-500">How many GPUs a load needs at a target utilization, what they cost a month, and where self-hosting crosses the API&apos;s price. Prefilled from a deployment&apos;s measured throughput.</p>
      </div>
      <CapacityForm deployments={deployments} apiModels={apiModels} initialDeployment={typeof sp.deployment === "string" ? sp.deployment : undefined} />
    </div>
  );
}
