import { seededRandom } from "@/lib/random/seeded";
import { test } from "node:test";
import assert from "node:assert/strict";
import { detectAnomalies } from "./detector";
import { IncidentTracker, UP, DOWN } from "./incidents";
import { NoiseProfile } from "./noise-profile";
import { RoutineOutliers } from "./routine-outliers";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const START = Date.UTC(2026, 0, 5); // a Monday

/** Hourly spend with a business-hours peak, quiet weekends and 5% multiplicative noise. */
function seasonalSpend(days: number, seed = 1) {
  const r = seededRandom(seed);
  const points: { timestamp: number; value: number }[] = [];
  for (let t = START; t < START + days * DAY; t += HOUR) {
    const h = new Date(t).getUTCHours();
    const dow = new Date(t).getUTCDay();
    const daily = 20 + 80 * Math.exp(-((h - 14) ** 2) / 18);
    const weekly = dow === 0 || dow === 6 ? 0.4 : 1;
    points.push({ timestamp: t, value: daily * weekly * (1 + 0.05 * (r() * 2 - 1) * Math.sqrt(3)) });
  }
  return points;
}

test("a spike and, hours later, an outage are two incidents: the dip is not swallowed by the spike's", () => {
  const points = seasonalSpend(35);
  const at = 30 * 24 + 11;
  points[at].value *= 4;
  for (let i = at + 4; i < at + 8; i++) points[i].value = 0;
  const alerts = detectAnomalies(points).filter((a) => a.timestamp >= START + 14 * DAY);
  assert.deepEqual(
    alerts.map((a) => a.direction),
    ["up", "down"],
  );
  assert.equal(alerts[0].timestamp, points[at].timestamp);
  assert.ok(alerts[1].timestamp >= points[at + 4].timestamp && alerts[1].timestamp <= points[at + 7].timestamp);
});

test("a nightly cron job that runs at a slightly different minute each day stops alerting after a few days; a tripled one alerts", () => {
  for (const seed of [1, 2]) {
    const r = seededRandom(seed);
    const points: { timestamp: number; value: number }[] = [];
    for (let t = START; t < START + 28 * DAY; t += 5 * MINUTE) points.push({ timestamp: t, value: 10 * (1 + 0.05 * (r() * 2 - 1)) });
    const cron = (day: number) => (day * DAY + 3 * HOUR + Math.floor(r() * 6) * 5 * MINUTE) / (5 * MINUTE);
    for (let day = 7; day < 28; day++) {
      const at = cron(day);
      const extra = day === 26 ? 90 : 30; // on day 26 the job costs three times as much
      points[at].value += extra;
      points[at + 1].value += extra;
    }
    const fromCron = detectAnomalies(points, { direction: "up" }).filter((a) => new Date(a.timestamp).getUTCHours() === 3);
    const lastWeeks = fromCron.filter((a) => a.timestamp >= START + 11 * DAY);
    assert.deepEqual(
      lastWeeks.map((a) => Math.floor((a.timestamp - START) / DAY)),
      [26],
      `seed ${seed}: ${fromCron.map((a) => new Date(a.timestamp).toISOString()).join(", ")}`,
    );
  }
});

test("one absurd value early in the history does not blind the detector to a spike weeks later", () => {
  const points = seasonalSpend(35);
  points[3 * 24 + 10].value = 1e7;
  const at = 30 * 24 + 14;
  points[at].value *= 4;
  const alerts = detectAnomalies(points).filter((a) => a.timestamp >= START + 14 * DAY);
  assert.deepEqual(
    alerts.map((a) => a.timestamp),
    [points[at].timestamp],
  );
});

test("IncidentTracker: directions are independent; an incident closes after the cooldown without alarms", () => {
  const t = new IncidentTracker(12 * HOUR);
  assert.equal(t.alarm(UP, 0), true);
  assert.equal(t.isOpen(UP, HOUR), true);
  assert.equal(t.isOpen(DOWN, HOUR), false);
  assert.equal(t.alarm(DOWN, HOUR), true);
  assert.equal(t.alarm(UP, 6 * HOUR), false); // extends the open one
  assert.equal(t.expire(17 * HOUR), 2); // down closed (quiet 16 h); up alarmed 11 h ago
  assert.equal(t.expire(18 * HOUR), 1);
  assert.equal(t.alarm(UP, 19 * HOUR), true);
});

test("RoutineOutliers: routine needs outliers on 3 of the previous 7 days, within an hour, in the same direction, and no more than 1.25x their size", () => {
  const m = new RoutineOutliers(3, 1.25);
  for (const day of [1, 2, 3]) m.note(day * DAY + 3 * HOUR + 10 * MINUTE, 30);
  const today = 4 * DAY + 3 * HOUR;
  assert.equal(m.isRoutine(today + 50 * MINUTE, 30), true);
  assert.equal(m.isRoutine(today + 60 * MINUTE + 50 * MINUTE, 30), true); // 04:50, the neighbouring hour
  assert.equal(m.isRoutine(today + 3 * HOUR, 30), false); // 06:00 is not
  assert.equal(m.isRoutine(today, 60), false); // twice the size
  assert.equal(m.isRoutine(today, -30), false); // a dip at that hour is not the job
  assert.equal(m.isRoutine(12 * DAY + 3 * HOUR, 30), false); // the job stopped more than a week ago
  const two = new RoutineOutliers(3, 1.25);
  for (const day of [1, 2]) two.note(day * DAY + 3 * HOUR, 30);
  assert.equal(two.isRoutine(4 * DAY + 3 * HOUR, 30), false);
});

test("NoiseProfile: learns that some hours are noisier, within bounds, and ignores the size of outliers", () => {
  const p = new NoiseProfile(0.02, 7);
  assert.equal(p.factor(3 * HOUR), 1);
  for (let day = 0; day < 30; day++) {
    p.learn(day * DAY + 3 * HOUR, 0.3, 1); // quiet night
    p.learn(day * DAY + 14 * HOUR, 1.5, 1); // noisy peak
    p.learn(day * DAY + 20 * HOUR, day === 5 ? 1e9 : 0.8, 1); // one absurd error
  }
  assert.equal(p.factor(3 * HOUR + 30 * MINUTE), 0.5); // bounded below
  assert.ok(Math.abs(p.factor(14 * HOUR) - 1.5) < 1e-9);
  assert.ok(p.factor(20 * HOUR) < 1);
});

test("NoiseProfile: a quiet day of the week gets a narrower band at every hour, once two of its days are seen", () => {
  const p = new NoiseProfile(0.02, 7);
  const quiet = (t: number) => Math.floor(t / DAY) % 7 === 3; // one UTC weekday, as a Sunday would be
  const at = (day: number, hour: number) => day * DAY + hour * HOUR;
  for (let day = 0; day < 8; day++) for (let h = 0; h < 24; h++) p.learn(at(day, h), quiet(at(day, h)) ? 0.4 : 1, 1);
  // one quiet day seen (24 observations): not yet trusted
  assert.ok(Math.abs(p.factor(at(10, 9)) - p.factor(at(11, 9))) < 0.05);
  for (let day = 8; day < 28; day++) for (let h = 0; h < 24; h++) p.learn(at(day, h), quiet(at(day, h)) ? 0.4 : 1, 1);
  for (const h of [2, 9, 14, 21]) {
    const quietDay = p.factor(at(31, h)); // day 31: the quiet weekday
    const busyDay = p.factor(at(30, h));
    assert.ok(quiet(at(31, h)) && !quiet(at(30, h)));
    assert.ok(quietDay < 0.75 * busyDay, `hour ${h}: ${quietDay} vs ${busyDay}`);
    assert.ok(quietDay >= 0.5); // still bounded below
  }
});
