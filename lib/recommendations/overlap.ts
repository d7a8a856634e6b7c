import { picoToUsdString } from "@/lib/money/pico";
import type { RecommendationStatus } from "@/lib/recommendation-contract/candidate";
import { usdToPico } from "./money";

/**
 * One lever per feature and model at a time: candidates sharing an overlap_group change the same spend,
 * so their savings do not add up (routing triage to a mini model leaves less for caching to save). The
 * headline counts the largest of each group; the page marks the others as overlapping.
 */
export type OverlapItem = { id: string; overlap_group: string; monthly_savings_usd: string; status: RecommendationStatus; stale?: boolean };

/** Statuses whose savings are still to be had. */
export const OPEN_STATUSES: RecommendationStatus[] = ["open", "accepted"];

export type OverlapView = { counted: boolean; overlaps_with: string[] };

export function overlapViews(items: OverlapItem[]): Map<string, OverlapView> {
  const open = items.filter((i) => OPEN_STATUSES.includes(i.status) && !i.stale);
  const groups = new Map<string, OverlapItem[]>();
  for (const i of open) groups.set(i.overlap_group, [...(groups.get(i.overlap_group) ?? []), i]);
  const out = new Map<string, OverlapView>();
  for (const members of groups.values()) {
    // Ties go to the smaller id, so the counted member does not flip between page loads.
    const best = [...members].sort((a, b) => cmp(usdToPico(b.monthly_savings_usd), usdToPico(a.monthly_savings_usd)) || a.id.localeCompare(b.id))[0];
    for (const m of members) out.set(m.id, { counted: m.id === best.id, overlaps_with: members.filter((o) => o.id !== m.id).map((o) => o.id) });
  }
  for (const i of items) if (!out.has(i.id)) out.set(i.id, { counted: false, overlaps_with: [] });
  return out;
}

const cmp = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);

/** Total monthly savings still open, the best lever of each group only. */
export function openSavingsTotal(items: OverlapItem[]): string {
  const views = overlapViews(items);
  let total = 0n;
  for (const i of items) if (views.get(i.id)?.counted) total += usdToPico(i.monthly_savings_usd);
  return picoToUsdString(total);
}
