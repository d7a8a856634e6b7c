"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ReplayResult } from "@/lib/whatif-contract/scenario";
import { formatInt, formatUsd, formatUsdCompact } from "@/components/format";

/** Exact decimals from the API, shown as money; the exact string stays in the title for reconciliation. */
function Money({ usd, testId }: { usd: string; testId?: string }) {
  return (
    <span title={`$${usd}`} data-testid={testId} data-usd={usd}>
      {formatUsd(Number(usd))}
    </span>
  );
}

function Card({ label, usd, hint, testId }: { label: string; usd: string; hint?: string; testId: string }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4">
      <div className="text-xs uppercase tracking-wide text-slate-500">{label}</div>
      <div className="mt-1 text-2xl font-semibold">
        <Money usd={usd} testId={testId} />
      </div>
      {hint && <div className="mt-1 text-xs text-slate-500">{hint}</div>}
    </div>
  );
}

export function ReplayResultView({ result }: { result: ReplayResult & { from?: string; to?: string } }) {
  const saved = Number(result.saved_usd);
  const months = result.by_month.map((m) => ({ month: m.month, before: Number(m.before_usd), after: Number(m.after_usd) }));
  return (
    <div className="space-y-4" data-testid="whatif-result">
      <div className="grid gap-3 sm:grid-cols-3">
        <Card label="Before" usd={result.before_usd} testId="whatif-before" hint={`${formatInt(result.requests_in_scope)} requests in scope`} />
        <Card label="After" usd={result.after_usd} testId="whatif-after" />
        <Card
          label={saved >= 0 ? "Saved" : "Costs more"}
          usd={result.saved_usd}
          testId="whatif-saved"
          hint={`${formatUsd(Number(result.monthly_saved_usd))} per 30 days`}
        />
      </div>
      {result.unpriced_requests > 0 && (
        <p data-testid="whatif-unpriced" className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-800">
          {formatInt(result.unpriced_requests)} requests in scope have no known price before or after the change: they keep their stored cost on both
          sides (unknown, not $0), so the saving leaves them out.
        </p>
      )}
      {months.length > 0 && (
        <section className="rounded-xl border border-slate-200 bg-white p-4">
          <h2 className="text-sm font-semibold">By month (UTC)</h2>
          <div className="mt-3 h-64">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={months} margin={{ left: 8, right: 8 }} accessibilityLayer>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="month" fontSize={12} />
                <YAxis tickFormatter={(v) => formatUsdCompact(Number(v))} fontSize={12} width={64} />
                <Tooltip formatter={(v, name) => [formatUsd(Number(v)), name]} isAnimationActive={false} />
                <Legend />
                <Bar dataKey="before" name="Before" fill="#94a3b8" isAnimationActive={false} />
                <Bar dataKey="after" name="After" fill="#6366f1" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </section>
      )}
      <table data-testid="whatif-features" className="w-full rounded-xl border border-slate-200 bg-white text-sm">
        <thead>
          <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
            <th className="px-3 py-2 font-medium">Feature</th>
            <th className="px-3 py-2 text-right font-medium">Requests</th>
            <th className="px-3 py-2 text-right font-medium">Before</th>
            <th className="px-3 py-2 text-right font-medium">After</th>
            <th className="px-3 py-2 text-right font-medium">Saved</th>
          </tr>
        </thead>
        <tbody>
          {result.by_feature.length === 0 && (
            <tr>
              <td colSpan={5} className="px-3 py-3 text-slate-500">
                No events in scope in this window.
              </td>
            </tr>
          )}
          {result.by_feature.map((l) => (
            <tr key={l.feature} className="border-t border-slate-100" data-feature={l.feature}>
              <td className="px-3 py-2">{l.feature || <span className="text-slate-400">(none)</span>}</td>
              <td className="px-3 py-2 text-right">{formatInt(l.requests)}</td>
              <td className="px-3 py-2 text-right"><Money usd={l.before_usd} /></td>
              <td className="px-3 py-2 text-right"><Money usd={l.after_usd} /></td>
              <td className="px-3 py-2 text-right"><Money usd={l.saved_usd} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
