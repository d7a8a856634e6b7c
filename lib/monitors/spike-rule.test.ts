/**
 * The spike rule beside the detector's score: a pure check of its two conditions, and the case that
 * motivated it, replayed through the monitor's own detector cache and judgeSeries (no database).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { PointResult } from "@/lib/anomalies/detector";
import { defaultPanel, generateLiveSeries, MINUTE_MS } from "@/lib/anomalies/live-eval/generate";
import { judgeSeries } from "./anomaly-conditions";
import type { LiveHours, PassClock } from "./feed";
import { HOUR_MS } from "./ledger-reads";
import { feedHour, newMonitorCache, THRESHOLDS } from "./series-cache";
import { MIN_SPIKE_FRACTION, meetsSpikeRule, SPIKE_RULES } from "./spike-rule";

// expected 1, band [0.7, 1.3]: one sigma is 0.1
const verdict = (actual: number): PointResult => ({
  timestamp: 0, actual, expected: 1, lower: 0.7, upper: 1.3, impact: actual - 1, impactPct: actual - 1,
  score: 0, isAnomaly: false, suppressed: false, reason: "none", direction: "up", fraction: 1,
});

test("both the ratio and the distance in sigmas must hold", () => {
  const medium = SPIKE_RULES.medium;
  assert.equal(meetsSpikeRule(verdict(3), 1, medium), true);
  assert.equal(meetsSpikeRule(verdict(2.9), 1, medium), false, "20 sigmas but under 3x");
  const wide = { ...verdict(3), lower: -5, upper: 7 }; // one sigma is 2: 3x is only 1 sigma
  assert.equal(meetsSpikeRule(wide, 1, medium), false);
  assert.equal(meetsSpikeRule(verdict(3), MIN_SPIKE_FRACTION - 0.01, medium), false, "too early in the hour");
  assert.equal(meetsSpikeRule({ ...verdict(3), expected: 0, lower: -0.3, upper: 0.3 }, 1, medium), false, "nothing expected: no ratio");
  assert.equal(meetsSpikeRule(verdict(3), 1, SPIKE_RULES.low), false);
  assert.equal(meetsSpikeRule(verdict(2.5), 1, SPIKE_RULES.high), true);
});

test("a 3x Sunday hour at 5 sigma that the detector's score lets pass is a condition", () => {
  // Series 6 of the live-eval panel (400 requests/hour at the weekday peak): a 5x spike from
  // 2026-03-01T00:15Z for an hour, on a Sunday. Its hour scored 0.03 with the detector alone.
  const series = generateLiveSeries(defaultPanel(4)[6]);
  const spikeHour = Date.parse("2026-03-01T00:00:00Z") / HOUR_MS;
  const cache = newMonitorCache("test", "medium", 0, spikeHour);
  const hourCost = (h: number, minutes = 60) => {
    let sum = 0;
    const first = (h * HOUR_MS - series.start) / MINUTE_MS;
    for (let m = 0; m < minutes; m++) sum += series.minuteCost[first + m];
    return sum;
  };
  for (let h = series.start / HOUR_MS; h < spikeHour; h++) feedHour(cache, "s", h, hourCost(h), 1);
  // 45 minutes into the hour, as a pass would see it.
  const clock: PassClock = { now: spikeHour * HOUR_MS + 45 * MINUTE_MS, current: spikeHour, settled: spikeHour, fraction: 0.75 };
  const soFar = hourCost(spikeHour, 45);
  const live: LiveHours = new Map([["s", new Map([[spikeHour, { value: "s", hour: spikeHour, costUsd: soFar, requests: 1, pricedRequests: 1 }]])]]);

  const peek = cache.registry.peek("s", spikeHour * HOUR_MS, soFar, 0.75);
  assert.ok(peek.score < THRESHOLDS.medium, `the detector's score alone does not alert: ${peek.score}`);
  assert.ok(peek.actual >= 3 * peek.expected, JSON.stringify(peek));

  const s = cache.series.get("s");
  const found = judgeSeries(cache, "s", s, live, clock, SPIKE_RULES.medium);
  assert.equal(found?.hour, spikeHour);
  assert.equal(found?.fraction, 0.75);
  assert.equal(found?.raisedBy, "spike_rule", "the alert says the rule raised it, not the score");
  assert.equal(judgeSeries(cache, "s", s, live, clock, { ratio: Infinity, sigmas: Infinity }), null, "without the rule nothing holds");
});
