/**
 * Builds the stacked spend chart (top values of a dimension plus "Other") from three bounded
 * read-API answers: the top values with their totals, their per-bucket series, and the total series.
 * Pure, so the browser can run it and a test can check it. Same shape as overview.spendOverTime.
 */
import type { Dimension } from "@/lib/domain/event";
import { labelOf } from "./labels";

export const OTHER_KEY = "other";
/** How many values of the stack dimension get their own series; the rest is "Other". */
export const TOP_SERIES = 8;

export type SeriesPoint = { bucket: string } & Record<string, number | string>;
export type StackedSeries = {
  interval: "hour" | "day";
  stack: Dimension;
  /** chart keys s1..sN in descending spend order, then "other" when the rest is non-empty */
  series: { key: string; label: string; value: string | null; costUsd: number }[];
  points: SeriesPoint[];
};

type Row = { cost_usd: number; bucket?: string } & Partial<Record<Dimension, string>>;

export function shapeStackedSeries(input: {
  from: string;
  to: string;
  interval: "hour" | "day";
  stack: Dimension;
  /** the top values, biggest first, with their totals over the range */
  top: Row[];
  /** per bucket and top value */
  perValue: Row[];
  /** per bucket, everything in the view */
  total: Row[];
}): StackedSeries {
  const { stack, interval } = input;
  const values = input.top.map((r) => r[stack] ?? "");
  const stepMs = interval === "day" ? 86_400_000 : 3_600_000;
  const points = new Map<number, SeriesPoint>();
  const empty = (t: number): SeriesPoint => {
    const p: SeriesPoint = { bucket: new Date(t).toISOString() };
    values.forEach((_, i) => (p[`s${i + 1}`] = 0));
    p[OTHER_KEY] = 0;
    return p;
  };
  // Every bucket of the range, so days without spend show as gaps at zero rather than vanishing.
  const toMs = Date.parse(input.to);
  for (let t = Math.floor(Date.parse(input.from) / stepMs) * stepMs; t < toMs; t += stepMs) points.set(t, empty(t));
  const at = (bucket: string | undefined) => {
    const t = Date.parse(bucket ?? "");
    if (!points.has(t)) points.set(t, empty(t));
    return points.get(t)!;
  };

  for (const r of input.perValue) {
    const i = values.indexOf(r[stack] ?? "");
    if (i >= 0) at(r.bucket)[`s${i + 1}`] = r.cost_usd;
  }
  let otherTotal = 0;
  for (const r of input.total) {
    const p = at(r.bucket);
    const known = values.reduce((sum, _, i) => sum + Number(p[`s${i + 1}`]), 0);
    // Float subtraction of equal sums leaves dust; under a millionth of a cent is zero.
    const rest = Math.abs(r.cost_usd - known) < 1e-8 ? 0 : r.cost_usd - known;
    p[OTHER_KEY] = rest;
    otherTotal += rest;
  }

  const series: StackedSeries["series"] = input.top.map((r, i) => ({ key: `s${i + 1}`, label: labelOf(values[i]), value: values[i], costUsd: r.cost_usd }));
  if (otherTotal !== 0) series.push({ key: OTHER_KEY, label: "Other", value: null, costUsd: otherTotal });
  return { interval, stack, series, points: [...points.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => p) };
}
