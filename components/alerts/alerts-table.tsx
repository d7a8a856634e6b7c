import Link from "next/link";
import type { ApiAlert } from "@/lib/alerts/api-view";
import { formatUsd } from "@/components/format";
import { KIND_LABEL, SeverityBadge, StateBadge, ageText, scopeText } from "./badges";

export function AlertsTable({ alerts, now }: { alerts: ApiAlert[]; now: Date }) {
  if (alerts.length === 0) return <p className="mt-2 text-sm text-slate-500">No alerts here.</p>;
  return (
    <div className="overflow-x-auto">
      <table data-testid="alerts-table" className="mt-3 w-full text-sm">
        <thead>
          <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
            <th className="px-2 py-1 font-medium">Severity</th>
            <th className="px-2 py-1 font-medium">Alert</th>
            <th className="px-2 py-1 font-medium">Kind</th>
            <th className="px-2 py-1 font-medium">Scope</th>
            <th className="px-2 py-1 text-right font-medium">$ impact</th>
            <th className="px-2 py-1 text-right font-medium">Age</th>
            <th className="px-2 py-1 font-medium">State</th>
          </tr>
        </thead>
        <tbody>
          {alerts.map((a) => {
            const impact = typeof a.numbers.impact_usd === "number" ? a.numbers.impact_usd : null;
            return (
              <tr key={a.id} className="border-t border-slate-100">
                <td className="px-2 py-1.5">
                  <SeverityBadge severity={a.severity} />
                </td>
                <td className="px-2 py-1.5">
                  <Link href={`/alerts/${a.id}`} className="font-medium text-indigo-700 hover:underline">
                    {a.title}
                  </Link>
                  {a.snoozed_until && <span className="ml-2 text-xs text-slate-500">snoozed</span>}
                </td>
                <td className="px-2 py-1.5">{KIND_LABEL[a.kind] ?? a.kind}</td>
                <td className="px-2 py-1.5 text-slate-600">{scopeText(a.scope)}</td>
                <td className="px-2 py-1.5 text-right tabular-nums">{impact === null ? "—" : formatUsd(impact)}</td>
                <td className="px-2 py-1.5 text-right tabular-nums" title={a.opened_at}>
                  {ageText(a.opened_at, now)}
                </td>
                <td className="px-2 py-1.5">
                  <StateBadge state={a.state} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
