import { Suspense } from "react";
import { DIMENSIONS, hrefWith, withPreset, withoutDimension, type ViewFilters } from "@/lib/analytics/filters";
import type { OverviewData } from "@/lib/analytics/overview-load";
import { DRIVER_DIMENSIONS } from "@/lib/analytics/overview-breakdown";
import { Kpis } from "./kpis";
import { TokenMix } from "./token-mix";
import { UnpricedCallout } from "./unpriced-callout";
import { EmptyState } from "./empty-state";
import { DriverTable } from "./driver-table";
import { SpendOverTimeCard } from "./spend-over-time-card";
import { ChartSkeleton, DriversSkeleton } from "./skeletons";

type Props = { data: OverviewData; view: ViewFilters; searchParams: string; canEditPrices: boolean; canCreateKeys: boolean };

/**
 * Everything below the controls, streamed in the order the questions are answered: totals first
 * (a small query), then the driver tables (one statement for all of them), then the chart.
 */
export async function OverviewBody({ data, view, searchParams, canEditPrices, canCreateKeys }: Props) {
  const [summary, unpriced] = await Promise.all([data.summary, data.unpriced]);
  if (summary.current.requests === 0) {
    const sp = new URLSearchParams(searchParams);
    return (
      <EmptyState
        kind={(await data.hasUsage()) ? "view" : "org"}
        canCreateKeys={canCreateKeys}
        clearFiltersHref={DIMENSIONS.some((d) => view.filters[d]) ? hrefWith("/", DIMENSIONS.reduce(withoutDimension, sp)) : undefined}
        widerRangeHref={view.preset === "90d" ? undefined : hrefWith("/", withPreset(sp, "90d"))}
      />
    );
  }
  return (
    <div className="space-y-6">
      {unpriced.length > 0 && <UnpricedCallout models={unpriced} canEditPrices={canEditPrices} />}
      <Kpis summary={summary} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          <Suspense fallback={<ChartSkeleton />}>
            <Chart data={data} view={view} searchParams={searchParams} />
          </Suspense>
        </div>
        <TokenMix totals={summary.current} />
      </div>
      <Suspense fallback={<DriversSkeleton />}>
        <DriverTables data={data} total={summary.current.cost_usd} searchParams={searchParams} />
      </Suspense>
    </div>
  );
}

async function Chart({ data, view, searchParams }: Pick<Props, "data" | "view" | "searchParams">) {
  const [chart, breakdown] = await Promise.all([data.chart, data.breakdown]);
  // The browser redraws the chart for another stack from the top values the driver tables already have.
  const tops = Object.fromEntries(DRIVER_DIMENSIONS.map((d) => [d, breakdown.drivers[d].map((r) => ({ value: r.value, costUsd: r.costUsd }))]));
  return (
    <SpendOverTimeCard
      key={searchParams}
      initial={chart}
      tops={tops}
      query={{ from: view.from.toISOString(), to: view.to.toISOString(), interval: chart.interval, filters: view.filters }}
    />
  );
}

async function DriverTables({ data, total, searchParams }: { data: OverviewData; total: number; searchParams: string }) {
  const { drivers } = await data.breakdown;
  return (
    <div className="grid gap-6 md:grid-cols-2">
      {DRIVER_DIMENSIONS.map((d) => (
        <DriverTable key={d} dimension={d} rows={drivers[d]} total={total} searchParams={searchParams} />
      ))}
    </div>
  );
}
