"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { SpendOverTime } from "@/lib/analytics/overview";
import type { Dimension, DimensionFilters } from "@/lib/analytics/filters";
import { shapeStackedSeries, TOP_SERIES } from "@/lib/analytics/stack-series";

/** The view the chart shows, as the read API takes it. */
export type ChartQuery = { from: string; to: string; interval: "hour" | "day"; filters: DimensionFilters };

/** The costliest values of a dimension in the view, biggest first, when the page already knows them. */
export type TopValues = Partial<Record<Dimension, { value: string; costUsd: number }[]>>;

type ApiRow = { cost_usd: number; bucket?: string } & Partial<Record<Dimension, string>>;

async function getRows(q: ChartQuery, extra: Record<string, string>, filters: DimensionFilters): Promise<ApiRow[]> {
  const sp = new URLSearchParams({ from: q.from, to: q.to, ...extra });
  for (const [dim, values] of Object.entries(filters)) for (const v of values ?? []) sp.append(dim, v);
  const res = await fetch(`/api/v1/spend?${sp}`, { headers: { accept: "application/json" } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: string } | null;
    throw new Error(body?.error ?? `the spend API answered ${res.status}`);
  }
  return ((await res.json()) as { rows: ApiRow[] }).rows;
}

/**
 * The chart for another stack dimension, from GET /api/v1/spend in bounded calls: the top values
 * (skipped when the driver table of that dimension already has them), then their series and the
 * total series side by side. Never one row per value per bucket, which for users or customers could
 * be huge.
 */
export async function fetchSpendOverTime(q: ChartQuery, stack: Dimension, known?: { value: string; costUsd: number }[]): Promise<SpendOverTime> {
  const top = known
    ? known.slice(0, TOP_SERIES).map((v): ApiRow => ({ [stack]: v.value, cost_usd: v.costUsd }))
    : await getRows(q, { group_by: stack, limit: String(TOP_SERIES) }, q.filters);
  const values = top.map((r) => r[stack] ?? "");
  const [perValue, total] = await Promise.all([
    values.length ? getRows(q, { group_by: stack, interval: q.interval }, { ...q.filters, [stack]: values }) : Promise.resolve([]),
    getRows(q, { interval: q.interval }, q.filters),
  ]);
  return shapeStackedSeries({ from: q.from, to: q.to, interval: q.interval, stack, top, perValue, total });
}

/** The chart's data for a stack dimension; the server's render seeds the cache for the stack it drew. */
export function useSpendOverTime(q: ChartQuery, stack: Dimension, initial: SpendOverTime, tops: TopValues) {
  return useQuery({
    queryKey: ["spend-over-time", q, stack],
    queryFn: () => fetchSpendOverTime(q, stack, tops[stack]),
    initialData: stack === initial.stack ? initial : undefined,
    placeholderData: keepPreviousData,
  });
}
