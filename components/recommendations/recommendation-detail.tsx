import Link from "next/link";
import { formatUsd } from "@/components/format";
import type { RecommendationView } from "@/lib/recommendations/store";
import { kindLabel } from "./filters";

/** The link that opens the what-if builder with this recommendation's scenario filled in. */
export const whatIfHref = (r: RecommendationView) => (r.scenario ? `/whatif?scenario=${encodeURIComponent(JSON.stringify(r.scenario))}` : null);

export function RecommendationDetail({ rec }: { rec: RecommendationView }) {
  const whatIf = whatIfHref(rec);
  return (
    <div className="space-y-4">
      <div>
        <p className="text-xs uppercase tracking-wide text-slate-500">{kindLabel(rec.kind)} · {rec.confidence} confidence · owner {rec.owner_team ?? "unknown"}</p>
        <h1 className="text-2xl font-semibold">{rec.title}</h1>
        <p className="text-sm text-slate-600">
          Status <strong data-testid="status">{rec.status}</strong>
          {rec.stale && " (no longer found by the last recomputation)"}
          {rec.dismiss_reason && ` — ${rec.dismiss_reason}`}
        </p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="rounded-xl border border-slate-200 bg-white p-4">
          <p className="text-xs uppercase tracking-wide text-slate-500">Savings per month</p>
          <p className="text-2xl font-semibold">{formatUsd(Number(rec.monthly_savings_usd))}</p>
          <p className="text-xs text-slate-500">{rec.savings_method}</p>
          {whatIf && (
            <Link href={whatIf} className="mt-2 inline-block rounded-md border border-slate-300 px-3 py-1 text-sm">Run what-if</Link>
          )}
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-4">
          <p className="text-xs uppercase tracking-wide text-slate-500">Risk and how to test it safely</p>
          <p className="text-sm">{rec.risk}</p>
        </div>
      </div>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Evidence</h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 rounded-xl border border-slate-200 bg-white p-4 text-sm">
          {rec.evidence.map((e) => (
            <div key={e.label} className="contents">
              <dt className="text-slate-500">{e.label}</dt>
              <dd className="tabular-nums">{e.value}</dd>
            </div>
          ))}
        </dl>
        <Link href={rec.evidence_href} className="text-sm underline">Open the filtered overview</Link>
      </section>
      {rec.scenario && (
        <section className="space-y-2">
          <h2 className="text-lg font-semibold">Scenario replayed</h2>
          <pre className="overflow-x-auto rounded-xl border border-slate-200 bg-slate-50 p-3 text-xs">{JSON.stringify(rec.scenario, null, 2)}</pre>
        </section>
      )}
    </div>
  );
}
