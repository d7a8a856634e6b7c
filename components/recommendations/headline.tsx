import { formatUsd } from "@/components/format";
import type { RecommendationList } from "@/lib/recommendations/api-view";

/** Savings still open (the best lever per feature and model, never a sum of overlapping ones) and realized. */
export function Headline({ totals }: { totals: RecommendationList["totals"] }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div className="rounded-xl border border-slate-200 bg-white p-4" data-testid="open-savings">
        <p className="text-xs uppercase tracking-wide text-slate-500">Open savings per month</p>
        <p className="text-2xl font-semibold">{formatUsd(Number(totals.open_monthly_savings_usd))}</p>
        <p className="text-xs text-slate-500">{totals.open} open; overlapping levers on the same feature and model count once (the largest).</p>
      </div>
      <div className="rounded-xl border border-slate-200 bg-white p-4" data-testid="realized-savings">
        <p className="text-xs uppercase tracking-wide text-slate-500">Realized savings per month</p>
        <p className="text-2xl font-semibold">{formatUsd(Number(totals.realized_savings_usd))}</p>
        <p className="text-xs text-slate-500">{totals.implemented} implemented; measured from unit cost after vs before, normalized for volume.</p>
      </div>
    </div>
  );
}
