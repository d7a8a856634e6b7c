import type { Headroom, ProviderHealthRow } from "@/lib/provider-health/health-query";
import { formatInt, formatPercent } from "@/components/format";

const ms = (v: number | null) => (v === null ? <span className="text-slate-400">unknown</span> : `${formatInt(v)} ms`);

function HeadroomCell({ h, alertPercent }: { h: Headroom | null; alertPercent: number }) {
  if (!h) return <span className="text-slate-400">not reported</span>;
  const low = h.latest_share * 100 < alertPercent;
  return (
    <div>
      <span className={low ? "font-semibold text-red-700" : "text-slate-900"}>{formatPercent(h.latest_share, 0)}</span>
      <span className="text-slate-500"> left ({formatInt(h.remaining)} of {formatInt(h.limit)})</span>
      <div className="text-xs text-slate-500">
        lowest {formatPercent(h.min_share, 0)}
        {h.reset_s !== null ? ` · resets in ${h.reset_s} s` : ""}
      </div>
    </div>
  );
}

/** Per provider and model: errors, 429s, latency and TTFT, and what is left under the rate limits. */
export function HealthTable({ rows, alertPercent }: { rows: ProviderHealthRow[]; alertPercent: number }) {
  if (rows.length === 0) return <p className="rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-500">No calls in this range.</p>;
  return (
    <table data-testid="provider-health" className="w-full rounded-xl border border-slate-200 bg-white text-sm">
      <thead>
        <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
          <th className="px-3 py-2 font-medium">Provider / model</th>
          <th className="px-3 py-2 font-medium">Requests</th>
          <th className="px-3 py-2 font-medium">Error rate</th>
          <th className="px-3 py-2 font-medium">429s</th>
          <th className="px-3 py-2 font-medium">Latency p50 / p95</th>
          <th className="px-3 py-2 font-medium">TTFT p50 / p95</th>
          <th className="px-3 py-2 font-medium">Requests headroom</th>
          <th className="px-3 py-2 font-medium">Tokens headroom</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.provider}/${r.model}`} className="border-t border-slate-100 align-top" data-provider={r.provider} data-model={r.model}>
            <td className="px-3 py-2">
              <div className="font-medium">{r.model}</div>
              <div className="text-xs text-slate-500">{r.provider}</div>
            </td>
            <td className="px-3 py-2">{formatInt(r.requests)}</td>
            <td className={`px-3 py-2 ${r.error_rate > 0.05 ? "font-semibold text-red-700" : ""}`}>{formatPercent(r.error_rate)}</td>
            <td className="px-3 py-2">{formatInt(r.http_429)}</td>
            <td className="px-3 py-2">
              {ms(r.latency_ms_p50)} / {ms(r.latency_ms_p95)}
            </td>
            <td className="px-3 py-2">
              {ms(r.ttft_ms_p50)} / {ms(r.ttft_ms_p95)}
            </td>
            <td className="px-3 py-2">
              <HeadroomCell h={r.headroom_requests} alertPercent={alertPercent} />
            </td>
            <td className="px-3 py-2">
              <HeadroomCell h={r.headroom_tokens} alertPercent={alertPercent} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
