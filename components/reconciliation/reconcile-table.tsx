import type { ReconcileRow } from "@/lib/provider-billing/reconcile";
import { formatCompact, formatUsd } from "@/components/format";
import { CoverageBar } from "./coverage-bar";

const usd = (s: string | null) => (s === null ? "unknown" : formatUsd(Number(s)));
const BUCKETS = [
  ["input_uncached", "Input"],
  ["cache_read", "Cache read"],
  ["cache_write_5m", "Write 5m"],
  ["cache_write_1h", "Write 1h"],
  ["output", "Output"],
] as const;

/** Billed vs attributed per day, provider and model: $ and %, coverage, and tokens both ways. */
export function ReconcileTable({ rows, totals }: { rows: ReconcileRow[]; totals: ReconcileRow }) {
  if (rows.length === 0) {
    return <p className="rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-500">No billed usage or attributed spend for OpenAI or Anthropic in this range.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table data-testid="reconciliation-table" className="w-full text-sm">
        <thead>
          <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
            <th className="px-3 py-2 font-medium">Day</th>
            <th className="px-3 py-2 font-medium">Provider</th>
            <th className="px-3 py-2 font-medium">Model</th>
            <th className="px-3 py-2 text-right font-medium">Billed</th>
            <th className="px-3 py-2 text-right font-medium">Attributed</th>
            <th className="px-3 py-2 text-right font-medium">Unattributed</th>
            <th className="px-3 py-2 font-medium">Coverage</th>
            <th className="px-3 py-2 font-medium">Tokens billed / attributed</th>
          </tr>
        </thead>
        <tbody>
          {[...rows.map((r) => ({ r, total: false })), { r: totals, total: true }].map(({ r, total }, i) => (
            <tr key={i} className={`border-t border-slate-100 align-top ${total ? "bg-slate-50 font-medium" : ""}`} data-row={total ? "total" : `${r.day}|${r.provider}|${r.model}`}>
              <td className="px-3 py-2 whitespace-nowrap">{total ? "Total" : r.day}</td>
              <td className="px-3 py-2">{r.provider}</td>
              <td className="px-3 py-2">{r.model || <span className="text-slate-400">(no model)</span>}</td>
              <td className="px-3 py-2 text-right tabular-nums" data-cell="billed">
                {usd(r.billed_usd)}
                {r.billed_basis === "usage_x_catalog" && <div className="text-xs font-normal text-slate-500">usage × price</div>}
                {r.billed_unpriced_tokens > 0 && <div className="text-xs font-normal text-amber-700">+ {formatCompact(r.billed_unpriced_tokens)} unpriced tokens</div>}
              </td>
              <td className="px-3 py-2 text-right tabular-nums" data-cell="attributed">{usd(r.attributed_usd)}</td>
              <td className="px-3 py-2 text-right tabular-nums" data-cell="unattributed">
                {usd(r.unattributed_usd)}
                {r.unattributed_percent !== null && <div className="text-xs font-normal text-slate-500">{r.unattributed_percent}%</div>}
              </td>
              <td className="px-3 py-2">
                <CoverageBar coverage={r.coverage} />
              </td>
              <td className="px-3 py-2 text-xs text-slate-600">
                {BUCKETS.filter(([b]) => r[`billed_${b}`] || r[`attributed_${b}`]).map(([b, label]) => (
                  <div key={b} className="whitespace-nowrap">
                    {label}: {formatCompact(r[`billed_${b}`])} / {formatCompact(r[`attributed_${b}`])}
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
