import { seededRandom, gaussian } from "@/lib/random/seeded";
import { test } from "node:test";
import assert from "node:assert/strict";
import { backtestLogErrors, forecastSum } from "./seasonal-forecast";

/** Hourly series: daily shape, weekends at 40%, each day's level x exp(N(0, daySd)), 10% hourly noise. */
function series(days: number, seed: number, daySd = 0.1): Float64Array {
  const r = seededRandom(seed);
  const out = new Float64Array(days * 24);
  for (let d = 0; d < days; d++) {
    const dayLevel = Math.exp(daySd * gaussian(r)) * (d % 7 >= 5 ? 0.4 : 1);
    for (let h = 0; h < 24; h++) out[d * 24 + h] = 10 * dayLevel * (0.3 + Math.exp(-((h - 14) ** 2) / 18)) * (0.9 + 0.2 * r());
  }
  return out;
}

test("a perfectly periodic series backtests with zero error, so a long history gives a narrow interval", () => {
  const x = Float64Array.from({ length: 24 * 60 }, (_, i) => 5 + 3 * Math.sin((2 * Math.PI * i) / 24) + ((i / 24) % 7 >= 5 ? -2 : 0));
  const errors = backtestLogErrors(x, 24 * 7, 24);
  assert.equal(errors.length, 30);
  assert.ok(errors.every((e) => Math.abs(e) < 1e-9), `errors ${errors.slice(0, 3)}`);
  const f = forecastSum(x, 24 * 7, { stepsPerDay: 24 });
  assert.ok((f.upper - f.lower) / f.mean < 0.03, `width ${(f.upper - f.lower) / f.mean}`);
  assert.ok(f.lower <= f.mean && f.mean <= f.upper);
});

test("the 80% interval covers roughly 80% of outcomes on noisy seasonal series (empirical quantiles, not a normal spread)", () => {
  let covered = 0;
  let cases = 0;
  for (let seed = 1; seed <= 40; seed++) {
    const all = series(63, seed);
    for (const cutDay of [35, 49]) {
      const horizon = 24 * 7;
      const f = forecastSum(all.subarray(0, cutDay * 24), horizon, { stepsPerDay: 24 });
      let actual = 0;
      for (let k = cutDay * 24; k < cutDay * 24 + horizon; k++) actual += all[k];
      if (actual >= f.lower && actual <= f.upper) covered++;
      cases++;
    }
  }
  const coverage = covered / cases;
  assert.ok(coverage >= 0.65 && coverage <= 0.95, `coverage ${coverage}`);
});

test("the interval follows the method's own errors: a series that keeps outgrowing the damped trend gets a higher upper side", () => {
  // 8% a week: the forecaster projects it at half speed, so its backtests under-forecast and the
  // interval leans upwards.
  const x = Float64Array.from({ length: 24 * 56 }, (_, i) => 10 * Math.exp((0.08 * i) / (24 * 7)) * (1 + 0.3 * Math.sin((2 * Math.PI * i) / 24)));
  const errors = backtestLogErrors(x, 24 * 7, 24);
  assert.ok(errors.length > 10 && errors.every((e) => e > 0), "under-forecasts in every backtest");
  const f = forecastSum(x, 24 * 7, { stepsPerDay: 24 });
  assert.ok(f.upper - f.mean > 2 * (f.mean - f.lower), `${f.lower} ${f.mean} ${f.upper}`);
  let next = 0;
  for (let i = 24 * 56; i < 24 * 63; i++) next += 10 * Math.exp((0.08 * i) / (24 * 7)) * (1 + 0.3 * Math.sin((2 * Math.PI * i) / 24));
  assert.ok(f.lower <= next && next <= f.upper, `${f.lower}..${f.upper} vs ${next}`);
});

test("little history: the interval stays wide even when the few backtests agree", () => {
  const x = series(3, 7, 0);
  const f = forecastSum(x, 24 * 7, { stepsPerDay: 24 });
  assert.ok(f.backtests <= 2, `backtests ${f.backtests}`);
  assert.ok((f.upper - f.lower) / f.mean > 0.4, `width ${(f.upper - f.lower) / f.mean}`);
});
