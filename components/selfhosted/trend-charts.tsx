"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TrendPoint } from "@/lib/selfhosted/page-data";
import { formatUnitUsd, formatUsd } from "@/components/format";

/** $/1M tokens on both bases (lines, right axis) and the idle $ of each bucket (bars, left axis). */
export function CostTrendChart({ points }: { points: TrendPoint[] }) {
  return (
    <div className="h-72" data-testid="cost-trend">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={points} margin={{ left: 8, right: 8, top: 8 }} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="t" minTickGap={24} fontSize={12} />
          <YAxis yAxisId="usd" tickFormatter={(v) => formatUsd(Number(v))} fontSize={12} width={70} />
          <YAxis yAxisId="rate" orientation="right" tickFormatter={(v) => formatUnitUsd(Number(v))} fontSize={12} width={70} />
          <Tooltip formatter={(v, name) => [v === null || v === undefined ? "–" : String(name).startsWith("$/1M") ? formatUnitUsd(Number(v)) : formatUsd(Number(v)), name]} isAnimationActive={false} />
          <Legend />
          <Bar yAxisId="usd" dataKey="gpu_cost" name="GPU cost" fill="#c7d2fe" isAnimationActive={false} />
          <Bar yAxisId="usd" dataKey="idle" name="Idle cost" fill="#fca5a5" isAnimationActive={false} />
          <Line yAxisId="rate" dataKey="alloc_per_1m" name="$/1M tokens (allocation)" stroke="#0f172a" dot={false} isAnimationActive={false} connectNulls={false} />
          <Line yAxisId="rate" dataKey="usage_per_1m" name="$/1M tokens (usage)" stroke="#4f46e5" strokeDasharray="5 3" dot={false} isAnimationActive={false} connectNulls={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

const PANELS: { key: keyof TrendPoint; title: string; color: string }[] = [
  { key: "tokens_per_s", title: "Tokens per second", color: "#0f172a" },
  { key: "queue", title: "Queue depth (waiting requests)", color: "#ea580c" },
  { key: "kv_cache", title: "KV-cache use (0-1)", color: "#4f46e5" },
  { key: "preemptions", title: "Preemptions", color: "#dc2626" },
];

export function ServingPanels({ points }: { points: TrendPoint[] }) {
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2" data-testid="serving-panels">
      {PANELS.map((p) => (
        <div key={p.key} className="rounded-xl border border-slate-200 bg-white p-3">
          <h3 className="text-sm font-medium text-slate-700">{p.title}</h3>
          <div className="h-36">
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={points} margin={{ left: 0, right: 8, top: 8 }}>
                <XAxis dataKey="t" hide />
                <YAxis fontSize={11} width={48} />
                <Tooltip isAnimationActive={false} formatter={(v) => (typeof v === "number" ? v.toLocaleString("en-US", { maximumFractionDigits: 3 }) : "–")} />
                <Line dataKey={p.key} stroke={p.color} dot={false} isAnimationActive={false} connectNulls={false} />
              </LineChart>
            </ResponsiveContainer>
          </div>
        </div>
      ))}
    </div>
  );
}
