import { readTimeRange } from "@/lib/analytics/time-range";
import { CACHE_GROUPS, type CacheGroup } from "./report";

export type CachesQuery = { from: Date; to: Date; groupBy: CacheGroup };

const ALLOWED = ["from", "to", "range", "group_by"];

/**
 * Query string of GET /api/v1/caches: from/to/range read exactly as the overview reads them (a
 * date-only `to` is inclusive; default the last 30 days) and group_by (default layer). Unknown or
 * repeated parameters are refused so a typo is not silently ignored.
 */
export function parseCachesQuery(sp: URLSearchParams, now = new Date()): { ok: true; value: CachesQuery } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  for (const key of new Set(sp.keys())) {
    if (!ALLOWED.includes(key)) errors.push(`${key}: unknown parameter; expected ${ALLOWED.join(", ")}`);
    else if (sp.getAll(key).length > 1) errors.push(`${key}: given ${sp.getAll(key).length} times, expected once`);
  }
  const groupBy = (sp.get("group_by") ?? "layer").trim();
  if (!(CACHE_GROUPS as readonly string[]).includes(groupBy)) errors.push(`group_by: expected one of ${CACHE_GROUPS.join(", ")}`);
  const range = readTimeRange({ from: sp.get("from") ?? undefined, to: sp.get("to") ?? undefined, range: sp.get("range") ?? undefined }, undefined, now);
  if (!range.ok) errors.push(...range.errors);
  if (errors.length || !range.ok) return { ok: false, errors };
  return { ok: true, value: { from: range.range.from, to: range.range.to, groupBy: groupBy as CacheGroup } };
}
