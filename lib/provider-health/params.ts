import { readTimeRange } from "@/lib/analytics/time-range";

const ALLOWED = ["from", "to", "range"];

/** from/to/range of GET /api/v1/provider-health, read as the overview reads them; anything else is refused. */
export function parseHealthQuery(sp: URLSearchParams, now = new Date()): { ok: true; from: Date; to: Date } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  for (const key of new Set(sp.keys())) {
    if (!ALLOWED.includes(key)) errors.push(`${key}: unknown parameter; expected ${ALLOWED.join(", ")}`);
    else if (sp.getAll(key).length > 1) errors.push(`${key}: given ${sp.getAll(key).length} times, expected once`);
  }
  // Default: the last 7 days; health is about now, not the month.
  const range = readTimeRange({ from: sp.get("from") ?? undefined, to: sp.get("to") ?? undefined, range: sp.get("range") ?? undefined }, 7, now);
  if (!range.ok) errors.push(...range.errors);
  if (errors.length || !range.ok) return { ok: false, errors };
  return { ok: true, from: range.range.from, to: range.range.to };
}
