/**
 * The one place where URL search params become a typed filter object. Pages, route handlers and the
 * client components that build links all go through here, so a shared URL means the same view
 * everywhere. Pure (no data access): safe to import from client components.
 *
 * Time is UTC throughout, because the rollup is bucketed by UTC hour.
 */
import { z } from "zod";
import { DIMENSIONS, type Dimension } from "@/lib/ingest/types";

export { DIMENSIONS, type Dimension };

export type DimensionFilters = Partial<Record<Dimension, string[]>>;

export type TimeRange = {
  /** inclusive */
  from: Date;
  /** exclusive */
  to: Date;
  /** the raw URL values, kept so links preserve exactly what the user chose (absent = default) */
  fromParam?: string;
  toParam?: string;
  /** set when the range is a rolling preset ("last 7 days"), which a shared link keeps rolling */
  preset?: RangePreset;
  /** set when the URL asked for something unusable and the default was used instead */
  notice?: string;
};

export type ViewFilters = TimeRange & {
  stack: Dimension;
  filters: DimensionFilters;
};

export type RawSearchParams = Record<string, string | string[] | undefined>;

export const DEFAULT_STACK: Dimension = "feature";

/** Rolling ranges offered as one-click choices; `range=7d` in a URL stays "the last 7 days" whenever it is opened. */
export const RANGE_PRESETS = { "7d": 7, "30d": 30, "90d": 90 } as const;
export type RangePreset = keyof typeof RANGE_PRESETS;
export const DEFAULT_PRESET: RangePreset = "30d";
const MAX_RANGE_DAYS = 731;
const MAX_VALUES_PER_DIMENSION = 50;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;
const dateParam = z
  .string()
  .trim()
  .refine((s) => dateOnly.test(s) || !Number.isNaN(Date.parse(s)), "expected an ISO date such as 2026-11-20");

// Empty string is a real value: it selects spend that carries no value for that dimension.
const dimensionValues = z
  .array(z.string().max(200))
  .transform((vs) => [...new Set(vs)].slice(0, MAX_VALUES_PER_DIMENSION));

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function all(v: string | string[] | undefined): string[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

export function searchParamsToRecord(sp: URLSearchParams): RawSearchParams {
  const out: RawSearchParams = {};
  for (const key of new Set(sp.keys())) {
    const vs = sp.getAll(key);
    out[key] = vs.length === 1 ? vs[0] : vs;
  }
  return out;
}

function startOfUtcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

function parseBound(raw: string | undefined, edge: "from" | "to"): Date | undefined {
  const parsed = dateParam.safeParse(raw);
  if (!parsed.success) return undefined;
  const s = parsed.data;
  if (dateOnly.test(s)) {
    const day = new Date(`${s}T00:00:00Z`);
    if (Number.isNaN(day.getTime())) return undefined;
    // A date-only `to` means "through the end of that day", which is what a date picker implies.
    return edge === "to" ? new Date(day.getTime() + DAY_MS) : day;
  }
  return new Date(s);
}

/** Default: the last `days` calendar days including today, up to the end of the current hour. */
export function defaultRange(days: number, now = new Date()): { from: Date; to: Date } {
  const to = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS);
  const from = new Date(startOfUtcDay(now).getTime() - (days - 1) * DAY_MS);
  return { from, to };
}

export function parseTimeRange(params: RawSearchParams, defaultDays: number, now = new Date()): TimeRange {
  const fromParam = first(params.from) || undefined;
  const toParam = first(params.to) || undefined;
  // Explicit dates win over a preset; a preset wins over the page's default.
  const presetParam = z.enum(Object.keys(RANGE_PRESETS) as [RangePreset, ...RangePreset[]]).safeParse(first(params.range));
  const preset = !fromParam && !toParam && presetParam.success ? presetParam.data : undefined;
  const days = preset ? RANGE_PRESETS[preset] : defaultDays;
  const def = defaultRange(days, now);
  const defaultPreset = presetFor(defaultDays);
  if (!fromParam && !toParam) return { ...def, preset: preset ?? defaultPreset };
  const from = fromParam ? parseBound(fromParam, "from") : def.from;
  const to = toParam ? parseBound(toParam, "to") : def.to;
  const fallback = { ...defaultRange(defaultDays, now), preset: defaultPreset };
  if (!from || !to) {
    return { ...fallback, notice: "The date range in the link could not be read; showing the default range." };
  }
  if (from >= to) {
    return { ...fallback, notice: "The range ended before it started; showing the default range." };
  }
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    return { ...fallback, notice: `Ranges are limited to ${MAX_RANGE_DAYS} days; showing the default range.` };
  }
  return { from, to, fromParam, toParam };
}

function presetFor(days: number): RangePreset | undefined {
  return (Object.keys(RANGE_PRESETS) as RangePreset[]).find((k) => RANGE_PRESETS[k] === days);
}

export function parseDimensionFilters(params: RawSearchParams): DimensionFilters {
  const filters: DimensionFilters = {};
  for (const dim of DIMENSIONS) {
    const parsed = dimensionValues.safeParse(all(params[dim]));
    if (parsed.success && parsed.data.length > 0) filters[dim] = parsed.data;
  }
  return filters;
}

export function parseStack(params: RawSearchParams): Dimension {
  const parsed = z.enum(DIMENSIONS).safeParse(first(params.stack));
  return parsed.success ? parsed.data : DEFAULT_STACK;
}

export function parseViewFilters(params: RawSearchParams, defaultDays = 30, now = new Date()): ViewFilters {
  return {
    ...parseTimeRange(params, defaultDays, now),
    stack: parseStack(params),
    filters: parseDimensionFilters(params),
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
