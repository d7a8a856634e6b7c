import { z } from "zod";
import { DIMENSIONS, type Dimension } from "@/lib/domain/event";
import { readDimensionFilters, readTimeRange, searchParamsToRecord } from "./filters";
import type { SpendQuery } from "./spend";

const dimensionList = z
  .string()
  .trim()
  .transform((s) => s.split(",").map((d) => d.trim()).filter(Boolean))
  .pipe(z.array(z.enum(DIMENSIONS, { error: `expected a comma-separated list of ${DIMENSIONS.join(", ")}` })).max(DIMENSIONS.length));

// from, to and range are read by the overview's own parser (readTimeRange), so both read them alike.
const paramsSchema = z
  .object({
    from: z.string().optional(),
    to: z.string().optional(),
    range: z.string().optional(),
    group_by: dimensionList.optional(),
    interval: z.enum(["hour", "day"], { error: "expected hour or day" }).optional(),
    limit: z.coerce.number().int().min(1).max(100_000).optional(),
  })
  .strict();

export type SpendParams = Omit<SpendQuery, "orgId">;

/**
 * Query string of GET /api/v1/spend: `from`/`to`/`range` exactly as the overview page reads them
 * (see time-range.ts: a date-only `to` is inclusive; default the last 30 days up to the end of the
 * current hour), `group_by`, `interval`, `limit`, and any dimension as a filter (repeat it to match
 * several values). Unknown parameters are refused so a typo is not silently ignored.
 */
export function parseSpendParams(sp: URLSearchParams, now = new Date()): { ok: true; value: SpendParams } | { ok: false; errors: string[] } {
  // No prototype: "__proto__" as a parameter name must be reported as unknown, not swallowed.
  const rest: Record<string, string> = Object.create(null);
  const errors: string[] = [];
  for (const key of new Set(sp.keys())) {
    const values = sp.getAll(key);
    if ((DIMENSIONS as readonly string[]).includes(key)) continue;
    if (values.length > 1) errors.push(`${key}: given ${values.length} times, expected once`);
    else rest[key] = values[0];
  }
  const parsed = paramsSchema.safeParse(rest);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === "unrecognized_keys") {
        errors.push(
          `unknown parameter${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}: expected from, to, range, group_by, interval, limit or a dimension (${DIMENSIONS.join(", ")})`,
        );
      } else {
        errors.push(`${String(issue.path[0])}: ${issue.message}`);
      }
    }
  }
  const dims = readDimensionFilters(searchParamsToRecord(sp));
  errors.push(...dims.errors);
  const range = readTimeRange({ from: rest.from, to: rest.to, range: rest.range }, undefined, now);
  if (!range.ok) errors.push(...range.errors);
  if (errors.length || !parsed.success || !range.ok) return { ok: false, errors };
  const filters: Partial<Record<Dimension, string[]>> = dims.filters;
  return {
    ok: true,
    value: { from: range.range.from, to: range.range.to, groupBy: parsed.data.group_by ?? [], filters, interval: parsed.data.interval, limit: parsed.data.limit },
  };
}
