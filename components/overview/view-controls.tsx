import Link from "next/link";
import { DIMENSIONS, hrefWith, isoDay, lastDayOf, withoutFilterValue, type ViewFilters } from "@/lib/analytics/filters";
import { labelOf } from "@/lib/analytics/labels";
import { formatRange } from "@/components/format";

const PRESETS = [7, 30, 90];

/** Time range (presets and dates) and the active dimension filters, all as links: the URL is the view. */
export function ViewControls({ view, searchParams }: { view: ViewFilters; searchParams: string }) {
  const sp = new URLSearchParams(searchParams);
  const presetHref = (days: number) => {
    const next = new URLSearchParams(sp);
    const to = new Date();
    next.set("from", isoDay(new Date(to.getTime() - (days - 1) * 86_400_000)));
    next.delete("to");
    return hrefWith("/", next);
  };
  const keep = [...sp].filter(([k]) => k !== "from" && k !== "to");
  const chips = DIMENSIONS.flatMap((d) => (view.filters[d] ?? []).map((v) => ({ d, v })));
  return (
    <section className="space-y-3">
      <div className="flex flex-wrap items-end gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Spend overview</h1>
          <p className="text-sm text-slate-500">{formatRange(view.from, view.to)} (UTC)</p>
        </div>
        <div className="ml-auto flex flex-wrap items-end gap-2 text-sm">
          {PRESETS.map((d) => (
            <Link key={d} href={presetHref(d)} className="rounded-md border border-slate-300 bg-white px-2.5 py-1.5 hover:bg-slate-50">
              Last {d} days
            </Link>
          ))}
          <form action="/" className="flex items-end gap-2">
            {keep.map(([k, v], i) => (
              <input key={`${k}-${i}`} type="hidden" name={k} value={v} />
            ))}
            <label className="flex flex-col text-xs text-slate-500">
              From
              <input type="date" name="from" defaultValue={isoDay(view.from)} className="rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-900" />
            </label>
            <label className="flex flex-col text-xs text-slate-500">
              To
              <input type="date" name="to" defaultValue={lastDayOf(view)} className="rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-900" />
            </label>
            <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-white">
              Apply
            </button>
          </form>
        </div>
      </div>
      {view.notice && <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">{view.notice}</p>}
      {chips.length > 0 && (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-slate-500">Filtered to</span>
          {chips.map(({ d, v }) => (
            <span key={`${d}=${v}`} data-testid={`active-filter-${d}`} className="inline-flex items-center gap-1 rounded-full bg-indigo-50 px-3 py-1 text-indigo-800">
              {d}: <strong>{labelOf(v)}</strong>
              <Link href={hrefWith("/", withoutFilterValue(sp, d, v))} aria-label={`Remove filter ${d} ${labelOf(v)}`} className="ml-1 text-indigo-500 hover:text-indigo-900">
                ×
              </Link>
            </span>
          ))}
          <Link href={hrefWith("/", new URLSearchParams(keepRange(sp)))} className="text-slate-500 underline">
            Clear all
          </Link>
        </div>
      )}
    </section>
  );
}

function keepRange(sp: URLSearchParams): [string, string][] {
  return [...sp].filter(([k]) => k === "from" || k === "to" || k === "stack");
}
