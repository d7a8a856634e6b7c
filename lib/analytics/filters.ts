/**
 * The one place where URL search params become a typed filter object. Pages, route handlers and the
 * client components that build links all go through here, so a shared URL means the same view
 * everywhere. Pure (no data access): safe to import from client components.
 *
 * Time is UTC throughout, because the rollup is bucketed by UTC hour.
 */
import { z } from "zod";
import { DIMENSIONS, MAX_DIMENSION_VALUE_LENGTH, type Dimension } from "@/lib/domain/event";
import { DEFAULT_PRESET, RANGE_PRESETS, defaultRange, presetFor, readTimeRange, type RangePreset, type TimeRange } from "./time-range";

export { DIMENSIONS, type Dimension };
export { DEFAULT_PRESET, RANGE_PRESETS, defaultRange, readTimeRange, type RangePreset, type TimeRange };

export type DimensionFilters = Partial<Record<Dimension, string[]>>;

export type ViewFilters = TimeRange & {
  stack: Dimension;
  filters: DimensionFilters;
};

export type RawSearchParams = Record<string, string | string[] | undefined>;

export const DEFAULT_STACK: Dimension = "feature";
const DAY_MS = 86_400_000;

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function all(v: string | string[] | undefined): string[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

export function searchParamsToRecord(sp: URLSearchParams): RawSearchParams {
  // No prototype: a parameter named "__proto__" must stay an ordinary (unknown) key.
  const out: RawSearchParams = Object.create(null);
  for (const key of new Set(sp.keys())) {
    const vs = sp.getAll(key);
    out[key] = vs.length === 1 ? vs[0] : vs;
  }
  return out;
}

/**
 * The page's range: readTimeRange, and when the URL's range cannot be used, the default range with
 * a notice saying why (a page shows something; the read API answers 400 with the same reasons).
 */
export function parseTimeRange(params: RawSearchParams, defaultDays: number, now = new Date()): TimeRange {
  const read = readTimeRange({ from: first(params.from), to: first(params.to), range: first(params.range) }, defaultDays, now);
  if (read.ok) return read.range;
  return {
    ...defaultRange(defaultDays, now),
    preset: presetFor(defaultDays),
    notice: `The date range in the link could not be used (${read.errors.join("; ")}); showing the default range.`,
  };
}

export type DimensionFilterResult = { filters: DimensionFilters; errors: string[] };

/**
 * Dimension filters from a query string, for the page and the read API alike. Values are
 * NFC-normalized like stored values, so a decomposed "é" in a link finds the stored one. A value
 * longer than any stored value is reported, never dropped: dropping the only value of a dimension
 * removed the filter and showed the unfiltered total. Empty string is a real value: it selects spend
 * that carries no value for that dimension.
 */
export function readDimensionFilters(params: RawSearchParams): DimensionFilterResult {
  const filters: DimensionFilters = {};
  const errors: string[] = [];
  for (const dim of DIMENSIONS) {
    const values = [...new Set(all(params[dim]).map((v) => v.normalize("NFC")))];
    if (values.length === 0) continue;
    values.forEach((v, i) => {
      if (v.length > MAX_DIMENSION_VALUE_LENGTH) {
        const which = values.length > 1 ? `value ${i + 1}` : "a value";
        errors.push(`${dim}: ${which} has ${v.length} characters; stored values have at most ${MAX_DIMENSION_VALUE_LENGTH}, so it can match no spend`);
      }
    });
    filters[dim] = values;
  }
  return { filters, errors };
}

export function parseStack(params: RawSearchParams): Dimension {
  const parsed = z.enum(DIMENSIONS).safeParse(first(params.stack));
  return parsed.success ? parsed.data : DEFAULT_STACK;
}

/**
 * The overview's view. A filter value no stored event can have is kept (it matches nothing, which is
 * the true answer) and the notice says so, rather than silently widening the view.
 */
export function parseViewFilters(params: RawSearchParams, defaultDays = 30, now = new Date()): ViewFilters {
  const range = parseTimeRange(params, defaultDays, now);
  const dims = readDimensionFilters(params);
  const notices = [range.notice, ...dims.errors.map((e) => `Filter ${e}.`)].filter(Boolean);
  return {
    ...range,
    ...(notices.length ? { notice: notices.join(" ") } : {}),
    stack: parseStack(params),
    filters: dims.filters,
  };
}

/** The range of the same length immediately before, for period-over-period change. */
export function previousRange(r: { from: Date; to: Date }): { from: Date; to: Date } {
  const span = r.to.getTime() - r.from.getTime();
  return { from: new Date(r.from.getTime() - span), to: new Date(r.from.getTime()) };
}

/** Hourly buckets for short ranges, daily otherwise. */
export function bucketInterval(r: { from: Date; to: Date }): "hour" | "day" {
  return r.to.getTime() - r.from.getTime() <= 2 * DAY_MS ? "hour" : "day";
}

export function activeFilterCount(f: DimensionFilters): number {
  return DIMENSIONS.reduce((n, d) => n + (f[d]?.length ?? 0), 0);
}

/** Canonical query string for a view, in a stable order (so equal views share one URL). */
export function viewToSearchParams(v: Pick<ViewFilters, "fromParam" | "toParam" | "preset" | "stack" | "filters">): URLSearchParams {
  const sp = new URLSearchParams();
  if (v.fromParam) sp.set("from", v.fromParam);
  if (v.toParam) sp.set("to", v.toParam);
  if (!v.fromParam && !v.toParam && v.preset && v.preset !== DEFAULT_PRESET) sp.set("range", v.preset);
  if (v.stack !== DEFAULT_STACK) sp.set("stack", v.stack);
  for (const dim of DIMENSIONS) for (const value of v.filters[dim] ?? []) sp.append(dim, value);
  return sp;
}

/** The same view over a rolling preset range (explicit dates dropped). */
export function withPreset(sp: URLSearchParams, preset: RangePreset): URLSearchParams {
  const next = new URLSearchParams(sp);
  next.delete("from");
  next.delete("to");
  if (preset === DEFAULT_PRESET) next.delete("range");
  else next.set("range", preset);
  return next;
}

export function withFilterValue(sp: URLSearchParams, dim: Dimension, value: string): URLSearchParams {
  const next = new URLSearchParams(sp);
  if (!next.getAll(dim).includes(value)) next.append(dim, value);
  return next;
}

export function withoutFilterValue(sp: URLSearchParams, dim: Dimension, value: string): URLSearchParams {
  const next = new URLSearchParams();
  for (const [k, v] of sp) if (!(k === dim && v === value)) next.append(k, v);
  return next;
}

export function withoutDimension(sp: URLSearchParams, dim: Dimension): URLSearchParams {
  const next = new URLSearchParams(sp);
  next.delete(dim);
  return next;
}

export function hrefWith(pathname: string, sp: URLSearchParams): string {
  const q = sp.toString();
  return q ? `${pathname}?${q}` : pathname;
}

/** yyyy-mm-dd of an instant in UTC, for date inputs. */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The last day a half-open range covers, for showing "to" in a date input. */
export function lastDayOf(r: { to: Date }): string {
  return isoDay(new Date(r.to.getTime() - 1));
}
