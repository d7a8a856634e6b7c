import type { Metadata } from "next";
import { Suspense } from "react";
import { requirePermission } from "@/lib/auth/guard";
import { parseViewFilters, viewToSearchParams, type RawSearchParams } from "@/lib/analytics/filters";
import { loadOverview } from "@/lib/analytics/overview-load";
import { can } from "@/lib/auth/roles";
import { ViewControls } from "@/components/overview/view-controls";
import { OverviewBody } from "@/components/overview/overview-body";
import { OverviewSkeleton } from "@/components/overview/skeletons";
import { PendingRegion, ViewTransitionProvider } from "@/components/overview/view-transition";
import { OverviewAttention } from "./overview-attention";
import { BilledTile } from "@/components/reconciliation/billed-tile";
import { billedSummary } from "@/lib/provider-billing/providers";
import { latencyOverTime, volumeAndErrors } from "@/lib/analytics/latency";
import { OverviewReliability } from "@/components/slos/overview-reliability";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePermission("dashboard.view");
  const view = parseViewFilters(await searchParams);
  const sp = viewToSearchParams(view).toString();
  return (
    <ViewTransitionProvider>
      <div className="space-y-6">
        <ViewControls view={view} searchParams={sp} />
        <Suspense fallback={null}>
          <OverviewAttention orgId={user.orgId} filters={view.filters} />
        </Suspense>
        <Suspense fallback={null}><BilledTile summary={billedSummary(user.orgId, view.from, view.to)} /></Suspense>
        <PendingRegion>
          <Suspense fallback={<OverviewSkeleton />}>
            <OverviewBody
              data={loadOverview(user.orgId, view)}
              view={view}
              searchParams={sp}
              canEditPrices={can(user.role, "prices.edit")}
              canCreateKeys={can(user.role, "apikeys.manage")}
            />
          </Suspense>
          <Suspense fallback={null}>
            <OverviewReliability data={Promise.all([latencyOverTime(user.orgId, view), volumeAndErrors(user.orgId, view)])} />
          </Suspense>
        </PendingRegion>
      </div>
    </ViewTransitionProvider>
  );
}
