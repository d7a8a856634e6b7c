"use client";

import { Cell, Pie, PieChart, ResponsiveContainer, Tooltip } from "recharts";
import type { SpendTotals } from "@/lib/analytics/spend";
import { formatCompact, formatPercent } from "@/components/format";

const COLORS = ["#6366f1", "#10b981", "#f59e0b", "#ef4444"];

/** Where the tokens go: uncached input, cache reads, cache writes, output. */
export function TokenMix({ totals }: { totals: SpendTotals }) {
  const parts = [
    { name: "Uncached input", value: totals.input_uncached_tokens },
    { name: "Cache read", value: totals.cache_read_tokens },
    { name: "Cache write", value: totals.cache_write_5m_tokens + totals.cache_write_1h_tokens },
    { name: "Output", value: totals.output_tokens },
  ];
  const sum = parts.reduce((n, p) => n + p.value, 0);
  return (
    <section data-testid="token-mix" className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">Token mix</h2>
      <div className="h-48">
        <ResponsiveContainer width="100%" height="100%">
          <PieChart>
            <Pie data={parts} dataKey="value" nameKey="name" innerRadius={45} outerRadius={80} isAnimationActive={false}>
              {parts.map((p, i) => (
                <Cell key={p.name} fill={COLORS[i]} />
              ))}
            </Pie>
            <Tooltip formatter={(v) => formatCompact(Number(v))} />
          </PieChart>
        </ResponsiveContainer>
      </div>
      <ul className="mt-2 space-y-1 text-sm">
        {parts.map((p, i) => (
          <li key={p.name} className="flex items-center gap-2">
            <span className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: COLORS[i] }} />
            <span>{p.name}</span>
            <span className="ml-auto tabular-nums text-slate-600">
              {formatCompact(p.value)} · {sum > 0 ? formatPercent(p.value / sum) : "—"}
            </span>
          </li>
        ))}
      </ul>
      {totals.reasoning_tokens > 0 && <p className="mt-2 text-xs text-slate-500">Output includes {formatCompact(totals.reasoning_tokens)} reasoning tokens.</p>}
    </section>
  );
}
