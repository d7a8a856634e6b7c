"use client";

import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceDot, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { SeriesPoint } from "@/lib/alert-contract/condition";
import { formatHour, formatUsd, formatUsdCompact } from "@/components/format";

/**
 * The series the alert is about: actual spend as a line, the expected band shaded (a stacked area from
 * lower to upper), the expected value dashed, and the points outside the band marked.
 */
export function SeriesChart({ series }: { series: SeriesPoint[] }) {
  const data = series.map((p) => ({
    ts: p.ts,
    actual: p.actual,
    expected: p.expected,
    base: p.lower,
    band: p.lower !== null && p.upper !== null ? p.upper - p.lower : null,
    outside: p.upper !== null && p.actual > p.upper ? true : p.lower !== null && p.actual < p.lower,
  }));
  return (
    <div data-testid="alert-series-chart" className="mt-3 h-72">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ left: 8, right: 8 }} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="ts" tickFormatter={(v) => formatHour(String(v))} minTickGap={24} fontSize={12} />
          <YAxis tickFormatter={(v) => formatUsdCompact(Number(v))} fontSize={12} width={64} />
          <Tooltip
            labelFormatter={(v) => formatHour(String(v))}
            formatter={(v, name) => (name === "Expected band" ? null : [formatUsd(Number(v)), name])}
            isAnimationActive={false}
          />
          <Legend />
          <Area dataKey="base" stackId="band" stroke="none" fill="transparent" legendType="none" isAnimationActive={false} name="lower" />
          <Area dataKey="band" stackId="band" stroke="none" fill="#c7d2fe" fillOpacity={0.6} isAnimationActive={false} name="Expected band" />
          <Line dataKey="expected" stroke="#6366f1" strokeDasharray="4 3" dot={false} isAnimationActive={false} name="Expected" />
          <Line dataKey="actual" stroke="#0f172a" dot={false} isAnimationActive={false} name="Actual" />
          {data.filter((d) => d.outside).map((d) => (
            <ReferenceDot key={d.ts} x={d.ts} y={d.actual} r={5} fill="#dc2626" stroke="white" />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
