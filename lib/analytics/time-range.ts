/**
 * How `from`, `to` and `range` in a URL become a time range: one reading for the overview page and
 * the read API, so a number copied off the screen is the number the API answers for the same query
 * string. Pure (no data access): client components import it through filters.ts.
 *
 * - A date-only `from` is the start of that UTC day; a date-only `to` is inclusive: through the end
 *   of that UTC day (what a date picker implies). A full timestamp is exact, and `to` is exclusive.
 * - A timestamp without a zone is UTC, like everything else here (the rollup is bucketed by UTC hour).
 * - Neither given: the last N calendar days including today (N from `range`, default 30), up to the
 *   end of the current UTC hour. Only `from`: up to the end of the current hour. Only `to`: the N
 *   days before it.
 * - Every bound lies in [2000-01-01, 2100-01-01], matching ingest (no event is older than 2000), and
 *   well inside what the engine's DateTime holds (1970-2106), which answered 500 outside it.
 */

export const RANGE_PRESETS = { "7d": 7, "30d": 30, "90d": 90 } as const;
export type RangePreset = keyof typeof RANGE_PRESETS;
export const DEFAULT_PRESET: RangePreset = "30d";
export const MAX_RANGE_DAYS = 732;
export const EARLIEST_DATE = "2000-01-01";
export const LATEST_DATE = "2099-12-31";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const EARLIEST_MS = Date.UTC(2000, 0, 1);
const END_MS = Date.UTC(2100, 0, 1);

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
  /** set when the URL asked for something unusable (the page then shows the default, and says so) */
  notice?: string;
};

export type RangeParams = { from?: string; to?: string; range?: string };
export type RangeResult = { ok: true; range: TimeRange } | { ok: false; errors: string[] };

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
// A `+` in a query string arrives as a space when the client did not encode it: read it as `+`.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+ -]\d{2}:?\d{2})?$/i;

function startOfUtcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/** Default: the last `days` calendar days including today, up to the end of the current hour. */
export function defaultRange(days: number, now = new Date()): { from: Date; to: Date } {
  const to = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS);
  const from = new Date(startOfUtcDay(now).getTime() - (days - 1) * DAY_MS);
  return { from, to };
}

function validDay(y: number, mo: number, d: number): boolean {
  return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** One bound, or the error naming it. Strict ISO 8601: Date.parse's guesses differ between engines. */
function parseBound(raw: string, edge: "from" | "to"): Date | string {
  const s = raw.trim();
  const expected = `${edge}: expected an ISO 8601 date or time such as 2026-11-01 or 2026-11-01T09:00:00Z, got ${JSON.stringify(raw.slice(0, 40))}`;
  let ms: number;
  const day = DATE_ONLY.exec(s);
  const time = day ? null : DATE_TIME.exec(s);
  if (day) {
    const [y, mo, d] = day.slice(1, 4).map(Number);
    if (!validDay(y, mo, d)) return `${edge}: not a calendar date: ${JSON.stringify(s)}`;
    ms = Date.UTC(y, mo - 1, d) + (edge === "to" ? DAY_MS : 0);
  } else if (time) {
    const [y, mo, d, h, mi, sec] = time.slice(1, 7).map((v) => Number(v ?? 0));
    if (!validDay(y, mo, d) || h > 23 || mi > 59 || sec > 59) return `${edge}: not a calendar date and time: ${JSON.stringify(s)}`;
    const frac = time[7] ? Number(`0.${time[7]}`) * 1000 : 0;
    const zone = time[8] ?? "Z";
    let offsetMin = 0;
    if (zone.toUpperCase() !== "Z") {
      const digits = zone.slice(1).replace(":", "");
      const mins = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
      offsetMin = zone[0] === "-" ? -mins : mins;
    }
    ms = Date.UTC(y, mo - 1, d, h, mi, sec) + Math.floor(frac) - offsetMin * 60_000;
  } else {
    return expected;
  }
  if (ms < EARLIEST_MS || ms > END_MS) {
    return `${edge}: ${JSON.stringify(s)} is outside the dates this ledger holds; expected ${EARLIEST_DATE} to ${LATEST_DATE}`;
  }
  return new Date(ms);
}

function isPreset(v: string): v is RangePreset {
  return Object.hasOwn(RANGE_PRESETS, v);
}

/**
 * The range a query string asks for, or every reason it cannot be read. Explicit dates win over
 * `range`; `range` wins over the caller's default number of days.
 */
export function readTimeRange(params: RangeParams, defaultDays: number = RANGE_PRESETS[DEFAULT_PRESET], now = new Date()): RangeResult {
  const fromParam = params.from?.trim() || undefined;
  const toParam = params.to?.trim() || undefined;
  const errors: string[] = [];
  let preset: RangePreset | undefined;
  if (params.range !== undefined && params.range !== "") {
    if (isPreset(params.range)) preset = params.range;
    else errors.push(`range: expected one of ${Object.keys(RANGE_PRESETS).join(", ")}, got ${JSON.stringify(params.range.slice(0, 20))}`);
  }
  const days = preset ? RANGE_PRESETS[preset] : defaultDays;
  const from = fromParam ? parseBound(fromParam, "from") : undefined;
  const to = toParam ? parseBound(toParam, "to") : undefined;
  if (typeof from === "string") errors.push(from);
  if (typeof to === "string") errors.push(to);
  if (errors.length) return { ok: false, errors };
  if (!from && !to) return { ok: true, range: { ...defaultRange(days, now), preset: preset ?? presetFor(days) } };
  const end = (to as Date | undefined) ?? defaultRange(days, now).to;
  const start = (from as Date | undefined) ?? new Date(Math.max(EARLIEST_MS, end.getTime() - days * DAY_MS));
  if (!(start < end)) return { ok: false, errors: ["to: expected a time after from (the range ends before it starts)"] };
  if (end.getTime() - start.getTime() > MAX_RANGE_DAYS * DAY_MS) return { ok: false, errors: [`from: the range may span at most ${MAX_RANGE_DAYS} days`] };
  return { ok: true, range: { from: start, to: end, fromParam, toParam } };
}

export function presetFor(days: number): RangePreset | undefined {
  return (Object.keys(RANGE_PRESETS) as RangePreset[]).find((k) => RANGE_PRESETS[k] === days);
}
