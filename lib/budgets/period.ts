/**
 * Calendar periods (day, week, month, quarter, year) in an IANA time zone, with Intl only. A budget's
 * period is what finance means by "this month in Berlin", not a rolling 30 days, so its bounds are
 * local midnights: a day is 23 or 25 hours long across a DST change, and a fiscal year may start in
 * any month. Pure: safe to import anywhere.
 */

export const PERIODS = ["day", "week", "month", "quarter", "year"] as const;
export type Period = (typeof PERIODS)[number];

export type PeriodRule = {
  period: Period;
  timezone: string;
  /** 1-12: the first month of the fiscal year (quarters and years count from it) */
  fiscalYearStartMonth?: number;
  /** 0 = Sunday .. 6 = Saturday */
  weekStartsOn?: number;
};

/** A local calendar date (month 1-12). */
export type LocalDate = { y: number; m: number; d: number };

export type PeriodBounds = {
  /** first instant of the period (a local midnight) */
  start: Date;
  /** first instant of the next period (exclusive) */
  end: Date;
  /** the local date the period starts on */
  startDate: LocalDate;
  /** calendar days in the period */
  days: number;
};

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timezone, f);
  }
  return f;
}

/** Whether Intl knows the zone (an IANA name such as "Europe/Berlin", or "UTC"). */
export function isValidTimeZone(timezone: string): boolean {
  if (typeof timezone !== "string" || timezone.length === 0 || timezone.length > 64) return false;
  try {
    formatter(timezone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in the zone at an instant, as if it were UTC (ms). */
function wallClockMs(instant: number, timezone: string): number {
  const p: Record<string, number> = {};
  for (const part of formatter(timezone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") p[part.type] = Number(part.value);
  }
  // Sub-second part dropped by formatToParts: keep it so offsets come out as whole minutes.
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) + (((instant % 1000) + 1000) % 1000);
}

/** The zone's offset from UTC at an instant, ms (e.g. +3,600,000 for Berlin in winter). */
export function offsetAt(instant: number, timezone: string): number {
  return wallClockMs(instant, timezone) - instant;
}

/** The local calendar date of an instant in the zone. */
export function localDateOf(instant: Date, timezone: string): LocalDate {
  const w = new Date(wallClockMs(instant.getTime(), timezone));
  return { y: w.getUTCFullYear(), m: w.getUTCMonth() + 1, d: w.getUTCDate() };
}

/**
 * The first instant of a local date in the zone. When midnight repeats (a fall-back at midnight) the
 * earlier one; when midnight does not exist (a spring-forward at midnight, as in Santiago or Havana)
 * the instant the clock jumps, which is the first instant of that date.
 */
export function startOfLocalDate(date: LocalDate, timezone: string): Date {
  const wall = Date.UTC(date.y, date.m - 1, date.d);
  // Zones change offset at most once within a day or so: the offsets a day before and a day after
  // are the two candidates.
  const before = offsetAt(wall - DAY_MS, timezone);
  const after = offsetAt(wall + DAY_MS, timezone);
  const valid = [wall - before, wall - after].filter((t) => wallClockMs(t, timezone) === wall);
  if (valid.length > 0) return new Date(Math.min(...valid));
  return new Date(wall - before);
}

/** A local date moved by days or months on the calendar (day of month clamped for months). */
export function addLocal(date: LocalDate, { days = 0, months = 0 }: { days?: number; months?: number }): LocalDate {
  if (months !== 0) {
    const total = date.y * 12 + (date.m - 1) + months;
    const y = Math.floor(total / 12);
    const m = (total % 12) + 1;
    return { y, m, d: Math.min(date.d, daysInMonth(y, m)) };
  }
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d) + days * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Calendar days from a to b (b - a), whatever the zone's DST. */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / DAY_MS);
}

function periodStartDate(date: LocalDate, rule: PeriodRule): LocalDate {
  const fiscal = rule.fiscalYearStartMonth ?? 1;
  switch (rule.period) {
    case "day":
      return date;
    case "week": {
      const dow = new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
      return addLocal(date, { days: -(((dow - (rule.weekStartsOn ?? 1)) % 7) + 7) % 7 });
    }
    case "month":
      return { y: date.y, m: date.m, d: 1 };
    case "quarter": {
      const intoYear = (((date.m - fiscal) % 12) + 12) % 12;
      return addLocal({ y: date.y, m: date.m, d: 1 }, { months: -(intoYear % 3) });
    }
    case "year": {
      const intoYear = (((date.m - fiscal) % 12) + 12) % 12;
      return addLocal({ y: date.y, m: date.m, d: 1 }, { months: -intoYear });
    }
  }
}

function nextStartDate(start: LocalDate, period: Period): LocalDate {
  switch (period) {
    case "day":
      return addLocal(start, { days: 1 });
    case "week":
      return addLocal(start, { days: 7 });
    case "month":
      return addLocal(start, { months: 1 });
    case "quarter":
      return addLocal(start, { months: 3 });
    case "year":
      return addLocal(start, { months: 12 });
  }
}

/** The period that contains the instant. */
export function periodContaining(instant: Date, rule: PeriodRule): PeriodBounds {
  const startDate = periodStartDate(localDateOf(instant, rule.timezone), rule);
  const endDate = nextStartDate(startDate, rule.period);
  return {
    start: startOfLocalDate(startDate, rule.timezone),
    end: startOfLocalDate(endDate, rule.timezone),
    startDate,
    days: daysBetween(startDate, endDate),
  };
}

/** The period just before the one containing the instant. */
export function previousPeriod(instant: Date, rule: PeriodRule): PeriodBounds {
  return periodContaining(new Date(periodContaining(instant, rule).start.getTime() - 1), rule);
}

/**
 * How far into its period an instant is, in calendar days: whole local days gone plus the part of
 * the current local day by its real length (so the 25-hour day of a DST change counts as one day).
 */
export function daysElapsed(instant: Date, bounds: PeriodBounds, timezone: string): number {
  const t = instant.getTime();
  if (t <= bounds.start.getTime()) return 0;
  if (t >= bounds.end.getTime()) return bounds.days;
  const today = localDateOf(instant, timezone);
  const dayStart = startOfLocalDate(today, timezone).getTime();
  const dayEnd = startOfLocalDate(addLocal(today, { days: 1 }), timezone).getTime();
  return daysBetween(bounds.startDate, today) + (t - dayStart) / (dayEnd - dayStart);
}

export function daysRemaining(instant: Date, bounds: PeriodBounds, timezone: string): number {
  return bounds.days - daysElapsed(instant, bounds, timezone);
}

/** The first instant of each local day of the period, in order (for a daily series). */
export function dayStarts(bounds: PeriodBounds, timezone: string): Date[] {
  const out: Date[] = [];
  for (let i = 0; i < bounds.days; i++) out.push(startOfLocalDate(addLocal(bounds.startDate, { days: i }), timezone));
  return out;
}

export function formatLocalDate(d: LocalDate): string {
  return `${String(d.y).padStart(4, "0")}-${String(d.m).padStart(2, "0")}-${String(d.d).padStart(2, "0")}`;
}
