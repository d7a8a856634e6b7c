import { z } from "zod";
import { readQueryParams } from "@/lib/http/query-params";
import { readTimeRange } from "@/lib/analytics/time-range";

/** Query string of GET /api/v1/reconciliation. */
export const RECONCILE_GROUPS = ["day", "provider", "model", "project", "team"] as const;
export type ReconcileGroup = (typeof RECONCILE_GROUPS)[number];
export const DEFAULT_GROUPS: ReconcileGroup[] = ["day", "provider", "model"];

const groups = z
  .string()
  .transform((s) => s.split(",").map((d) => d.trim()).filter(Boolean))
  .pipe(z.array(z.enum(RECONCILE_GROUPS, { error: `expected a comma-separated list of ${RECONCILE_GROUPS.join(", ")}` })));

const schema = z
  .object({ from: z.string().optional(), to: z.string().optional(), range: z.string().optional(), group_by: groups.optional() })
  .strict();

export type ReconcileParams = { from: Date; to: Date; groupBy: ReconcileGroup[] };

const DAY = 86_400_000;

/**
 * from/to/range read exactly as the overview and /api/v1/spend read them, then widened to whole UTC
 * days: provider costs are daily, so a reconciliation of part of a day would compare a whole day's
 * bill with part of its requests.
 */
export function parseReconcileParams(sp: URLSearchParams, now = new Date()): { ok: true; value: ReconcileParams } | { ok: false; errors: string[] } {
  const { raw, parsed, errors } = readQueryParams(sp, schema, "from, to, range or group_by");
  const range = readTimeRange({ from: raw.from, to: raw.to, range: raw.range }, undefined, now);
  if (!range.ok) errors.push(...range.errors);
  if (errors.length || !parsed.success || !range.ok) return { ok: false, errors };
  const from = new Date(Math.floor(range.range.from.getTime() / DAY) * DAY);
  const to = new Date(Math.ceil(range.range.to.getTime() / DAY) * DAY);
  const groupBy = parsed.data.group_by?.length ? [...new Set(parsed.data.group_by)] : DEFAULT_GROUPS;
  return { ok: true, value: { from, to, groupBy } };
}
