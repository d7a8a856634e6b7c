"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDay, formatUsd, formatUsdCompact } from "@/components/format";

export type BilledChartPoint = { day: string; billed: number | null; attributed: number };

/** Billed per day as bars, attributed as a line: the gap between them is the unattributed spend. */
export function BilledChart({ points }: { points: BilledChartPoint[] }) {
  return (
    <div className="h-72 rounded-xl border border-slate-200 bg-white p-3" data-testid="billed-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={points} margin={{ left: 8, right: 16, top: 8 }} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tickFormatter={(v) => formatDay(String(v))} minTickGap={24} fontSize={12} />
          <YAxis tickFormatter={(v) => formatUsdCompact(Number(v))} fontSize={12} width={64} />
          <Tooltip labelFormatter={(v) => formatDay(String(v))} formatter={(v, name) => [v === null ? "unknown" : formatUsd(Number(v)), name]} isAnimationActive={false} />
          <Legend />
          <Bar dataKey="billed" name="Billed (provider)" fill="#c7d2fe" isAnimationActive={false} />
          <Line dataKey="attributed" name="Attributed (events)" stroke="#0f172a" strokeWidth={2} dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
