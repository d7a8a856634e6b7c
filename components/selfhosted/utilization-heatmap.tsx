import type { Heatmap } from "@/lib/selfhosted/page-data";
import { formatPercent } from "@/components/format";

const shade = (u: number | null) => (u === null ? "#f1f5f9" : `hsl(${Math.round(10 + 120 * u)} 70% ${Math.round(92 - 50 * u)}%)`);

/** Busy share per GPU (rows) over time (columns); an under-used GPU shows as a pale row. */
export function UtilizationHeatmap({ heatmap, bucket }: { heatmap: Heatmap; bucket: "hour" | "day" }) {
  if (heatmap.gpus.length === 0) return <p className="text-sm text-slate-500">No GPU samples match this deployment in the range.</p>;
  return (
    <div className="overflow-x-auto" data-testid="utilization-heatmap">
      <div className="grid gap-px text-xs" style={{ gridTemplateColumns: `10rem repeat(${heatmap.buckets.length}, minmax(6px, 1fr)) 4rem` }}>
        {heatmap.gpus.map((g) => {
          const known = g.util.filter((u): u is number => u !== null);
          const avg = known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
          return [
            <div key={`${g.key}-l`} className="truncate pr-2 text-slate-600" title={g.key}>
              {g.label}
            </div>,
            ...g.util.map((u, i) => <div key={`${g.key}-${i}`} className="h-5" style={{ background: shade(u) }} title={`${heatmap.buckets[i]}${bucket === "hour" ? "" : " (day)"}: ${u === null ? "not measured" : formatPercent(u)}`} />),
            <div key={`${g.key}-a`} className="pl-2 text-right tabular-nums text-slate-600" data-gpu-avg={g.label}>
              {avg === null ? "–" : formatPercent(avg, 0)}
            </div>,
          ];
        })}
      </div>
      <p className="mt-1 text-xs text-slate-500">
        {heatmap.buckets[0]} … {heatmap.buckets.at(-1)} · busy share per {bucket}: DCGM_FI_PROF_GR_ENGINE_ACTIVE where exported, else DCGM_FI_DEV_GPU_UTIL
      </p>
    </div>
  );
}

/** Average framebuffer memory used and free per GPU over the range. */
export function GpuMemory({ heatmap }: { heatmap: Heatmap }) {
  return (
    <ul className="space-y-1 text-xs" data-testid="gpu-memory">
      {heatmap.gpus.map((g) => {
        const total = (g.fbUsedMib ?? 0) + (g.fbFreeMib ?? 0);
        const share = total > 0 ? (g.fbUsedMib ?? 0) / total : 0;
        return (
          <li key={g.key} className="flex items-center gap-2">
            <span className="w-40 truncate text-slate-600">{g.label}</span>
            <span className="h-3 flex-1 rounded bg-slate-100">
              <span className="block h-3 rounded bg-indigo-500" style={{ width: `${share * 100}%` }} />
            </span>
            <span className="w-36 text-right tabular-nums text-slate-600">
              {g.fbUsedMib === null ? "–" : `${(g.fbUsedMib / 1024).toFixed(1)} / ${(total / 1024).toFixed(1)} GiB`}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
