import type { CacheReportRow } from "@/lib/caches/report";
import { formatCompact, formatInt, formatPercent, formatUsd } from "@/components/format";

function bytes(n: number | null) {
  if (n === null) return <span className="text-slate-400">not reported</span>;
  const units = ["B", "KB", "MB", "GB", "TB"];
  let v = n, i = 0;
  while (v >= 1024 && i < units.length - 1) (v /= 1024), i++;
  return `${v.toFixed(v < 10 && i ? 1 : 0)} ${units[i]}`;
}

/** Application and semantic caches by name: hit rate, latency and storage where the cache reports them. */
export function AppCacheTable({ rows }: { rows: CacheReportRow[] }) {
  if (rows.length === 0)
    return (
      <p className="rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-500">
        No application cache data: send <code>cache: &quot;hit&quot;|&quot;miss&quot;</code> with events, or report stats to <code>POST /api/v1/cache-stats</code>.
      </p>
    );
  return (
    <table data-testid="app-caches" className="w-full rounded-xl border border-slate-200 bg-white text-sm">
      <thead>
        <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
          <th className="px-3 py-2 font-medium">Cache</th>
          <th className="px-3 py-2 font-medium">Hit rate</th>
          <th className="px-3 py-2 font-medium">Hits / lookups</th>
          <th className="px-3 py-2 font-medium">Saved (estimate)</th>
          <th className="px-3 py-2 font-medium">Latency p50 / p95</th>
          <th className="px-3 py-2 font-medium">Stored</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.cache}`} className="border-t border-slate-100" data-cache={r.cache}>
            <td className="px-3 py-2">
              <div className="font-medium">{r.cache}</div>
              <div className="text-xs text-slate-500">{r.kind}</div>
            </td>
            <td className="px-3 py-2">{r.hit_rate === null ? "–" : formatPercent(r.hit_rate)}</td>
            <td className="px-3 py-2">
              {formatCompact(r.hits)} / {formatCompact(r.lookups)}
            </td>
            <td className="px-3 py-2">{r.saved_usd === null ? <span className="text-slate-400">unknown</span> : formatUsd(Number(r.saved_usd))}</td>
            <td className="px-3 py-2">
              {r.latency_ms_p50 === null ? <span className="text-slate-400">not reported</span> : `${formatInt(r.latency_ms_p50)} / ${formatInt(r.latency_ms_p95 ?? r.latency_ms_p50)} ms`}
            </td>
            <td className="px-3 py-2">{bytes(r.bytes_stored)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
