import type { SloState } from "@/lib/slos/types";

const STYLES: Record<SloState, string> = {
  ok: "bg-emerald-100 text-emerald-800",
  ticket: "bg-amber-100 text-amber-800",
  page: "bg-red-100 text-red-800",
  no_data: "bg-slate-100 text-slate-600",
  disabled: "bg-slate-100 text-slate-500",
};
const LABELS: Record<SloState, string> = { ok: "OK", ticket: "Burning (ticket)", page: "Burning fast (page)", no_data: "No data", disabled: "Disabled" };

export function SloStateBadge({ state }: { state: SloState }) {
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STYLES[state]}`} data-testid="slo-state">{LABELS[state]}</span>;
}

export function formatBurn(x: number | null): string {
  if (x === null) return "–";
  if (!Number.isFinite(x)) return "∞";
  return `${x >= 10 ? x.toFixed(0) : x.toFixed(1)}×`;
}

export function formatRatio(x: number | null, digits = 2): string {
  if (x === null) return "–";
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "−∞";
  return `${(x * 100).toFixed(digits)}%`;
}
