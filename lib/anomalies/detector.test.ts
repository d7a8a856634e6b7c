import { seededRandom } from "@/lib/random/seeded";
import { test } from "node:test";
import assert from "node:assert/strict";
import { createDetector, detectAnomalies, scoreSeries } from "./detector";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.UTC(2026, 0, 5); // a Monday


/** Hourly spend with a business-hours peak, quiet weekends and 5% multiplicative noise. */
function seasonalSpend(days: number, seed = 1, stepMs = HOUR) {
  const r = seededRandom(seed);
  const points: { timestamp: number; value: number }[] = [];
  for (let t = START; t < START + days * DAY; t += stepMs) {
    const h = new Date(t).getUTCHours();
    const dow = new Date(t).getUTCDay();
    const daily = 20 + 80 * Math.exp(-((h - 14) ** 2) / 18);
    const weekly = dow === 0 || dow === 6 ? 0.4 : 1;
    points.push({ timestamp: t, value: daily * weekly * (1 + 0.05 * (r() * 2 - 1) * Math.sqrt(3)) });
  }
  return points;
}

test("a clean seasonal series raises no alert after warm-up, weekends included", () => {
  const points = seasonalSpend(42);
  const alerts = detectAnomalies(points).filter((a) => a.timestamp >= START + 14 * DAY);
  assert.deepEqual(alerts, []);
});

test("a spike is flagged on arrival, once, with expected value, band and impact", () => {
  const points = seasonalSpend(35);
  const at = 30 * 24 + 14; // day 30 (a Wednesday) at 14:00, the daily peak
  const normal = points[at].value;
  points[at].value = normal * 4;
  points[at + 1].value *= 3;
  const alerts = detectAnomalies(points).filter((a) => a.timestamp >= START + 14 * DAY);
  assert.equal(alerts.length, 1);
  const a = alerts[0];
  assert.equal(a.timestamp, points[at].timestamp);
  assert.ok(a.score >= 0.6 && a.score <= 1);
  // The seasonal baseline should expect roughly the normal peak, not the weekly mean.
  assert.ok(Math.abs(a.expected - normal) / normal < 0.15, `expected ${a.expected} vs normal ${normal}`);
  assert.ok(a.upper < a.actual && a.lower < a.expected && a.expected < a.upper);
  assert.ok(Math.abs(a.impact - (a.actual - a.expected)) < 1e-9);
  assert.ok(a.impactPct > 2 && a.impactPct < 3.5);
});

test("a level shift is one incident, and the new level becomes normal", () => {
  const points = seasonalSpend(49);
  const shiftAt = 28 * 24 + 9;
  for (let i = shiftAt; i < points.length; i++) points[i].value *= 2.5;
  const alerts = detectAnomalies(points).filter((a) => a.timestamp >= START + 14 * DAY);
  assert.equal(alerts.length, 1, JSON.stringify(alerts.map((a) => new Date(a.timestamp).toISOString())));
  assert.ok(alerts[0].timestamp - points[shiftAt].timestamp <= 3 * HOUR);
});

test("runaway growth (a few % per hour, no single point extreme) is caught before it doubles spend", () => {
  const points = seasonalSpend(42);
  const from = 30 * 24;
  for (let i = from; i < points.length; i++) points[i].value *= Math.pow(1.04, i - from);
  const alerts = detectAnomalies(points).filter((a) => a.timestamp >= START + 14 * DAY);
  assert.ok(alerts.length >= 1);
  const hoursToAlert = (alerts[0].timestamp - points[from].timestamp) / HOUR;
  assert.ok(hoursToAlert >= 0 && hoursToAlert < Math.log(2) / Math.log(1.04), `alerted after ${hoursToAlert} h`);
});

test('direction "up" ignores drops that "both" reports', () => {
  const points = seasonalSpend(35);
  const at = 30 * 24 + 14;
  points[at].value = 0.5;
  points[at + 1].value = 0.5;
  const late = (a: { timestamp: number }) => a.timestamp >= START + 14 * DAY;
  assert.equal(detectAnomalies(points, { direction: "both" }).filter(late).length, 1);
  assert.equal(detectAnomalies(points, { direction: "up" }).filter(late).length, 0);
});

test("scores are causal: changing the future never changes a past score", () => {
  const points = seasonalSpend(20);
  const ts = points.map((p) => p.timestamp);
  const a = scoreSeries(ts, points.map((p) => p.value));
  const changed = points.map((p, i) => (i > 400 ? p.value * 10 : p.value));
  const b = scoreSeries(ts, changed);
  for (let i = 0; i <= 400; i++) assert.equal(a[i], b[i]);
  assert.ok(b.slice(401).some((s) => s >= 0.6));
});

test("update() and score() agree, scores stay in [0, 1], missing values are harmless", () => {
  const points = seasonalSpend(21, 7, 5 * 60_000); // 5-minute steps
  points[3000].value = NaN;
  const d1 = createDetector();
  const d2 = createDetector();
  for (const p of points) {
    const r = d1.update(p.timestamp, p.value);
    const s = d2.score(p.timestamp, p.value);
    assert.equal(r.score, s);
    assert.ok(s >= 0 && s <= 1 && Number.isFinite(s));
  }
  assert.equal(d1.count, points.length);
});
