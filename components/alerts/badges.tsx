const SEVERITY_STYLE: Record<string, string> = {
  critical: "bg-red-100 text-red-800",
  warning: "bg-amber-100 text-amber-800",
  info: "bg-sky-100 text-sky-800",
};
const STATE_STYLE: Record<string, string> = {
  open: "bg-red-50 text-red-700",
  acknowledged: "bg-amber-50 text-amber-700",
  resolved: "bg-emerald-50 text-emerald-700",
};

export function SeverityBadge({ severity }: { severity: string }) {
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${SEVERITY_STYLE[severity] ?? "bg-slate-100"}`}>{severity}</span>;
}

export function StateBadge({ state }: { state: string }) {
  return (
    <span data-testid="alert-state" className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATE_STYLE[state] ?? "bg-slate-100"}`}>
      {state}
    </span>
  );
}

export const KIND_LABEL: Record<string, string> = {
  budget: "Budget",
  budget_forecast: "Budget forecast",
  anomaly: "Spend anomaly",
  cost_per_request: "Cost per request",
  runaway: "Runaway request",
  slo_burn: "SLO burn",
  rate_limit_headroom: "Rate-limit headroom",
};

/** "feature=search · team=growth", or the whole organization. */
export function scopeText(scope: Record<string, string>): string {
  const parts = Object.entries(scope).map(([k, v]) => `${k}=${v}`);
  return parts.length ? parts.join(" · ") : "whole organization";
}

/** Only paths inside the product become links: a cause URL comes from stored data. */
export function safePath(url: string): string | null {
  return url.startsWith("/") && !url.startsWith("//") ? url : null;
}

export function ageText(from: Date | string, now: Date): string {
  const s = Math.max(0, Math.round((now.getTime() - new Date(from).getTime()) / 1000));
  if (s < 90) return `${s}s`;
  if (s < 90 * 60) return `${Math.round(s / 60)}m`;
  if (s < 48 * 3600) return `${Math.round(s / 3600)}h`;
  return `${Math.round(s / 86400)}d`;
}
