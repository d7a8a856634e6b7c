import type { CachesPageData } from "@/lib/caches/page-data";
import { formatCompact, formatPercent, formatUsd } from "@/components/format";

/** Prompt caching per feature and model, with the write premium shown beside the gross saving. */
export function PromptCacheTable({ rows }: { rows: CachesPageData["prompt"] }) {
  if (rows.length === 0) return <p className="rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-500">No cached prompt tokens in this range.</p>;
  return (
    <table data-testid="prompt-cache" className="w-full rounded-xl border border-slate-200 bg-white text-sm">
      <thead>
        <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
          <th className="px-3 py-2 font-medium">Feature</th>
          <th className="px-3 py-2 font-medium">Model</th>
          <th className="px-3 py-2 font-medium">Hit rate</th>
          <th className="px-3 py-2 font-medium">Read / written</th>
          <th className="px-3 py-2 font-medium">Gross saving</th>
          <th className="px-3 py-2 font-medium">Write premium</th>
          <th className="px-3 py-2 font-medium">Net saved</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.provider}/${r.model}/${r.feature}`} className="border-t border-slate-100">
            <td className="px-3 py-2">{r.feature || <span className="text-slate-400">(none)</span>}</td>
            <td className="px-3 py-2">
              {r.model} <span className="text-xs text-slate-500">{r.provider}</span>
            </td>
            <td className="px-3 py-2">{r.hit_rate === null ? "–" : formatPercent(r.hit_rate)}</td>
            <td className="px-3 py-2">
              {formatCompact(r.cache_read_tokens)} / {formatCompact(r.cache_write_tokens)}
            </td>
            <td className="px-3 py-2">{formatUsd(Number(r.gross_usd))}</td>
            <td className="px-3 py-2">{formatUsd(Number(r.premium_usd))}</td>
            <td className={`px-3 py-2 font-medium ${Number(r.net_usd) < 0 ? "text-red-700" : ""}`}>{formatUsd(Number(r.net_usd))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
