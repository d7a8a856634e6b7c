import Link from "next/link";
import { formatInt, formatPercent, formatUnitUsd, formatUsd } from "@/components/format";

type Row = Record<string, unknown>;
const usdOrUnknown = (v: unknown) => (v === null || v === undefined ? <span className="text-slate-400" title="utilization not measured">unknown</span> : formatUsd(Number(v)));
const unitOrDash = (v: unknown) => (v === null || v === undefined ? <span className="text-slate-400">–</span> : formatUnitUsd(Number(v)));

/** One line per deployment: GPU cost, idle cost, utilization, tokens and $/1M tokens on both bases. */
export function DeploymentsTable({ rows, selected, query }: { rows: Row[]; selected: string | null; query: string }) {
  if (rows.length === 0) return <p className="rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-500">No deployments yet. Add one below (GPUs by DCGM labels, endpoints by scrape source).</p>;
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table data-testid="deployments" className="w-full text-sm">
        <thead>
          <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
            <th className="px-3 py-2 font-medium">Deployment</th>
            <th className="px-3 py-2 font-medium text-right">GPUs</th>
            <th className="px-3 py-2 font-medium text-right">GPU-hours</th>
            <th className="px-3 py-2 font-medium text-right">GPU cost</th>
            <th className="px-3 py-2 font-medium text-right">Idle cost</th>
            <th className="px-3 py-2 font-medium text-right">Utilization</th>
            <th className="px-3 py-2 font-medium text-right">Tokens in / out</th>
            <th className="px-3 py-2 font-medium text-right" title="every paid GPU-hour / tokens">$/1M allocation</th>
            <th className="px-3 py-2 font-medium text-right" title="busy GPU time only / tokens">$/1M usage</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const name = String(r.deployment);
            return (
              <tr key={name} className={`border-t border-slate-100 ${name === selected ? "bg-indigo-50/50" : ""}`} data-deployment={name}>
                <td className="px-3 py-2">
                  <Link href={`/self-hosted?${query}&deployment=${encodeURIComponent(name)}`} className="font-medium text-indigo-700 hover:underline">
                    {name}
                  </Link>
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{formatInt(Number(r.gpus))}</td>
                <td className="px-3 py-2 text-right tabular-nums">{Number(r.gpu_hours).toFixed(1)}</td>
                <td className="px-3 py-2 text-right tabular-nums" data-testid="gpu-cost">{formatUsd(Number(r.gpu_cost_usd))}</td>
                <td className="px-3 py-2 text-right tabular-nums" data-testid="idle-cost">{usdOrUnknown(r.idle_cost_usd)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{r.gpu_utilization_avg === null ? "–" : formatPercent(Number(r.gpu_utilization_avg))}</td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {formatInt(Number(r.input_tokens))} / {formatInt(Number(r.output_tokens))}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{unitOrDash(r.cost_per_1m_tokens_allocation)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{unitOrDash(r.cost_per_1m_tokens_usage)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
