import type { BudgetStatus } from "@/lib/budgets/types";

/** Spent as a bar against the amount, with the period-end forecast as a marker (both capped at 150%). */
export function BudgetProgress({ status }: { status: BudgetStatus }) {
  const scale = (p: number) => `${Math.min(100, (Math.max(0, p) / 150) * 100)}%`;
  const color = status.percent >= 100 ? "bg-red-500" : status.percent >= 90 ? "bg-orange-500" : status.percent >= 75 ? "bg-amber-400" : "bg-emerald-500";
  return (
    <div className="relative h-2.5 w-48 rounded-full bg-slate-100" role="meter" aria-valuenow={status.percent} aria-valuemin={0} aria-valuemax={100} aria-label="Spent">
      <div className={`absolute inset-y-0 left-0 rounded-full ${color}`} style={{ width: scale(status.percent) }} />
      <div className="absolute inset-y-[-3px] w-px bg-slate-900" style={{ left: scale(100) }} title="Budget (100%)" />
      <div className="absolute inset-y-[-4px] w-1 rounded bg-indigo-600" style={{ left: scale(status.forecastPercent) }} title={`Forecast: ${status.forecastPercent.toFixed(0)}%`} />
    </div>
  );
}

export function budgetState(s: BudgetStatus): { label: string; className: string } {
  if (s.percent >= 100) return { label: "Over budget", className: "bg-red-100 text-red-800" };
  if (s.forecastPercent >= 100) return { label: "Forecast over", className: "bg-orange-100 text-orange-800" };
  if (s.percent >= 75) return { label: "Near limit", className: "bg-amber-100 text-amber-800" };
  return { label: "On track", className: "bg-emerald-100 text-emerald-800" };
}
