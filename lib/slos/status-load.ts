import "server-only";
import { yieldEvery } from "@/lib/scheduling/yield-slices";
import { sliceCounts } from "./sli";
import { chartSeries, readRange, statusFromSlices, type ChartPoint } from "./status";
import type { SloConfig, SloStatus } from "./types";

export type SloWithStatus = SloConfig & { status: SloStatus };

/** Statuses of a list of SLOs, one SLI read each; the thread is handed back between reads. */
export async function sloStatuses(slos: SloConfig[], now = new Date()): Promise<SloWithStatus[]> {
  const pause = yieldEvery();
  const out: SloWithStatus[] = [];
  for (const slo of slos) {
    const r = readRange(slo, now);
    out.push({ ...slo, status: statusFromSlices(slo, await sliceCounts(slo, r.from, r.to), now) });
    await pause();
  }
  return out;
}

/** One SLO's status and its hourly chart series, from one read. */
export async function sloDetail(slo: SloConfig, now = new Date()): Promise<{ status: SloStatus; chart: ChartPoint[] }> {
  const r = readRange(slo, now);
  const slices = await sliceCounts(slo, r.from, r.to);
  return { status: statusFromSlices(slo, slices, now), chart: chartSeries(slo, slices, now) };
}
