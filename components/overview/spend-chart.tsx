"use client";

import { useEffect, useRef, useState } from "react";
import type { SpendOverTime } from "@/lib/analytics/overview";
import { formatDay, formatHour, formatUsd, formatUsdCompact } from "@/components/format";

const PALETTE = ["#6366f1", "#0ea5e9", "#10b981", "#f59e0b", "#ef4444", "#8b5cf6", "#14b8a6", "#f97316", "#94a3b8"];
const HEIGHT = 288;
const LEFT = 64;
const TOP = 8;
const BOTTOM = 24;
const TICKS = 4;

/**
 * Stacked bars of spend per bucket, drawn as plain SVG: one rectangle per bar and one element per
 * bucket for the hover, about ten times fewer components than the charting library needed for the
 * same picture. With 90 days and nine series that was most of the time a change of range took in
 * the browser. Series stack in the order given (biggest first), negative amounts below zero.
 */
export function SpendChart({ data }: { data: SpendOverTime }) {
  const [hover, setHover] = useState<number | null>(null);
  const width = useWidth();
  const label = (v: string) => (data.interval === "day" ? formatDay(v) : formatHour(v));
  const n = data.points.length;
  const stacks = data.points.map((p) => {
    let up = 0;
    let down = 0;
    return data.series.map((s) => {
      const v = Number(p[s.key]) || 0;
      const from = v >= 0 ? up : down;
      if (v >= 0) up += v;
      else down += v;
      return { from, to: from + v, v };
    });
  });
  const max = niceCeil(Math.max(0, ...stacks.map((st) => st.reduce((m, b) => Math.max(m, b.to), 0))));
  const min = -niceCeil(-Math.min(0, ...stacks.map((st) => st.reduce((m, b) => Math.min(m, b.to), 0))));
  const span = max - min || 1;
  const y = (v: number) => ((max - v) / span) * 100; // percent from the top of the plot
  const ticks = Array.from({ length: TICKS + 1 }, (_, i) => max - (span * i) / TICKS);
  // A label every `every` buckets, so labels of about 56 px never overlap at this width.
  const every = Math.max(1, Math.ceil((n * 56) / Math.max(1, (width.value ?? 720) - LEFT)));
  const hovered = hover === null ? null : data.points[hover];

  return (
    <div ref={width.ref} className="mt-3">
      <div className="relative" style={{ height: HEIGHT }} onMouseLeave={() => setHover(null)}>
        {ticks.map((t) => (
          <div key={t} className="absolute left-0 w-14 -translate-y-1/2 text-right text-xs tabular-nums text-slate-500" style={{ top: TOP + (y(t) / 100) * (HEIGHT - TOP - BOTTOM) }}>
            {formatUsdCompact(t)}
          </div>
        ))}
        <div className="absolute right-2" style={{ left: LEFT, top: TOP, bottom: BOTTOM }}>
          <svg role="img" aria-label={`Spend per ${data.interval}, stacked by ${data.stack}`} className="absolute inset-0 h-full w-full overflow-visible" viewBox={`0 0 ${Math.max(1, n)} 100`} preserveAspectRatio="none">
            {ticks.map((t) => (
              <line key={t} x1={0} x2={Math.max(1, n)} y1={y(t)} y2={y(t)} stroke="#e2e8f0" strokeDasharray="3 3" vectorEffect="non-scaling-stroke" />
            ))}
            {stacks.map((st, i) =>
              st.map((b, k) =>
                b.v === 0 ? null : (
                  <rect key={`${i}-${k}`} x={i + 0.1} width={0.8} y={y(Math.max(b.from, b.to))} height={Math.abs(y(b.from) - y(b.to))} fill={PALETTE[k % PALETTE.length]} />
                ),
              ),
            )}
            {data.points.map((p, i) => (
              <rect key={p.bucket} x={i} width={1} y={0} height={100} fill={hover === i ? "rgba(148,163,184,0.15)" : "transparent"} onMouseEnter={() => setHover(i)} />
            ))}
          </svg>
          {data.points.map((p, i) =>
            i % every === 0 ? (
              <div key={p.bucket} className="absolute top-full mt-1 -translate-x-1/2 whitespace-nowrap text-xs text-slate-500" style={{ left: `${((i + 0.5) / n) * 100}%` }}>
                {label(p.bucket)}
              </div>
            ) : null,
          )}
          {hovered && hover !== null && (
            <div
              role="tooltip"
              className="pointer-events-none absolute top-2 z-10 min-w-40 rounded-md border border-slate-200 bg-white p-2 text-xs shadow"
              style={hover < n / 2 ? { left: `${((hover + 1) / n) * 100}%` } : { right: `${((n - hover) / n) * 100}%` }}
            >
              <p className="mb-1 font-medium">{label(hovered.bucket)}</p>
              {data.series.map((s, k) => (
                <p key={s.key} className="flex gap-3">
                  <span style={{ color: PALETTE[k % PALETTE.length] }}>{s.label}</span>
                  <span className="ml-auto tabular-nums">{formatUsd(Number(hovered[s.key]) || 0)}</span>
                </p>
              ))}
            </div>
          )}
        </div>
      </div>
      <ul data-testid="chart-legend" className="mt-2 flex flex-wrap justify-center gap-x-3 gap-y-1 text-xs">
        {data.series.map((s, k) => (
          <li key={s.key} className="flex items-center gap-1">
            <span className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: PALETTE[k % PALETTE.length] }} />
            {s.label}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** 1, 2, 2.5 or 5 times a power of ten, at or above v: round numbers on the axis. */
function niceCeil(v: number): number {
  if (v <= 0) return 0;
  const p = 10 ** Math.floor(Math.log10(v));
  return ([1, 2, 2.5, 5, 10].find((m) => m * p >= v) ?? 10) * p;
}

/** The element's width, kept current; null until measured (the server's render and the first frame). */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [value, setValue] = useState<number | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => setValue(e.contentRect.width));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return { ref, value };
}
