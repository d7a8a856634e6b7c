import { formatInt, formatUnitUsd, formatUsd } from "@/components/format";
import type { RecommendationView } from "@/lib/recommendations/store";

/** What the change actually saved: unit cost after vs before, normalized for volume. */
export function RealizedPanel({ rec }: { rec: RecommendationView }) {
  const r = rec.realized;
  if (!rec.implemented_at) return null;
  return (
    <section className="space-y-2" data-testid="realized">
      <h2 className="text-lg font-semibold">Realized savings</h2>
      {!r ? (
        <p className="text-sm text-slate-500">Measured at the next recomputation.</p>
      ) : (
        <div className="rounded-xl border border-slate-200 bg-white p-4 text-sm">
          <p className="text-2xl font-semibold">{r.realized_monthly_usd === null ? "not measurable yet" : `${formatUsd(Number(r.realized_monthly_usd))} / month`}</p>
          <p className="text-slate-600">
            Per {r.unit}: {r.before.unit_cost_usd === null ? "unknown" : formatUnitUsd(Number(r.before.unit_cost_usd))} before ({formatInt(r.before.units)} {r.unit}s) vs{" "}
            {r.after.unit_cost_usd === null ? "unknown" : formatUnitUsd(Number(r.after.unit_cost_usd))} after ({formatInt(r.after.units)} {r.unit}s), over {r.after_days} days each side
            since {rec.implemented_at.slice(0, 10)}. {r.verified ? "Verified." : `Verified once positive after ${7} days of data.`}
          </p>
        </div>
      )}
    </section>
  );
}
