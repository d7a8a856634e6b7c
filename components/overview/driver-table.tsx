import { ViewLink as Link } from "./view-link";
import { hrefWith, withFilterValue } from "@/lib/analytics/filters";
import { labelOf } from "@/lib/analytics/labels";
import type { DriverRow } from "@/lib/analytics/overview";
import type { Dimension } from "@/lib/ingest/types";
import { formatInt, formatPercent, formatUnitUsd, formatUsd } from "@/components/format";

const TITLES: Record<Dimension, string> = {
  provider: "Providers",
  model: "Models",
  project: "Projects",
  feature: "Features",
  team: "Teams",
  user: "Users",
  customer: "Customers",
  environment: "Environments",
};

/** Top values of one dimension by cost; a click filters the whole page by that value. */
export function DriverTable({ dimension, rows, total, searchParams }: { dimension: Dimension; rows: DriverRow[]; total: number; searchParams: string }) {
  const sp = new URLSearchParams(searchParams);
  return (
    <section data-testid={`driver-table-${dimension}`} className="overflow-x-auto rounded-xl border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">Top {TITLES[dimension].toLowerCase()} by cost</h2>
      <table className="mt-3 w-full text-sm">
        <thead>
          <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
            <th className="py-1 font-medium">{dimension}</th>
            <th className="py-1 text-right font-medium">Cost</th>
            <th className="py-1 text-right font-medium">Share</th>
            <th className="py-1 text-right font-medium">Requests</th>
            <th className="py-1 text-right font-medium">Per request</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.value} className="border-t border-slate-100">
              <td className="py-1.5">
                <Link data-testid={`drill-${dimension}-${r.value}`} href={hrefWith("/", withFilterValue(sp, dimension, r.value))} className="text-indigo-700 hover:underline">
                  {labelOf(r.value)}
                </Link>
                {r.unpricedRequests > 0 && (
                  <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-800" title="requests with no known price are not in the cost">
                    {formatInt(r.unpricedRequests)} unpriced
                  </span>
                )}
              </td>
              <td className="py-1.5 text-right tabular-nums">{r.pricedRequests > 0 ? formatUsd(r.costUsd) : <span className="text-amber-700">unknown</span>}</td>
              <td className="py-1.5 text-right tabular-nums text-slate-500">{total > 0 ? formatPercent(r.costUsd / total) : "—"}</td>
              <td className="py-1.5 text-right tabular-nums">{formatInt(r.requests)}</td>
              <td className="py-1.5 text-right tabular-nums text-slate-500">{r.pricedRequests > 0 ? formatUnitUsd(r.costUsd / r.pricedRequests) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
