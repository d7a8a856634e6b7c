"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatUsd, formatUsdCompact, formatUnitUsd } from "@/components/format";

/** The review's three charts on screen (the PDF draws the same ones with echarts). */

export function MonthBars({ months }: { months: { month: string; cost: number }[] }) {
  return (
    <div className="h-56" data-testid="chart-by-month">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={months} margin={{ left: 8, right: 16, top: 8 }} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" fontSize={12} />
          <YAxis tickFormatter={(v) => formatUsdCompact(Number(v))} fontSize={12} width={64} />
          <Tooltip formatter={(v) => formatUsd(Number(v))} isAnimationActive={false} />
          <Bar dataKey="cost" name="Spend" fill="#2563eb" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function FeatureBars({ items }: { items: { name: string; cost: number }[] }) {
  return (
    <div style={{ height: Math.max(160, 40 + items.length * 28) }} data-testid="chart-by-feature">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={items} layout="vertical" margin={{ left: 8, right: 16, top: 8 }} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={(v) => formatUsdCompact(Number(v))} fontSize={12} />
          <YAxis type="category" dataKey="name" width={140} fontSize={12} />
          <Tooltip formatter={(v) => formatUsd(Number(v))} isAnimationActive={false} />
          <Bar dataKey="cost" name="Spend" fill="#0d9488" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function TierBenchmarkBars({ tiers }: { tiers: { tier: string; measured: number; p50: number; worldClass: number }[] }) {
  if (tiers.length === 0) return null;
  return (
    <div className="h-56" data-testid="chart-unit-cost">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={tiers} margin={{ left: 8, right: 16, top: 8 }} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="tier" fontSize={12} />
          <YAxis tickFormatter={(v) => formatUnitUsd(Number(v))} fontSize={12} width={64} />
          <Tooltip formatter={(v) => formatUnitUsd(Number(v))} isAnimationActive={false} />
          <Legend />
          <Bar dataKey="measured" name="Measured $/1M tokens" fill="#2563eb" isAnimationActive={false} />
          <Bar dataKey="p50" name="Industry P50 (upper edge)" fill="#f59e0b" isAnimationActive={false} />
          <Bar dataKey="worldClass" name="World class (upper edge)" fill="#16a34a" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
