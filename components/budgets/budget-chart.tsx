"use client";

import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { BudgetChartPoint } from "@/lib/budgets/daily-series";
import { formatDay, formatUsd, formatUsdCompact } from "@/components/format";

/** Real-time cost accumulation with the budget overlay and the projection to period end (80% band). */
export function BudgetChart({ points, amount }: { points: BudgetChartPoint[]; amount: number }) {
  const top = Math.max(amount, ...points.map((p) => Math.max(p.actual ?? 0, p.band?.[1] ?? 0))) * 1.1;
  return (
    <div className="h-80" data-testid="budget-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={points} margin={{ left: 8, right: 16, top: 8 }} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tickFormatter={(v) => formatDay(String(v))} minTickGap={24} fontSize={12} />
          <YAxis domain={[0, top]} tickFormatter={(v) => formatUsdCompact(Number(v))} fontSize={12} width={64} />
          <Tooltip
            labelFormatter={(v) => formatDay(String(v))}
            formatter={(v, name) => [Array.isArray(v) ? `${formatUsd(Number(v[0]))} – ${formatUsd(Number(v[1]))}` : formatUsd(Number(v)), name]}
            isAnimationActive={false}
          />
          <Legend />
          <Area dataKey="band" name="Forecast 80% interval" fill="#c7d2fe" stroke="none" isAnimationActive={false} connectNulls={false} />
          <Line dataKey="actual" name="Spent (cumulative)" stroke="#0f172a" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
          <Line dataKey="forecast" name="Forecast" stroke="#4f46e5" strokeDasharray="6 4" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
          <ReferenceLine y={amount} stroke="#dc2626" strokeWidth={1.5} label={{ value: `Budget ${formatUsd(amount)}`, position: "insideTopLeft", fontSize: 12, fill: "#dc2626" }} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
