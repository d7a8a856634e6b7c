import { test } from "node:test";
import assert from "node:assert/strict";
import { resolve } from "node:path";
import { scoreSeries, DEFAULT_DETECTOR_OPTIONS } from "../detector";
import { readSeries, readWindows } from "./corpus";
import { probationLength } from "./scorer";

const nabDir = resolve(process.cwd(), "../shared/nab");
const windows = readWindows(nabDir);

/** Alerts of the default detector after NAB's probation, split into inside / outside the label windows. */
function alertsOn(key: string) {
  const s = readSeries(resolve(nabDir, "data"), key);
  const scores = scoreSeries(s.timestamps, s.values);
  const wins = windows[key];
  const inside = new Set<number>();
  let outside = 0;
  for (let i = probationLength(s.values.length); i < scores.length; i++) {
    if (scores[i] < DEFAULT_DETECTOR_OPTIONS.threshold) continue;
    const w = wins.findIndex(([a, b]) => s.timestamps[i] >= a && s.timestamps[i] <= b);
    if (w >= 0) inside.add(w);
    else outside++;
  }
  return { windowsHit: inside.size, windows: wins.length, outside };
}

test("a level jump in a daily-seasonal series: caught inside its window, no false alarm", () => {
  assert.deepEqual(alertsOn("artificialWithAnomaly/art_daily_jumpsup.csv"), { windowsHit: 1, windows: 1, outside: 0 });
});

test("a broken daily pattern with no change in range (flat middle) is caught", () => {
  const r = alertsOn("artificialWithAnomaly/art_daily_flatmiddle.csv");
  assert.equal(r.windowsHit, 1);
  assert.ok(r.outside <= 2);
});

test("no alerts on a clean daily pattern with small noise", () => {
  assert.deepEqual(alertsOn("artificialNoAnomaly/art_daily_small_noise.csv"), { windowsHit: 0, windows: 0, outside: 0 });
});
