import { gaussian, seededRandom } from "@/lib/random/seeded";
import { test } from "node:test";
import assert from "node:assert/strict";
import { createDetector } from "./detector";
import { createDetectorRegistry } from "./registry";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const START = Date.UTC(2026, 0, 5); // a Monday

/**
 * Spend per minute: a business-hours curve, optionally quiet weekends, 30% noise per minute.
 * (The weekly shape is left out where a test is about partial hours, not about the baseline:
 * the additive baseline still mispredicts the first hours after a weekend; see README.)
 */
function minuteSpend(days: number, seed = 1, weekends = true): Float64Array {
  const r = seededRandom(seed);
  const out = new Float64Array(days * 24 * 60);
  for (let i = 0; i < out.length; i++) {
    const t = START + i * MINUTE;
    const h = new Date(t).getUTCHours() + new Date(t).getUTCMinutes() / 60;
    const dow = new Date(t).getUTCDay();
    const rate = (0.35 + 0.65 * Math.exp(-((h - 14) ** 2) / 18)) * (weekends && (dow === 0 || dow === 6) ? 0.35 : 1);
    out[i] = Math.max(0, rate * (1 + 0.3 * gaussian(r)));
  }
  return out;
}

const hourTotal = (m: Float64Array, hour: number) => m.subarray(hour * 60, hour * 60 + 60).reduce((s, v) => s + v, 0);

test("peek(t, v, 1) scores exactly as update(t, v) would, and leaves the detector as update() alone would", () => {
  const minutes = minuteSpend(21);
  const peeked = createDetector({ direction: "up" });
  const plain = createDetector({ direction: "up" });
  for (let hour = 0; hour < 21 * 24; hour++) {
    const ts = START + hour * HOUR;
    const total = hourTotal(minutes, hour);
    const full = peeked.peek(ts, total, 1);
    const a = peeked.update(ts, total);
    const b = plain.update(ts, total);
    assert.equal(full.score, b.score, `hour ${hour}`);
    assert.equal(full.isAnomaly, b.isAnomaly);
    // An alert raised by peek() is not raised again by the bucket's update().
    assert.equal(a.isAnomaly, false);
    assert.equal(a.expected, b.expected);
    assert.equal(a.upper, b.upper);
  }
});

test("peeks at partial hours change nothing the detector learns", () => {
  const minutes = minuteSpend(21, 2);
  const peeked = createDetector({ direction: "up" });
  const plain = createDetector({ direction: "up" });
  for (let hour = 0; hour < 21 * 24; hour++) {
    const ts = START + hour * HOUR;
    for (let m = 0; m < 59; m += 7) peeked.peek(ts, minutes.subarray(hour * 60, hour * 60 + m + 1).reduce((s, v) => s + v, 0), (m + 1) / 60);
    const a = peeked.update(ts, hourTotal(minutes, hour));
    const b = plain.update(ts, hourTotal(minutes, hour));
    assert.equal(a.expected, b.expected, `hour ${hour}`);
    assert.equal(a.upper, b.upper, `hour ${hour}`);
  }
});

test("a spike inside the hour in progress is flagged by peek() within minutes, once, and the hour's update() stays quiet", () => {
  const minutes = minuteSpend(35, 3, false);
  const spikeHour = 30 * 24 + 11; // a Wednesday, late morning
  const onset = 10;
  for (let m = onset; m < 60; m++) minutes[spikeHour * 60 + m] *= 4;
  const d = createDetector({ direction: "up" });
  const peekAlerts: { hour: number; minute: number }[] = [];
  const updateAlerts: number[] = [];
  for (let hour = 0; hour < 35 * 24; hour++) {
    const ts = START + hour * HOUR;
    let sum = 0;
    for (let m = 0; m < 59; m++) {
      sum += minutes[hour * 60 + m];
      if (hour >= 14 * 24 && d.peek(ts, sum, (m + 1) / 60).isAnomaly) peekAlerts.push({ hour, minute: m + 1 });
    }
    const r = d.update(ts, hourTotal(minutes, hour));
    if (hour >= 14 * 24 && r.isAnomaly) updateAlerts.push(hour);
  }
  assert.equal(peekAlerts.length, 1, JSON.stringify(peekAlerts.map((p) => [p.hour - spikeHour, p.minute])));
  assert.equal(peekAlerts[0].hour, spikeHour);
  assert.ok(peekAlerts[0].minute > onset && peekAlerts[0].minute <= onset + 15, `alerted at minute ${peekAlerts[0].minute}`);
  assert.deepEqual(updateAlerts, []);
});

test("peek() rejects a fraction outside (0, 1] and has no verdict before the series has history", () => {
  const d = createDetector();
  assert.throws(() => d.peek(START, 1, 0), /fraction: expected a number in \(0, 1\]/);
  assert.throws(() => d.peek(START, 1, 1.5), /fraction/);
  assert.throws(() => d.peek(START, 1, NaN), /fraction/);
  const r = d.peek(START, 5, 0.5);
  assert.equal(r.score, 0);
  assert.equal(r.isAnomaly, false);
  assert.equal(d.count, 0);
  const reg = createDetectorRegistry();
  assert.equal(reg.peek("cost|org|all|1h", START, 5, 0.5).isAnomaly, false);
});
