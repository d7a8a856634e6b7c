import Link from "next/link";
import type { BudgetChartPoint } from "@/lib/budgets/daily-series";
import type { BudgetWithStatus } from "@/lib/budgets/types";
import { ConfirmForm } from "@/components/confirm-form";
import { formatDateTime, formatInt, formatUsd } from "@/components/format";
import { BudgetChart } from "./budget-chart";
import { BudgetProgress, budgetState } from "./budget-progress";
import { scopeText } from "./budgets-table";

type Props = { budget: BudgetWithStatus; points: BudgetChartPoint[]; editable: boolean; deleteAction: (form: FormData) => Promise<void> };

/** One budget: its numbers, and spend accumulating against the budget line with the projection. */
export function BudgetDetail({ budget: b, points, editable, deleteAction }: Props) {
  const s = b.status;
  const state = budgetState(s);
  const stats: [string, string, string?][] = [
    ["Spent", formatUsd(Number(s.spentUsd)), `${s.percent.toFixed(1)}% of ${formatUsd(Number(b.amountUsd))}`],
    ["Remaining", formatUsd(Number(s.remainingUsd)), `${s.daysRemaining.toFixed(1)} days left`],
    ["Forecast at period end", formatUsd(s.forecastUsd), `80%: ${formatUsd(s.forecastLowUsd)} – ${formatUsd(s.forecastHighUsd)}`],
    ["Allowed per day", formatUsd(s.dailyAllowedUsd), "for the rest of the period"],
    ["Runs out", s.runsOutOn ?? (s.percent >= 100 ? "already over" : "not this period"), "at the average rate so far"],
    ["Previous period", formatUsd(Number(s.previousPeriodUsd))],
  ];
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <Link href="/budgets" className="text-sm text-indigo-700 hover:underline">
            ← Budgets
          </Link>
          <h1 className="text-2xl font-semibold">{b.name}</h1>
          <p className="text-sm text-slate-500">
            {scopeText(b.scope)} · {b.period} {s.periodStartDate} – {s.periodEndDate} ({b.timezone}) · thresholds {b.thresholds.join(", ")}% · check blocks at{" "}
            {b.blockAtPercent}%
          </p>
        </div>
        <div className="flex items-center gap-2">
          <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${state.className}`}>{state.label}</span>
          {editable && (
            <>
              <Link href={`/budgets/${b.id}/edit`} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
                Edit
              </Link>
              <ConfirmForm action={deleteAction} id={b.id} question={`Delete the budget "${b.name}"?`}>
                Delete
              </ConfirmForm>
            </>
          )}
        </div>
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="budget-stats">
        {stats.map(([label, value, sub]) => (
          <div key={label} className="rounded-xl border border-slate-200 bg-white p-3">
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className="text-lg font-semibold tabular-nums" data-stat={label}>
              {value}
            </dd>
            {sub && <dd className="text-xs text-slate-500">{sub}</dd>}
          </div>
        ))}
      </dl>
      <BudgetProgress status={s} />
      {s.unpricedRequests > 0 && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800" data-testid="unpriced-note">
          {formatInt(s.unpricedRequests)} unpriced request{s.unpricedRequests === 1 ? "" : "s"} ({formatInt(s.unpricedTokens)} tokens) in this scope are not
          in the spend: add their price on the Prices page.
        </p>
      )}
      <section className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 className="font-semibold">Cost accumulation with budget and projection</h2>
        <BudgetChart points={points} amount={Number(b.amountUsd)} />
        <p className="text-xs text-slate-500">As of {formatDateTime(s.asOf)}.</p>
      </section>
    </div>
  );
}
