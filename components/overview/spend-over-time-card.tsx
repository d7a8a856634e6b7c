"use client";

import { useSearchParams } from "next/navigation";
import { DEFAULT_STACK, DIMENSIONS, parseStack, type Dimension } from "@/lib/analytics/filters";
import type { SpendOverTime } from "@/lib/analytics/overview";
import { SpendChart } from "./spend-chart";
import { useSpendOverTime, type ChartQuery, type TopValues } from "./use-spend-over-time";

/**
 * Spend per day (or hour for short ranges), stacked by a dimension. Switching the dimension refetches
 * only this chart and records the choice in the URL (`stack=`), so the view stays shareable without
 * re-running every query on the page.
 */
export function SpendOverTimeCard({ initial, query, tops }: { initial: SpendOverTime; query: ChartQuery; tops: TopValues }) {
  // The URL is the state: back/forward and shared links show the stacking they name.
  const stack = parseStack({ stack: useSearchParams().get("stack") ?? undefined });
  const { data, isFetching, isPlaceholderData, error, refetch } = useSpendOverTime(query, stack, initial, tops);

  function choose(d: Dimension) {
    const url = new URL(window.location.href);
    if (d === DEFAULT_STACK) url.searchParams.delete("stack");
    else url.searchParams.set("stack", d);
    // A null state lets Next.js adopt the new URL (useSearchParams updates) without a server round trip.
    window.history.replaceState(null, "", url);
  }

  const shown = data ?? initial;
  const updating = isFetching && (isPlaceholderData || shown.stack !== stack);
  return (
    <section data-testid="spend-over-time" className="rounded-xl border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="font-semibold">Spend per {shown.interval}</h2>
        {updating && <span className="text-xs text-slate-500">updating…</span>}
        <div role="group" aria-label="Stack the chart by" className="ml-auto flex flex-wrap gap-1 text-xs">
          <span className="self-center text-slate-500">stacked by</span>
          {DIMENSIONS.map((d) => (
            <button
              key={d}
              type="button"
              data-testid={`stack-${d}`}
              aria-pressed={d === stack}
              onClick={() => choose(d)}
              className={`rounded-md px-2 py-1 ${d === stack ? "bg-slate-900 text-white" : "border border-slate-300 hover:bg-slate-50"}`}
            >
              {d}
            </button>
          ))}
        </div>
      </div>
      {error ? (
        <div role="alert" className="mt-3 flex h-72 flex-col items-center justify-center gap-2 rounded-md bg-red-50 text-sm text-red-800">
          <p>The chart stacked by {stack} could not be loaded: {error.message}</p>
          <button type="button" onClick={() => refetch()} className="rounded-md bg-red-700 px-3 py-1 font-medium text-white">
            Try again
          </button>
        </div>
      ) : shown.series.length === 0 ? (
        <p className="mt-3 flex h-72 items-center justify-center text-sm text-slate-500">No spend to chart in this view.</p>
      ) : (
        <div className={updating ? "opacity-50 transition-opacity" : "transition-opacity"}>
          <SpendChart data={shown} />
        </div>
      )}
    </section>
  );
}
