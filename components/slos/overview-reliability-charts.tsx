"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { LatencyPoint, VolumePoint } from "@/lib/analytics/latency";
import { formatCompact, formatDay, formatHour } from "@/components/format";

const tick = (interval: "hour" | "day") => (v: unknown) => (interval === "hour" ? formatHour(String(v)) : formatDay(String(v)));

export function LatencyChart({ points, interval }: { points: LatencyPoint[]; interval: "hour" | "day" }) {
  return (
    <div className="h-64">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ left: 8, right: 16, top: 8 }} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="ts" tickFormatter={tick(interval)} minTickGap={24} fontSize={12} />
          <YAxis fontSize={12} width={56} tickFormatter={(v) => `${formatCompact(Number(v))} ms`} />
          <Tooltip labelFormatter={tick(interval)} formatter={(v, name) => [`${Math.round(Number(v))} ms`, name]} isAnimationActive={false} />
          <Legend />
          <Line dataKey="p50" name="P50" stroke="#0f766e" dot={false} isAnimationActive={false} />
          <Line dataKey="p95" name="P95" stroke="#b45309" dot={false} isAnimationActive={false} />
          <Line dataKey="p99" name="P99" stroke="#b91c1c" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export function VolumeErrorsChart({ points, interval }: { points: VolumePoint[]; interval: "hour" | "day" }) {
  const data = points.map((p) => ({ ...p, error_pct: p.error_rate === null ? null : p.error_rate * 100 }));
  return (
    <div className="h-64">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ left: 8, right: 16, top: 8 }} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="ts" tickFormatter={tick(interval)} minTickGap={24} fontSize={12} />
          <YAxis yAxisId="n" fontSize={12} width={48} tickFormatter={(v) => formatCompact(Number(v))} />
          <YAxis yAxisId="e" orientation="right" fontSize={12} width={44} tickFormatter={(v) => `${v}%`} />
          <Tooltip labelFormatter={tick(interval)} formatter={(v, name) => [name === "Error rate" ? `${Number(v).toFixed(2)}%` : formatCompact(Number(v)), name]} isAnimationActive={false} />
          <Legend />
          <Bar yAxisId="n" dataKey="requests" name="Requests" fill="#94a3b8" isAnimationActive={false} />
          <Line yAxisId="e" dataKey="error_pct" name="Error rate" stroke="#dc2626" dot={false} isAnimationActive={false} connectNulls={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
