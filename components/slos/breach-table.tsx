import Link from "next/link";
import type { BreachEvent } from "@/lib/slos/breaches";
import { formatDateTime } from "@/components/format";

/** The worst bad events of the window; each links to the overview narrowed to its scope, model and hour. */
export function BreachTable({ events, scope }: { events: BreachEvent[]; scope: Record<string, string> }) {
  if (!events.length) return <p className="text-sm text-slate-600">No event breached the objective in this window.</p>;
  const href = (e: BreachEvent) => {
    const hour = Math.floor(new Date(e.ts).getTime() / 3_600_000) * 3_600_000;
    const sp = new URLSearchParams({ ...scope, model: e.model, from: new Date(hour).toISOString(), to: new Date(hour + 3_600_000).toISOString() });
    return `/?${sp.toString()}`;
  };
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="slo-breaches">
        <thead className="text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="px-2 py-1">Time</th>
            <th className="px-2 py-1">Event</th>
            <th className="px-2 py-1">Model</th>
            <th className="px-2 py-1 text-right">Cost</th>
            <th className="px-2 py-1 text-right">Latency</th>
            <th className="px-2 py-1">Status</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.event_id} className="border-t border-slate-100">
              <td className="px-2 py-1 whitespace-nowrap">
                <Link href={href(e)} className="text-indigo-700 hover:underline">
                  {formatDateTime(e.ts)}
                </Link>
              </td>
              <td className="px-2 py-1 font-mono text-xs">{e.event_id}</td>
              <td className="px-2 py-1">{e.provider}/{e.model}</td>
              <td className="px-2 py-1 text-right tabular-nums">${e.cost_usd}</td>
              <td className="px-2 py-1 text-right tabular-nums">{e.latency_ms === null ? "–" : `${e.latency_ms} ms`}</td>
              <td className="px-2 py-1">{e.status}{e.app_cache ? ` · cache ${e.app_cache}` : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
