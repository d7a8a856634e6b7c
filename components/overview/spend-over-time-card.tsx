import Link from "next/link";
import { DIMENSIONS, hrefWith } from "@/lib/analytics/filters";
import type { SpendOverTime } from "@/lib/analytics/overview";
import { SpendChart } from "./spend-chart";

/** Spend per day (or hour for short ranges), stacked by the dimension chosen in the URL. */
export function SpendOverTimeCard({ data, searchParams }: { data: SpendOverTime; searchParams: string }) {
  const sp = new URLSearchParams(searchParams);
  const stackHref = (d: string) => {
    const next = new URLSearchParams(sp);
    if (d === "feature") next.delete("stack");
    else next.set("stack", d);
    return hrefWith("/", next);
  };
  return (
    <section data-testid="spend-over-time" className="rounded-xl border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="font-semibold">Spend per {data.interval}</h2>
        <div className="ml-auto flex flex-wrap gap-1 text-xs">
          <span className="self-center text-slate-500">stacked by</span>
          {DIMENSIONS.map((d) => (
            <Link
              key={d}
              href={stackHref(d)}
              className={`rounded-md px-2 py-1 ${d === data.stack ? "bg-slate-900 text-white" : "border border-slate-300 hover:bg-slate-50"}`}
            >
              {d}
            </Link>
          ))}
        </div>
      </div>
      <SpendChart data={data} />
    </section>
  );
}
