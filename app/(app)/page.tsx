import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/guard";
import { DIMENSIONS, hrefWith, parseViewFilters, viewToSearchParams, withPreset, withoutDimension, type RawSearchParams } from "@/lib/analytics/filters";
import { can } from "@/lib/auth/roles";
import { spendOverTime, spendSummary, topCostDrivers, unpricedModels } from "@/lib/analytics/overview";
import { orgHasUsage } from "@/lib/analytics/org-usage";
import { ViewControls } from "@/components/overview/view-controls";
import { Kpis } from "@/components/overview/kpis";
import { SpendOverTimeCard } from "@/components/overview/spend-over-time-card";
import { TokenMix } from "@/components/overview/token-mix";
import { DriverTable } from "@/components/overview/driver-table";
import { UnpricedCallout } from "@/components/overview/unpriced-callout";
import { EmptyState } from "@/components/overview/empty-state";
import type { Dimension } from "@/lib/ingest/types";

export const metadata: Metadata = { title: "Overview" };

const DRIVER_DIMENSIONS: Dimension[] = ["feature", "team", "customer", "model", "project", "user"];

export default async function OverviewPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePermission("dashboard.view");
  const view = parseViewFilters(await searchParams);
  const sp = viewToSearchParams(view);
  const summary = await spendSummary(user.orgId, view);
  const controls = <ViewControls view={view} searchParams={sp.toString()} />;

  if (summary.current.requests === 0) {
    return (
      <div className="space-y-6">
        {controls}
        <EmptyState
          kind={(await orgHasUsage(user.orgId)) ? "view" : "org"}
          canCreateKeys={can(user.role, "apikeys.manage")}
          clearFiltersHref={DIMENSIONS.some((d) => view.filters[d]) ? hrefWith("/", DIMENSIONS.reduce(withoutDimension, sp)) : undefined}
          widerRangeHref={view.preset === "90d" ? undefined : hrefWith("/", withPreset(sp, "90d"))}
        />
      </div>
    );
  }

  const [unpriced, ...drivers] = await Promise.all([
    unpricedModels(user.orgId, view),
    ...DRIVER_DIMENSIONS.map((d) => topCostDrivers(user.orgId, view, d)),
  ]);
  // The chart's top values are the driver table of its dimension when the page has one.
  const overTime = await spendOverTime(user.orgId, view, view.stack, drivers[DRIVER_DIMENSIONS.indexOf(view.stack)]);

  return (
    <div className="space-y-6">
      {controls}
      {unpriced.length > 0 && <UnpricedCallout models={unpriced} canEditPrices={can(user.role, "prices.edit")} />}
      <Kpis summary={summary} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <SpendOverTimeCard
            key={sp.toString()}
            initial={overTime}
            query={{ from: view.from.toISOString(), to: view.to.toISOString(), interval: overTime.interval, filters: view.filters }}
          />
        </div>
        <TokenMix totals={summary.current} />
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        {DRIVER_DIMENSIONS.map((d, i) => (
          <DriverTable key={d} dimension={d} rows={drivers[i]} total={summary.current.cost_usd} searchParams={sp.toString()} />
        ))}
      </div>
    </div>
  );
}
