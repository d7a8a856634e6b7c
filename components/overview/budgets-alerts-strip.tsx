import Link from "next/link";

export type StripBudget = { id: string; name: string; period: string; amount_usd: string; spent_usd: string; percent: number; blocked: boolean };
export type StripAlert = { id: string; title: string; severity: string };

const SEVERITY_CLASS: Record<string, string> = { critical: "bg-rose-100 text-rose-800", warning: "bg-amber-100 text-amber-800", info: "bg-sky-100 text-sky-800" };

/** The budgets that cover this view and the open alerts, so the overview says when spend needs attention. */
export function BudgetsAlertsStrip({ budgets, alerts, openCount }: { budgets: StripBudget[]; alerts: StripAlert[]; openCount: number }) {
  if (budgets.length === 0 && openCount === 0) return null;
  return (
    <section className="grid gap-3 md:grid-cols-2" data-testid="overview-budgets-alerts">
      {budgets.length > 0 && (
        <div className="rounded-xl border border-slate-200 bg-white p-4">
          <h2 className="text-sm font-semibold">Budgets covering this view</h2>
          <ul className="mt-2 space-y-2 text-sm">
            {budgets.slice(0, 4).map((b) => (
              <li key={b.id}>
                <div className="flex justify-between gap-2">
                  <Link href={`/budgets/${b.id}`} className="truncate text-sky-700 hover:underline">
                    {b.name} <span className="text-xs text-slate-500">({b.period})</span>
                  </Link>
                  <span className={`tabular-nums ${b.percent >= 100 ? "font-semibold text-rose-700" : b.percent >= 90 ? "text-amber-700" : ""}`}>
                    ${Number(b.spent_usd).toFixed(2)} of ${Number(b.amount_usd).toFixed(2)} · {b.percent.toFixed(1)}%
                  </span>
                </div>
                <div className="mt-1 h-1.5 rounded bg-slate-100" aria-hidden>
                  <div className={`h-1.5 rounded ${b.percent >= 100 ? "bg-rose-500" : b.percent >= 90 ? "bg-amber-500" : "bg-emerald-500"}`} style={{ width: `${Math.min(100, b.percent)}%` }} />
                </div>
              </li>
            ))}
          </ul>
        </div>
      )}
      {openCount > 0 && (
        <div className="rounded-xl border border-slate-200 bg-white p-4">
          <h2 className="text-sm font-semibold">
            <Link href="/alerts" className="hover:underline">
              Open alerts ({openCount})
            </Link>
          </h2>
          <ul className="mt-2 space-y-1 text-sm">
            {alerts.map((a) => (
              <li key={a.id} className="flex items-start gap-2">
                <span className={`rounded px-1.5 text-xs ${SEVERITY_CLASS[a.severity] ?? "bg-slate-100"}`}>{a.severity}</span>
                <Link href={`/alerts/${a.id}`} className="text-sky-700 hover:underline">
                  {a.title}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
