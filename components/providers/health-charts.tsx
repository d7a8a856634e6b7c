"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { HealthPoint } from "@/lib/provider-health/health-query";

const COLORS = ["#4f46e5", "#0891b2", "#d97706", "#db2777", "#16a34a", "#64748b"];

type Metric = "error_rate" | "latency_ms_p95" | "headroom_min_share";

/** One series per provider: the providers side by side over the range. */
function pivot(points: HealthPoint[], metric: Metric) {
  const byTs = new Map<string, Record<string, number | string | null>>();
  for (const p of points) {
    const row = byTs.get(p.ts) ?? { ts: p.ts };
    row[p.provider] = metric === "error_rate" ? (p.requests ? (p.errors / p.requests) * 100 : null) : metric === "headroom_min_share" ? (p.headroom_min_share === null ? null : p.headroom_min_share * 100) : p.latency_ms_p95;
    byTs.set(p.ts, row);
  }
  return [...byTs.values()];
}

function Chart({ title, points, metric, unit, interval }: { title: string; points: HealthPoint[]; metric: Metric; unit: string; interval: "hour" | "day" }) {
  const providers = [...new Set(points.map((p) => p.provider))];
  const data = pivot(points, metric);
  const label = (v: unknown) => (interval === "hour" ? String(v).slice(5, 16).replace("T", " ") : String(v).slice(0, 10));
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4">
      <h3 className="mb-2 text-sm font-medium text-slate-700">{title}</h3>
      <div className="h-56">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ left: 4, right: 12, top: 4 }} accessibilityLayer>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="ts" tickFormatter={label} minTickGap={24} fontSize={12} />
            <YAxis fontSize={12} width={48} tickFormatter={(v) => `${Math.round(Number(v))}${unit}`} />
            <Tooltip labelFormatter={label} formatter={(v) => `${Math.round(Number(v) * 10) / 10}${unit}`} isAnimationActive={false} />
            <Legend />
            {providers.map((p, i) => (
              <Line key={p} dataKey={p} stroke={COLORS[i % COLORS.length]} dot={false} strokeWidth={2} isAnimationActive={false} connectNulls={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}

export function HealthCharts({ points, interval }: { points: HealthPoint[]; interval: "hour" | "day" }) {
  if (points.length === 0) return null;
  return (
    <div className="grid gap-4 lg:grid-cols-3" data-testid="provider-health-charts">
      <Chart title="Error rate" points={points} metric="error_rate" unit="%" interval={interval} />
      <Chart title="Latency p95" points={points} metric="latency_ms_p95" unit=" ms" interval={interval} />
      <Chart title="Lowest rate-limit headroom" points={points} metric="headroom_min_share" unit="%" interval={interval} />
    </div>
  );
}
