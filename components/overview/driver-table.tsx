import { ViewLink as Link } from "./view-link";
import { hrefWith, withFilterValue } from "@/lib/analytics/filters";
import { labelOf } from "@/lib/analytics/labels";
import type { DriverRow } from "@/lib/analytics/overview";
import type { Dimension } from "@/lib/domain/event";
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

// Narrow tables (a phone, or two tables side by side on a tablet) keep three columns and show requests
// and cost per request under the name, so no column is squeezed into the next.
const WIDE = "hidden @md:table-cell";
const NUM = "whitespace-nowrap py-1.5 pl-3 text-right tabular-nums";

/** Top values of one dimension by cost; a click filters the whole page by that value. */
export function DriverTable({ dimension, rows, total, searchParams }: { dimension: Dimension; rows: DriverRow[]; total: number; searchParams: string }) {
  const sp = new URLSearchParams(searchParams);
  const perRequest = (r: DriverRow) => (r.pricedRequests > 0 ? formatUnitUsd(r.costUsd / r.pricedRequests) : "—");
  return (
    <section data-testid={`driver-table-${dimension}`} className="@container min-w-0 rounded-xl border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">Top {TITLES[dimension].toLowerCase()} by cost</h2>
      <table className="mt-3 w-full text-sm">
        <thead>
          <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
            <th className="py-1 font-medium">{dimension}</th>
            <th className="py-1 pl-3 text-right font-medium">Cost</th>
            <th className="py-1 pl-3 text-right font-medium">Share</th>
            <th className={`${WIDE} py-1 pl-3 text-right font-medium`}>Requests</th>
            <th className={`${WIDE} py-1 pl-3 text-right font-medium`}>Per request</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.value} className="border-t border-slate-100 align-top">
              <td className="py-1.5 [overflow-wrap:anywhere]">
                <Link data-testid={`drill-${dimension}-${r.value}`} href={hrefWith("/", withFilterValue(sp, dimension, r.value))} className="text-indigo-700 hover:underline">
                  {labelOf(r.value)}
                </Link>
                {r.unpricedRequests > 0 && (
                  <span className="ml-2 inline-block rounded bg-amber-100 px-1.5 text-xs text-amber-800" title="requests with no known price are not in the cost">
                    {formatInt(r.unpricedRequests)} unpriced
                  </span>
                )}
                <span className="block text-xs tabular-nums text-slate-500 @md:hidden">
                  {formatInt(r.requests)} requests{r.pricedRequests > 0 ? ` · ${perRequest(r)} each` : ""}
                </span>
              </td>
              <td className={NUM}>{r.pricedRequests > 0 ? formatUsd(r.costUsd) : <span className="text-amber-700">unknown</span>}</td>
              <td className={`${NUM} text-slate-500`}>{total > 0 ? formatPercent(r.costUsd / total) : "—"}</td>
              <td className={`${WIDE} ${NUM}`}>{formatInt(r.requests)}</td>
              <td className={`${WIDE} ${NUM} text-slate-500`}>{perRequest(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
