import { ViewLink as Link } from "./view-link";
import { DateRangeForm } from "./date-range-form";
import {
  DIMENSIONS,
  RANGE_PRESETS,
  hrefWith,
  isoDay,
  lastDayOf,
  withPreset,
  withoutDimension,
  withoutFilterValue,
  type RangePreset,
  type ViewFilters,
} from "@/lib/analytics/filters";
import { labelOf } from "@/lib/analytics/labels";
import { AddFilter } from "./add-filter";
import { formatRange } from "@/components/format";

const PRESET_KEYS = Object.keys(RANGE_PRESETS) as RangePreset[];

/** Time range (rolling presets and dates) and the active dimension filters, all as links: the URL is the view. */
export function ViewControls({ view, searchParams }: { view: ViewFilters; searchParams: string }) {
  const sp = new URLSearchParams(searchParams);
  // The date form submits by GET, so everything but the range rides along as hidden fields
  // (the stack from the live URL, since the chart may have changed it in place).
  const keep = [...sp].filter(([k]) => k !== "from" && k !== "to" && k !== "range" && k !== "stack");
  const filtered = DIMENSIONS.filter((d) => (view.filters[d] ?? []).length > 0);
  return (
    <section className="space-y-3">
      <div className="flex flex-wrap items-end gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Spend overview</h1>
          <p className="text-sm text-slate-500">
            {view.preset ? `Last ${RANGE_PRESETS[view.preset]} days: ` : ""}
            {formatRange(view.from, view.to)} (UTC)
          </p>
        </div>
        <div className="ml-auto flex flex-wrap items-end gap-2 text-sm">
          <nav aria-label="Time range" className="group flex overflow-hidden rounded-md border border-slate-300 bg-white">
            {PRESET_KEYS.map((p) => {
              const active = view.preset === p;
              return (
                <Link
                  key={p}
                  href={hrefWith("/", withPreset(sp, p))}
                  aria-current={active ? "true" : undefined}
                  // While another range loads, the chosen one is shown selected at once.
                  className={`border-l border-slate-300 px-2.5 py-1.5 first:border-l-0 ${active ? "bg-slate-900 text-white group-has-[[data-pending]]:bg-white group-has-[[data-pending]]:text-slate-900" : "hover:bg-slate-50 data-[pending]:bg-slate-900 data-[pending]:text-white"}`}
                >
                  Last {RANGE_PRESETS[p]} days
                </Link>
              );
            })}
          </nav>
          <DateRangeForm keep={keep} from={isoDay(view.from)} to={lastDayOf(view)} />
        </div>
      </div>
      <AddFilter from={view.from.toISOString()} to={view.to.toISOString()} />
      {view.notice && <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">{view.notice}</p>}
      {filtered.length > 0 && (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-slate-500">Every number below is filtered to</span>
          {/* One chip per dimension: several values of one dimension are alternatives (any of them). */}
          {filtered.map((d) => (
            <span key={d} data-testid={`active-filter-${d}`} className="inline-flex flex-wrap items-center gap-1 rounded-full bg-indigo-50 px-3 py-1 text-indigo-800">
              <span className="text-indigo-600">{d}:</span>
              {(view.filters[d] ?? []).map((v, i) => (
                <span key={v} className="inline-flex items-center">
                  {i > 0 && <span className="mr-1 text-indigo-500">or</span>}
                  <strong className="font-medium">{labelOf(v)}</strong>
                  <Link
                    href={hrefWith("/", withoutFilterValue(sp, d, v))}
                    title={`Stop filtering by ${d} ${labelOf(v)}`}
                    className="ml-1 rounded-full px-1 text-indigo-500 hover:bg-indigo-100 hover:text-indigo-900"
                  >
                    ×<span className="sr-only"> remove {d} filter {labelOf(v)}</span>
                  </Link>
                </span>
              ))}
              {(view.filters[d] ?? []).length > 1 && (
                <Link href={hrefWith("/", withoutDimension(sp, d))} className="ml-1 text-xs text-indigo-500 underline">
                  remove all
                </Link>
              )}
            </span>
          ))}
          <Link href={hrefWith("/", new URLSearchParams(keepRangeAndStack(sp)))} className="text-slate-500 underline">
            Clear filters
          </Link>
        </div>
      )}
    </section>
  );
}

function keepRangeAndStack(sp: URLSearchParams): [string, string][] {
  return [...sp].filter(([k]) => k === "from" || k === "to" || k === "range" || k === "stack");
}
