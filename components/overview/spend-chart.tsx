"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { SpendOverTime } from "@/lib/analytics/overview";
import { formatDay, formatHour, formatUsd, formatUsdCompact } from "@/components/format";

const PALETTE = ["#6366f1", "#0ea5e9", "#10b981", "#f59e0b", "#ef4444", "#8b5cf6", "#14b8a6", "#f97316", "#94a3b8"];

export function SpendChart({ data }: { data: SpendOverTime }) {
  const tick = (v: string) => (data.interval === "day" ? formatDay(v) : formatHour(v));
  // Legend and tooltip list series biggest first (the query's order), not alphabetically.
  const rank = (key: unknown) => data.series.findIndex((s) => s.key === key);
  return (
    <div className="mt-3 h-72">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data.points} margin={{ left: 8, right: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="bucket" tickFormatter={tick} minTickGap={24} fontSize={12} />
          <YAxis tickFormatter={(v) => formatUsdCompact(Number(v))} fontSize={12} width={64} />
          <Tooltip labelFormatter={(v) => tick(String(v))} formatter={(v, name) => [formatUsd(Number(v)), name]} itemSorter={(item) => rank(item.dataKey)} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={(item) => rank(item.dataKey)} />
          {data.series.map((s, i) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId="spend" fill={PALETTE[i % PALETTE.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
