"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartPoint } from "@/lib/slos/status";
import { formatHour } from "@/components/format";

/** Hourly burn rate over the window, with the page (14.4×) and ticket (1×) factors drawn in. */
export function BurnChart({ points }: { points: ChartPoint[] }) {
  return (
    <div className="h-64" data-testid="slo-burn-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ left: 8, right: 16, top: 8 }} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="ts" tickFormatter={(v) => formatHour(String(v))} minTickGap={32} fontSize={12} />
          <YAxis fontSize={12} width={48} tickFormatter={(v) => `${v}×`} />
          <Tooltip labelFormatter={(v) => formatHour(String(v))} formatter={(v) => [`${Number(v).toFixed(2)}×`, "burn rate (1 h)"]} isAnimationActive={false} />
          <Line dataKey="burn_1h" name="Burn rate (1 h)" stroke="#dc2626" dot={false} strokeWidth={1.5} isAnimationActive={false} connectNulls={false} />
          <ReferenceLine y={14.4} stroke="#7f1d1d" strokeDasharray="4 4" label={{ value: "page 14.4×", position: "insideTopLeft", fontSize: 11 }} />
          <ReferenceLine y={1} stroke="#b45309" strokeDasharray="4 4" label={{ value: "1×", position: "insideTopLeft", fontSize: 11 }} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Error budget left over the window (100% at its start; below 0 overspent). */
export function BudgetChart({ points }: { points: ChartPoint[] }) {
  const data = points.map((p) => ({ ts: p.ts, left: p.budget_remaining === null || !Number.isFinite(p.budget_remaining) ? null : p.budget_remaining * 100 }));
  return (
    <div className="h-64" data-testid="slo-budget-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ left: 8, right: 16, top: 8 }} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="ts" tickFormatter={(v) => formatHour(String(v))} minTickGap={32} fontSize={12} />
          <YAxis fontSize={12} width={56} tickFormatter={(v) => `${v}%`} />
          <Tooltip labelFormatter={(v) => formatHour(String(v))} formatter={(v) => [`${Number(v).toFixed(1)}%`, "budget left"]} isAnimationActive={false} />
          <ReferenceLine y={0} stroke="#64748b" />
          <Line dataKey="left" name="Error budget left" stroke="#4f46e5" dot={false} strokeWidth={2} isAnimationActive={false} connectNulls />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
