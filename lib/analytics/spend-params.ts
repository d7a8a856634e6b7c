import { z } from "zod";
import { DIMENSIONS, type Dimension } from "@/lib/ingest/types";
import type { SpendQuery } from "./spend";

const DAY_MS = 86_400_000;
const MAX_RANGE_DAYS = 732;

const instant = z
  .string()
  .trim()
  .refine((s) => !Number.isNaN(Date.parse(s)), "expected an ISO 8601 date or time, e.g. 2026-11-01 or 2026-11-01T00:00:00Z")
  .transform((s) => new Date(s));

const dimensionList = z
  .string()
  .trim()
  .transform((s) => s.split(",").map((d) => d.trim()).filter(Boolean))
  .pipe(z.array(z.enum(DIMENSIONS, { error: `expected a comma-separated list of ${DIMENSIONS.join(", ")}` })).max(DIMENSIONS.length));

const paramsSchema = z
  .object({
    from: instant.optional(),
    to: instant.optional(),
    group_by: dimensionList.optional(),
    interval: z.enum(["hour", "day"], { error: "expected hour or day" }).optional(),
    limit: z.coerce.number().int().min(1).max(100_000).optional(),
  })
  .strict();

export type SpendParams = Omit<SpendQuery, "orgId">;

/**
 * Query string of GET /api/v1/spend: `from`/`to` (default: the last 30 days), `group_by`,
 * `interval`, `limit`, and any dimension as a filter (repeat it to match several values).
 * Unknown parameters are refused so a typo is not silently ignored.
 */
export function parseSpendParams(sp: URLSearchParams, now = new Date()): { ok: true; value: SpendParams } | { ok: false; errors: string[] } {
  const filters: Partial<Record<Dimension, string[]>> = {};
  const rest: Record<string, string> = {};
  const errors: string[] = [];
  for (const key of new Set(sp.keys())) {
    const values = sp.getAll(key);
    if ((DIMENSIONS as readonly string[]).includes(key)) {
      filters[key as Dimension] = values;
    } else if (values.length > 1) {
      errors.push(`${key}: given ${values.length} times, expected once`);
    } else {
      rest[key] = values[0];
    }
  }
  const parsed = paramsSchema.safeParse(rest);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === "unrecognized_keys") {
        errors.push(`unknown parameter${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}: expected from, to, group_by, interval, limit or a dimension (${DIMENSIONS.join(", ")})`);
      } else {
        errors.push(`${String(issue.path[0])}: ${issue.message}`);
      }
    }
  }
  if (errors.length || !parsed.success) return { ok: false, errors };
  const to = parsed.data.to ?? now;
  const from = parsed.data.from ?? new Date(to.getTime() - 30 * DAY_MS);
  if (!(from < to)) return { ok: false, errors: ["to: expected a time after from"] };
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) return { ok: false, errors: [`from: the range may span at most ${MAX_RANGE_DAYS} days`] };
  return {
    ok: true,
    value: { from, to, groupBy: parsed.data.group_by ?? [], filters, interval: parsed.data.interval, limit: parsed.data.limit },
  };
}
