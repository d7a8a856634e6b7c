/** Calendar periods in time zones: DST days, month ends, leap years, fiscal years, weeks. */
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  PERIODS,
  dayStarts,
  daysElapsed,
  daysRemaining,
  isValidTimeZone,
  periodContaining,
  previousPeriod,
  startOfLocalDate,
  type PeriodRule,
} from "./period";

const iso = (d: Date) => d.toISOString();
const at = (s: string) => new Date(s);
const H = 3_600_000;

test("a month in UTC: from the first to the first", () => {
  const p = periodContaining(at("2026-11-15T12:00:00Z"), { period: "month", timezone: "UTC" });
  assert.equal(iso(p.start), "2026-11-01T00:00:00.000Z");
  assert.equal(iso(p.end), "2026-12-01T00:00:00.000Z");
  assert.equal(p.days, 30);
});

test("a month in Berlin starts at local midnight (23:00 UTC in winter, 22:00 in summer)", () => {
  const nov = periodContaining(at("2026-11-15T12:00:00Z"), { period: "month", timezone: "Europe/Berlin" });
  assert.equal(iso(nov.start), "2026-10-31T23:00:00.000Z");
  assert.equal(iso(nov.end), "2026-11-30T23:00:00.000Z");
  const oct = periodContaining(at("2026-10-10T00:00:00Z"), { period: "month", timezone: "Europe/Berlin" });
  // October starts in summer time and ends in winter time: 31 days and one hour
  assert.equal(iso(oct.start), "2026-09-30T22:00:00.000Z");
  assert.equal(iso(oct.end), "2026-10-31T23:00:00.000Z");
  assert.equal(oct.end.getTime() - oct.start.getTime(), 31 * 24 * H + H);
});

test("an instant belongs to the local date, not the UTC date", () => {
  // 23:30 UTC on Nov 30 is already December 1 in Berlin
  const p = periodContaining(at("2026-11-30T23:30:00Z"), { period: "month", timezone: "Europe/Berlin" });
  assert.equal(iso(p.start), "2026-11-30T23:00:00.000Z");
  // and 03:00 UTC on Dec 1 is still November 30 in Los Angeles
  const la = periodContaining(at("2026-12-01T03:00:00Z"), { period: "month", timezone: "America/Los_Angeles" });
  assert.equal(iso(la.start), "2026-11-01T07:00:00.000Z");
  assert.equal(iso(la.end), "2026-12-01T08:00:00.000Z");
});

test("the exact start instant belongs to the new period; one ms before to the old", () => {
  const rule: PeriodRule = { period: "day", timezone: "Asia/Tokyo" };
  const p = periodContaining(at("2026-03-01T15:00:00Z"), rule);
  assert.equal(iso(p.start), "2026-03-01T15:00:00.000Z");
  const before = periodContaining(at("2026-03-01T14:59:59.999Z"), rule);
  assert.equal(iso(before.end), "2026-03-01T15:00:00.000Z");
});

test("DST spring forward: a 23-hour day; fall back: a 25-hour day", () => {
  const spring = periodContaining(at("2026-03-08T12:00:00Z"), { period: "day", timezone: "America/New_York" });
  assert.equal(iso(spring.start), "2026-03-08T05:00:00.000Z");
  assert.equal(spring.end.getTime() - spring.start.getTime(), 23 * H);
  const fall = periodContaining(at("2026-11-01T12:00:00Z"), { period: "day", timezone: "America/New_York" });
  assert.equal(iso(fall.start), "2026-11-01T04:00:00.000Z");
  assert.equal(fall.end.getTime() - fall.start.getTime(), 25 * H);
  assert.equal(fall.days, 1);
});

test("DST in the southern hemisphere (Sydney: April fall back, October spring forward)", () => {
  const apr = periodContaining(at("2026-04-05T06:00:00Z"), { period: "day", timezone: "Australia/Sydney" });
  assert.equal(apr.end.getTime() - apr.start.getTime(), 25 * H);
  const oct = periodContaining(at("2026-10-04T06:00:00Z"), { period: "day", timezone: "Australia/Sydney" });
  assert.equal(oct.end.getTime() - oct.start.getTime(), 23 * H);
});

test("a zone whose clocks jump at midnight: the day starts when the clock jumps", () => {
  // Santiago springs forward at 24:00 on the first Saturday of September 2026 (Sep 6 starts at 01:00, -03)
  const start = startOfLocalDate({ y: 2026, m: 9, d: 6 }, "America/Santiago");
  assert.equal(iso(start), "2026-09-06T04:00:00.000Z");
  const p = periodContaining(at("2026-09-06T12:00:00Z"), { period: "day", timezone: "America/Santiago" });
  assert.equal(iso(p.start), "2026-09-06T04:00:00.000Z");
  assert.equal(p.end.getTime() - p.start.getTime(), 23 * H);
});

test("half- and quarter-hour zones (Kolkata +05:30, Kathmandu +05:45)", () => {
  const k = periodContaining(at("2026-06-15T00:00:00Z"), { period: "day", timezone: "Asia/Kolkata" });
  assert.equal(iso(k.start), "2026-06-14T18:30:00.000Z");
  const n = periodContaining(at("2026-06-15T00:00:00Z"), { period: "month", timezone: "Asia/Kathmandu" });
  assert.equal(iso(n.start), "2026-05-31T18:15:00.000Z");
});

test("month ends and leap years: February has 28 or 29 days, the year 365 or 366", () => {
  assert.equal(periodContaining(at("2026-02-10T00:00:00Z"), { period: "month", timezone: "UTC" }).days, 28);
  assert.equal(periodContaining(at("2028-02-29T23:59:59Z"), { period: "month", timezone: "UTC" }).days, 29);
  assert.equal(periodContaining(at("2028-02-29T23:59:59Z"), { period: "year", timezone: "UTC" }).days, 366);
  assert.equal(periodContaining(at("2100-06-01T00:00:00Z"), { period: "month", timezone: "UTC" }).days, 30);
  assert.equal(periodContaining(at("2100-02-01T00:00:00Z"), { period: "month", timezone: "UTC" }).days, 28);
  assert.equal(periodContaining(at("2000-02-01T00:00:00Z"), { period: "month", timezone: "UTC" }).days, 29);
  const dec = periodContaining(at("2026-12-31T23:59:59.999Z"), { period: "month", timezone: "UTC" });
  assert.equal(iso(dec.end), "2027-01-01T00:00:00.000Z");
});

test("fiscal years and quarters starting in any month", () => {
  // fiscal year from April (UK, Japan, India)
  const fy = periodContaining(at("2027-02-15T00:00:00Z"), { period: "year", timezone: "UTC", fiscalYearStartMonth: 4 });
  assert.equal(iso(fy.start), "2026-04-01T00:00:00.000Z");
  assert.equal(iso(fy.end), "2027-04-01T00:00:00.000Z");
  const fy2 = periodContaining(at("2026-04-01T00:00:00Z"), { period: "year", timezone: "UTC", fiscalYearStartMonth: 4 });
  assert.equal(iso(fy2.start), "2026-04-01T00:00:00.000Z");
  // fiscal year from October (US federal): Q1 = Oct-Dec, Q2 = Jan-Mar
  const q = periodContaining(at("2026-11-20T00:00:00Z"), { period: "quarter", timezone: "UTC", fiscalYearStartMonth: 10 });
  assert.equal(iso(q.start), "2026-10-01T00:00:00.000Z");
  assert.equal(iso(q.end), "2027-01-01T00:00:00.000Z");
  const q2 = periodContaining(at("2027-02-01T00:00:00Z"), { period: "quarter", timezone: "UTC", fiscalYearStartMonth: 10 });
  assert.equal(iso(q2.start), "2027-01-01T00:00:00.000Z");
  // quarters offset by a fiscal start that is not a calendar quarter: Feb-Apr, May-Jul, Aug-Oct, Nov-Jan
  const q3 = periodContaining(at("2027-01-15T00:00:00Z"), { period: "quarter", timezone: "UTC", fiscalYearStartMonth: 2 });
  assert.equal(iso(q3.start), "2026-11-01T00:00:00.000Z");
  assert.equal(iso(q3.end), "2027-02-01T00:00:00.000Z");
  for (let fiscal = 1; fiscal <= 12; fiscal++) {
    for (let month = 1; month <= 12; month++) {
      const instant = new Date(Date.UTC(2026, month - 1, 15));
      const year = periodContaining(instant, { period: "year", timezone: "UTC", fiscalYearStartMonth: fiscal });
      assert.equal(year.start.getUTCMonth() + 1, fiscal, `fiscal ${fiscal}, month ${month}`);
      assert.ok(year.start <= instant && instant < year.end);
      const quarter = periodContaining(instant, { period: "quarter", timezone: "UTC", fiscalYearStartMonth: fiscal });
      assert.equal((((quarter.start.getUTCMonth() + 1 - fiscal) % 3) + 3) % 3, 0, `quarter start aligned to fiscal ${fiscal}`);
      assert.ok(quarter.start <= instant && instant < quarter.end);
    }
  }
});

test("a fiscal year in a time zone starts at that zone's midnight", () => {
  const fy = periodContaining(at("2026-07-01T00:00:00Z"), { period: "year", timezone: "Asia/Tokyo", fiscalYearStartMonth: 4 });
  assert.equal(iso(fy.start), "2026-03-31T15:00:00.000Z");
});

test("weeks start on the configured weekday", () => {
  // Wednesday 2026-11-18
  const monday = periodContaining(at("2026-11-18T12:00:00Z"), { period: "week", timezone: "UTC", weekStartsOn: 1 });
  assert.equal(iso(monday.start), "2026-11-16T00:00:00.000Z");
  assert.equal(monday.days, 7);
  const sunday = periodContaining(at("2026-11-18T12:00:00Z"), { period: "week", timezone: "UTC", weekStartsOn: 0 });
  assert.equal(iso(sunday.start), "2026-11-15T00:00:00.000Z");
  const wed = periodContaining(at("2026-11-18T12:00:00Z"), { period: "week", timezone: "UTC", weekStartsOn: 3 });
  assert.equal(iso(wed.start), "2026-11-18T00:00:00.000Z");
  // a week across a year end
  const ny = periodContaining(at("2027-01-01T12:00:00Z"), { period: "week", timezone: "UTC", weekStartsOn: 1 });
  assert.equal(iso(ny.start), "2026-12-28T00:00:00.000Z");
  // a week containing a DST change is 7 days and 167 hours
  const dst = periodContaining(at("2026-03-10T12:00:00Z"), { period: "week", timezone: "America/New_York", weekStartsOn: 0 });
  assert.equal(dst.end.getTime() - dst.start.getTime(), 167 * H);
});

test("previous period: the one ending where this one starts, for every period kind", () => {
  const instant = at("2026-03-31T22:30:00Z");
  for (const period of PERIODS) {
    for (const timezone of ["UTC", "Europe/Berlin", "America/New_York", "Pacific/Auckland", "Asia/Kolkata"]) {
      const rule = { period, timezone, fiscalYearStartMonth: 7, weekStartsOn: 1 };
      const cur = periodContaining(instant, rule);
      const prev = previousPeriod(instant, rule);
      assert.equal(prev.end.getTime(), cur.start.getTime(), `${period} ${timezone}`);
      assert.ok(prev.start < prev.end);
      assert.ok(cur.start <= instant && instant < cur.end, `${period} ${timezone} contains the instant`);
    }
  }
  const janPrev = previousPeriod(at("2027-01-10T00:00:00Z"), { period: "month", timezone: "UTC" });
  assert.equal(iso(janPrev.start), "2026-12-01T00:00:00.000Z");
});

test("consecutive periods tile time with no gap or overlap across a year of days in several zones", () => {
  for (const timezone of ["Europe/London", "America/Santiago", "Australia/Lord_Howe", "Asia/Kathmandu"]) {
    let p = periodContaining(at("2026-01-01T12:00:00Z"), { period: "day", timezone });
    for (let i = 0; i < 400; i++) {
      const next = periodContaining(p.end, { period: "day", timezone });
      assert.equal(next.start.getTime(), p.end.getTime(), `${timezone} day ${i}`);
      const len = (next.end.getTime() - next.start.getTime()) / H;
      assert.ok(len >= 22.5 && len <= 25, `${timezone}: a day of ${len} hours`);
      p = next;
    }
  }
});

test("days elapsed and remaining count calendar days, a DST day counting as one", () => {
  const rule: PeriodRule = { period: "month", timezone: "America/New_York" };
  const instant = at("2026-11-02T17:00:00Z"); // Nov 2, 12:00 local (EST), the day after the 25-hour day
  const p = periodContaining(instant, rule);
  assert.equal(p.days, 30);
  assert.equal(daysElapsed(instant, p, rule.timezone), 1.5);
  assert.equal(daysRemaining(instant, p, rule.timezone), 28.5);
  // midway through the 25-hour day (12.5 hours in) is half that day
  const mid = new Date(at("2026-11-01T04:00:00Z").getTime() + 12.5 * H);
  assert.equal(daysElapsed(mid, p, rule.timezone), 0.5);
  assert.equal(daysElapsed(p.start, p, rule.timezone), 0);
  assert.equal(daysElapsed(p.end, p, rule.timezone), 30);
});

test("day starts of a period: one per calendar day, each a local midnight", () => {
  const p = periodContaining(at("2026-03-15T00:00:00Z"), { period: "month", timezone: "Europe/Berlin" });
  const starts = dayStarts(p, "Europe/Berlin");
  assert.equal(starts.length, 31);
  assert.equal(iso(starts[0]), "2026-02-28T23:00:00.000Z");
  assert.equal(iso(starts[29]), "2026-03-29T22:00:00.000Z"); // Mar 30 is in summer time
});

test("time zone validation", () => {
  assert.ok(isValidTimeZone("UTC"));
  assert.ok(isValidTimeZone("Europe/Berlin"));
  assert.ok(isValidTimeZone("America/Argentina/Buenos_Aires"));
  assert.ok(!isValidTimeZone("Mars/Olympus_Mons"));
  assert.ok(!isValidTimeZone(""));
  assert.ok(!isValidTimeZone("Europe/Berlin; DROP TABLE"));
});
