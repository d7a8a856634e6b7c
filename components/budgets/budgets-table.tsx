import Link from "next/link";
import type { BudgetWithStatus } from "@/lib/budgets/types";
import { formatInt, formatUsd } from "@/components/format";
import { BudgetProgress, budgetState } from "./budget-progress";

export const scopeText = (s: Record<string, string | undefined>) =>
  Object.entries(s).map(([k, v]) => `${k}=${v}`).join(", ") || "whole organization";

/** The budgets list: progress against the amount, the forecast marker, nesting and unpriced usage called out. */
export function BudgetsTable({ budgets, editable }: { budgets: BudgetWithStatus[]; editable: boolean }) {
  const names = new Map(budgets.map((b) => [b.id, b.name]));
  return (
    <div className="space-y-6">
      <div className="flex items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Budgets</h1>
          <p className="text-sm text-slate-500">
            Spend per calendar period in each budget&apos;s time zone, from the ledger; the marker is the period-end forecast. Gateways can ask{" "}
            <code>GET /api/v1/budgets/check</code> before a call.
          </p>
        </div>
        {editable && (
          <Link href="/budgets/new" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white">
            New budget
          </Link>
        )}
      </div>
      {budgets.length === 0 ? (
        <p className="rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-500">No budgets yet.</p>
      ) : (
        <table data-testid="budgets" className="w-full rounded-xl border border-slate-200 bg-white text-sm">
          <thead>
            <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
              <th className="px-3 py-2 font-medium">Budget</th>
              <th className="px-3 py-2 font-medium">Period</th>
              <th className="px-3 py-2 font-medium">Spent</th>
              <th className="px-3 py-2 font-medium">Progress</th>
              <th className="px-3 py-2 font-medium">Forecast</th>
              <th className="px-3 py-2 font-medium">Status</th>
            </tr>
          </thead>
          <tbody>
            {budgets.map((b) => {
              const s = b.status;
              const state = budgetState(s);
              return (
                <tr key={b.id} className="border-t border-slate-100 align-top" data-budget={b.name}>
                  <td className="px-3 py-2">
                    <Link href={`/budgets/${b.id}`} className="font-medium text-indigo-700 hover:underline">
                      {b.name}
                    </Link>
                    <div className="text-xs text-slate-500">
                      {scopeText(b.scope)}
                      {b.parentId && names.has(b.parentId) ? ` · inside ${names.get(b.parentId)}` : ""}
                    </div>
                    {(s.children.amountOverParent || s.children.spentOverParent) && (
                      <div className="mt-1 text-xs font-medium text-orange-700" data-testid="children-over-parent">
                        {s.children.count} nested budget{s.children.count === 1 ? "" : "s"} {s.children.spentOverParent ? `spent ${formatUsd(Number(s.children.spentUsd))}` : `add up to ${formatUsd(Number(s.children.amountUsd))}`}, more than this budget&apos;s {formatUsd(Number(b.amountUsd))}
                      </div>
                    )}
                    {s.unpricedRequests > 0 && (
                      <div className="mt-1 text-xs text-amber-700" data-testid="unpriced-note">
                        + {formatInt(s.unpricedRequests)} unpriced request{s.unpricedRequests === 1 ? "" : "s"} ({formatInt(s.unpricedTokens)} tokens) not in the spend
                      </div>
                    )}
                  </td>
                  <td className="px-3 py-2 text-xs">
                    {b.period}, {s.periodStartDate} – {s.periodEndDate}
                    <div className="text-slate-500">{b.timezone}</div>
                  </td>
                  <td className="px-3 py-2 tabular-nums">
                    {formatUsd(Number(s.spentUsd))} <span className="text-slate-500">of {formatUsd(Number(b.amountUsd))}</span>
                  </td>
                  <td className="px-3 py-2">
                    <BudgetProgress status={s} />
                    <div className="mt-1 text-xs text-slate-500">{s.percent.toFixed(1)}%</div>
                  </td>
                  <td className="px-3 py-2 tabular-nums text-xs">
                    {formatUsd(s.forecastUsd)}
                    <div className="text-slate-500">
                      {formatUsd(s.forecastLowUsd)} – {formatUsd(s.forecastHighUsd)}
                    </div>
                  </td>
                  <td className="px-3 py-2">
                    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${state.className}`}>{state.label}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
