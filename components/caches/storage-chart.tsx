"use client";

import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const COLORS = ["#4f46e5", "#0891b2", "#d97706", "#db2777", "#16a34a"];
const mb = (v: number) => `${Math.round(v / 1_048_576)} MB`;

/** Bytes stored per cache over time (the latest report of each day), where caches report it. */
export function StorageChart({ points }: { points: { day: string; cache: string; bytes_stored: number }[] }) {
  if (points.length === 0) return null;
  const caches = [...new Set(points.map((p) => p.cache))];
  const byDay = new Map<string, Record<string, number | string>>();
  for (const p of points) byDay.set(p.day, { ...(byDay.get(p.day) ?? { day: p.day }), [p.cache]: p.bytes_stored });
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4" data-testid="cache-storage">
      <h3 className="mb-2 text-sm font-medium text-slate-700">Storage used</h3>
      <div className="h-56">
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={[...byDay.values()]} margin={{ left: 4, right: 12, top: 4 }} accessibilityLayer>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" minTickGap={24} fontSize={12} />
            <YAxis fontSize={12} width={64} tickFormatter={(v) => mb(Number(v))} />
            <Tooltip formatter={(v) => mb(Number(v))} isAnimationActive={false} />
            <Legend />
            {caches.map((c, i) => (
              <Area key={c} dataKey={c} stackId="s" stroke={COLORS[i % COLORS.length]} fill={COLORS[i % COLORS.length]} fillOpacity={0.25} isAnimationActive={false} />
            ))}
          </AreaChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
