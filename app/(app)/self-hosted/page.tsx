import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { selfHostedPageData } from "@/lib/selfhosted/page-data";
import { pageRange } from "@/lib/selfhosted/page-range";
import { DeploymentsTable } from "@/components/selfhosted/deployments-table";
import { GpuMemory, UtilizationHeatmap } from "@/components/selfhosted/utilization-heatmap";
import { CostTrendChart, ServingPanels } from "@/components/selfhosted/trend-charts";
import { Reconciliation } from "@/components/selfhosted/reconciliation";
import { DeploymentForm } from "@/components/selfhosted/deployment-form";
import { DeploymentList } from "@/components/selfhosted/deployment-list";
import { createDeploymentAction, deleteDeploymentAction } from "./actions";

export const metadata: Metadata = { title: "Self-hosted" };
export const dynamic = "force-dynamic";

export default async function SelfHostedPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("selfhosted.view");
  const range = pageRange(await searchParams, Date.now());
  const data = await selfHostedPageData(user.orgId, range.fromMs, range.toMs, range.deployment);
  const manage = can(user.role, "selfhosted.manage");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Self-hosted</h1>
          <p className="text-sm text-slate-500">GPU cost of each deployment from DCGM and serving metrics: $/1M tokens on the allocation basis (every paid GPU-hour) and the usage basis (busy time only), with idle cost as its own line.</p>
        </div>
        <form className="flex items-end gap-2 text-sm" method="get">
          {(["24h", "7d", "30d", "60d"] as const).map((r) => (
            <button key={r} name="range" value={r} className={`rounded-md border px-2 py-1 ${range.label === r ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300"}`}>
              {r}
            </button>
          ))}
        </form>
      </div>
      <DeploymentsTable rows={data.rows} selected={data.selected} query={`range=${range.label}`} />
      {data.selected && (
        <>
          <section className="grid grid-cols-1 gap-4 lg:grid-cols-3">
            <div className="rounded-xl border border-slate-200 bg-white p-4 lg:col-span-2">
              <h2 className="mb-2 font-medium">$/1M tokens and idle cost · {data.selected}</h2>
              <CostTrendChart points={data.trend} />
            </div>
            {data.reconciliation && <Reconciliation r={data.reconciliation} name={data.selected} />}
          </section>
          <section className="rounded-xl border border-slate-200 bg-white p-4">
            <h2 className="mb-2 font-medium">GPU utilization per GPU over time</h2>
            <UtilizationHeatmap heatmap={data.heatmap} bucket={data.bucket} />
          </section>
          <section className="rounded-xl border border-slate-200 bg-white p-4">
            <h2 className="mb-2 font-medium">GPU memory (average used of total)</h2>
            <GpuMemory heatmap={data.heatmap} />
          </section>
          <section>
            <h2 className="mb-2 font-medium">Serving</h2>
            <ServingPanels points={data.trend} />
          </section>
        </>
      )}
      <section className="space-y-3">
        <h2 className="font-medium">Deployments</h2>
        <DeploymentList deployments={data.deployments} onDelete={manage ? deleteDeploymentAction : undefined} />
        {manage && <DeploymentForm action={createDeploymentAction} />}
      </section>
    </div>
  );
}
