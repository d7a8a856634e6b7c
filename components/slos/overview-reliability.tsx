import type { LatencyOverTime, VolumePoint } from "@/lib/analytics/latency";
import { LatencyChart, VolumeErrorsChart } from "./overview-reliability-charts";

export type ReliabilityData = Promise<[LatencyOverTime, { interval: "hour" | "day"; points: VolumePoint[] }]>;

const ms = (x: number | null) => (x === null ? "–" : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${Math.round(x)} ms`);

/** The overview's reliability panels: latency P50 / P95 / P99 and request volume with error rate, for the same view. */
export async function OverviewReliability({ data }: { data: ReliabilityData }) {
  const [latency, volume] = await data;
  if (!volume.points.length) return null;
  const o = latency.overall;
  return (
    <div className="mt-6 grid gap-6 lg:grid-cols-2">
      <section className="rounded-xl border border-slate-200 bg-white p-4" data-testid="latency-panel">
        <div className="mb-2 flex items-baseline justify-between">
          <h2 className="font-medium">Latency distribution P50 / P95 / P99</h2>
          <span className="text-sm tabular-nums text-slate-600">
            {ms(o.p50)} / {ms(o.p95)} / {ms(o.p99)}
          </span>
        </div>
        <LatencyChart points={latency.points} interval={latency.interval} />
      </section>
      <section className="rounded-xl border border-slate-200 bg-white p-4" data-testid="volume-errors-panel">
        <h2 className="mb-2 font-medium">Request volume and error rate over time</h2>
        <VolumeErrorsChart points={volume.points} interval={volume.interval} />
      </section>
    </div>
  );
}
