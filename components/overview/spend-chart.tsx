"use client";

import { memo } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { SpendOverTime } from "@/lib/analytics/overview";
import { formatDay, formatHour, formatUsd, formatUsdCompact } from "@/components/format";

const PALETTE = ["#6366f1", "#0ea5e9", "#10b981", "#f59e0b", "#ef4444", "#8b5cf6", "#14b8a6", "#f97316", "#94a3b8"];

/**
 * Stacked bars of spend per bucket. Ninety days of nine series is about 800 bars, which is most of
 * the browser's work on a change of view: the chart is memoized on its data, so it redraws once per
 * new answer and never for a pending state, a hover elsewhere or a parent's re-render.
 */
export const SpendChart = memo(function SpendChart({ data }: { data: SpendOverTime }) {
  const tick = (v: string) => (data.interval === "day" ? formatDay(v) : formatHour(v));
  // The tooltip lists series biggest first (the query's order), as the legend does, not alphabetically.
  const rank = (key: unknown) => data.series.findIndex((s) => s.key === key);
  return (
    <div className="mt-3 h-72">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data.points} margin={{ left: 8, right: 8 }} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="bucket" tickFormatter={tick} minTickGap={24} fontSize={12} />
          <YAxis tickFormatter={(v) => formatUsdCompact(Number(v))} fontSize={12} width={64} />
          <Tooltip labelFormatter={(v) => tick(String(v))} formatter={(v, name) => [formatUsd(Number(v)), name]} itemSorter={(item) => rank(item.dataKey)} isAnimationActive={false} />
          <Legend content={<SeriesLegend series={data.series} />} />
          {data.series.map((s, i) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId="spend" fill={PALETTE[i % PALETTE.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
});

function SeriesLegend({ series }: { series: SpendOverTime["series"] }) {
  return (
    <ul data-testid="chart-legend" className="mt-2 flex flex-wrap justify-center gap-x-3 gap-y-1 text-xs">
      {series.map((s, k) => (
        <li key={s.key} className="flex items-center gap-1">
          <span className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: PALETTE[k % PALETTE.length] }} />
          {s.label}
        </li>
      ))}
    </ul>
  );
}
