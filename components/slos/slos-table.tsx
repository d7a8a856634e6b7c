import Link from "next/link";
import type { SloWithStatus } from "@/lib/slos/status-load";
import { KIND_LABELS, describeObjective } from "@/lib/slos/describe";
import { SloStateBadge, formatBurn, formatRatio } from "./slo-state-badge";

/** The SLO list: attainment, error budget left, burn rates over the alert windows, state. */
export function SlosTable({ slos, editable }: { slos: SloWithStatus[]; editable: boolean }) {
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">SLOs</h1>
        {editable && (
          <Link href="/slos/new" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white">
            New SLO
          </Link>
        )}
      </div>
      {slos.length === 0 ? (
        <p className="rounded-xl border border-slate-200 bg-white p-6 text-sm text-slate-600">
          No SLOs yet. An SLO keeps a feature&apos;s unit economics visible: cost per request or per action, p95 latency, error rate or cache hit rate, with an error budget and burn-rate alerts.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full text-sm" data-testid="slos-table">
            <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
              <tr>
                <th className="px-3 py-2">SLO</th>
                <th className="px-3 py-2">Objective</th>
                <th className="px-3 py-2 text-right">Attainment</th>
                <th className="px-3 py-2 text-right">Budget left</th>
                <th className="px-3 py-2 text-right" title="burn rate over 1 hour / 6 hours / 3 days">Burn 1h / 6h / 3d</th>
                <th className="px-3 py-2">State</th>
              </tr>
            </thead>
            <tbody>
              {slos.map((s) => (
                <tr key={s.id} className="border-t border-slate-100" data-testid="slo-row">
                  <td className="px-3 py-2">
                    <Link href={`/slos/${s.id}`} className="font-medium text-indigo-700 hover:underline">
                      {s.name}
                    </Link>
                    <div className="text-xs text-slate-500">{Object.entries(s.scope).map(([k, v]) => `${k}=${v}`).join(", ") || "whole organization"}</div>
                  </td>
                  <td className="px-3 py-2">
                    <div>{KIND_LABELS[s.kind]}</div>
                    <div className="text-xs text-slate-500">{describeObjective(s)}</div>
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatRatio(s.status.attainment, 3)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatRatio(s.status.budgetRemaining, 1)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {formatBurn(s.status.burn["1h"])} / {formatBurn(s.status.burn["6h"])} / {formatBurn(s.status.burn["3d"])}
                  </td>
                  <td className="px-3 py-2">
                    <SloStateBadge state={s.status.state} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
