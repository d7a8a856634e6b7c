import "server-only";
import type { CauseItem } from "@/lib/alert-contract/condition";
import { decomposeChange, explainAnomaly, type UsageRecord } from "@/lib/anomalies/root-cause";
import { DIMENSIONS } from "@/lib/domain/event";
import { HOUR_MS, readBreakdown } from "./ledger-reads";
import { overviewUrl } from "./links";
import type { MonitorScope } from "./types";

const MAX_CAUSE_ITEMS = 8;
const DAY_HOURS = 24;

/** The same hours on each of the 7 previous days: the baseline a root cause is measured against. */
export function baselineHours(hours: number[]): number[] {
  const out: number[] = [];
  for (let d = 1; d <= 7; d++) for (const h of hours) out.push(h - d * DAY_HOURS);
  return out;
}

/**
 * Root cause of a change in one series: its spend by every dimension in `hours` against the same
 * hours of the previous week, scaled (`scale(baselineTotal)`) to what the caller expected, ranked by
 * $ impact with each value's own volume / mix / size split and a link to the overview filtered to it.
 * Dimensions the series is pinned to by a single value (the series itself) are left out.
 */
export async function explainSeries(
  orgId: string,
  filters: MonitorScope,
  hours: number[],
  scale: (baselineCostUsd: number, baselineRequests: number) => number,
): Promise<CauseItem[]> {
  const [current, baseline] = await Promise.all([readBreakdown(orgId, filters, hours), readBreakdown(orgId, filters, baselineHours(hours))]);
  if (current.length === 0) return [];
  const baseCost = baseline.reduce((s, r) => s + r.cost, 0);
  const baseReq = baseline.reduce((s, r) => s + r.requests, 0);
  const k = scale(baseCost, baseReq);
  const pinned = new Set(DIMENSIONS.filter((d) => filters[d]?.length === 1));
  const dimensions = DIMENSIONS.filter((d) => !pinned.has(d));
  const report = explainAnomaly(baseline, current, { baselineScale: k, dimensions });
  const total = report.impact;
  const from = (Math.min(...hours) - DAY_HOURS) * HOUR_MS;
  const to = (Math.max(...hours) + 1) * HOUR_MS;
  // A dimension with one value everywhere (every call on one provider) "explains" all of any change
  // and says nothing; among equal impacts the value of the finer dimension is the more specific.
  const distinct = new Map<string, number>();
  for (const d of dimensions) distinct.set(d, new Set([...baseline, ...current].map((r) => r.dims[d])).size);
  const sameSign = report.topContributors.filter((c) => (total >= 0 ? c.impact > 0 : c.impact < 0));
  const varied = sameSign.filter((c) => (distinct.get(c.dimension) ?? 0) > 1);
  // When every dimension is constant (one feature, one model...), those values are the whole story.
  return (varied.length ? varied : sameSign)
    .sort((a, b) => {
      const tie = Math.abs(Math.abs(a.impact) - Math.abs(b.impact)) <= 1e-9 * Math.max(Math.abs(a.impact), Math.abs(b.impact));
      if (!tie) return Math.abs(b.impact) - Math.abs(a.impact);
      return (distinct.get(b.dimension) ?? 0) - (distinct.get(a.dimension) ?? 0) || DIMENSIONS.indexOf(a.dimension as never) - DIMENSIONS.indexOf(b.dimension as never);
    })
    .slice(0, MAX_CAUSE_ITEMS)
    .map((c) => {
      const only = (rows: UsageRecord[]) => rows.filter((r) => r.dims[c.dimension] === c.value);
      const split = decomposeChange(only(baseline), only(current), undefined, k);
      return {
        dimension: c.dimension,
        value: c.value,
        impact_usd: round(c.impact),
        share: total === 0 ? 0 : round(c.impact / total, 4),
        volume_usd: round(split.volume),
        mix_usd: round(split.mix),
        size_usd: round(split.size),
        url: overviewUrl({ ...filters, [c.dimension]: [c.value] }, from, to),
      };
    });
}

function round(n: number, digits = 6): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** A cause is recomputed at most this often while its condition holds (two rollup reads each time). */
export const CAUSE_TTL_MS = 5 * 60_000;
const MAX_MEMO = 10_000;
const memo = new Map<string, { at: number; cause: CauseItem[] }>();

/**
 * The cause of a condition that holds pass after pass changes little within minutes: reuse it for
 * CAUSE_TTL_MS (by the pass clock) under `key` (the condition's key and hour), so a pass stays short
 * while many conditions hold and a new spike reaches the sink sooner.
 */
export async function memoCause(key: string, now: number, compute: () => Promise<CauseItem[]>): Promise<CauseItem[]> {
  const hit = memo.get(key);
  if (hit && now >= hit.at && now - hit.at < CAUSE_TTL_MS) return hit.cause;
  const cause = await compute();
  if (memo.size >= MAX_MEMO) memo.clear();
  memo.set(key, { at: now, cause });
  return cause;
}
