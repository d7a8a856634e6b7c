import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/guard";
import { whatifPageData } from "@/lib/whatif/page-data";
import { ScenarioBuilder } from "@/components/whatif/scenario-builder";

export const metadata: Metadata = { title: "What-if" };
export const dynamic = "force-dynamic";

export default async function WhatifPage({ searchParams }: { searchParams: Promise<{ scenario?: string | string[] }> }) {
  const user = await requirePermission("whatif.run");
  const raw = (await searchParams).scenario;
  const data = await whatifPageData(user.orgId, Array.isArray(raw) ? raw[0] : raw);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">What-if</h1>
        <p className="text-sm text-slate-500">
          Re-price real traffic under one change, with the same prices as ingestion (catalog dates and tiers, your overrides, measured self-hosted rates); the same figures as{" "}
          <code>POST /api/v1/whatif</code>.
        </p>
      </div>
      {data.notice && (
        <p role="status" className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-800">
          {data.notice}
        </p>
      )}
      <ScenarioBuilder values={data.values} deployments={data.deployments} initial={data.scenario} />
    </div>
  );
}
