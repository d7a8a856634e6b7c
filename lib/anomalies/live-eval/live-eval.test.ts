import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { bucketFactor, evaluateSetting, generatePanel } from "./evaluate";
import { bucketize, DEFAULT_SHAPE, generateLiveSeries, MINUTE_MS, type LabelledAnomaly } from "./generate";
import { scoreAlerts, summarize } from "./score";

const HOUR = 60 * MINUTE_MS;
const DAY = 24 * HOUR;
const spec = { seed: 11, peakRequestsPerHour: 4000, meanRequestCost: 0.005 };

test("the generator is deterministic, labels 20 separate anomalies in the month, and anomalies change spend by their factor", () => {
  const a = generateLiveSeries(spec);
  const b = generateLiveSeries(spec);
  assert.deepEqual(a.minuteCost, b.minuteCost);
  assert.deepEqual(a.anomalies, b.anomalies);
  assert.equal(a.anomalies.length, 20);
  assert.equal(a.minuteCost.length, (DEFAULT_SHAPE.historyDays + DEFAULT_SHAPE.evalDays) * 24 * 60);
  for (let i = 0; i < a.anomalies.length; i++) {
    const x = a.anomalies[i];
    assert.ok(x.start >= a.evalStart && x.end <= a.end && x.end > x.start);
    if (i > 0) assert.ok(x.start - a.anomalies[i - 1].end >= 12 * HOUR, "anomalies are separate incidents");
  }
  assert.equal(a.anomalies.filter((x) => x.kind === "spike").length, 12);
  // A long anomaly's spend against the same minutes of the nearest earlier week without one.
  const ratio = (x: LabelledAnomaly) => {
    const from = (x.start - a.start) / MINUTE_MS;
    const to = (x.end - a.start) / MINUTE_MS;
    const sum = (f: number, t: number) => a.minuteCost.subarray(f, t).reduce((s, v) => s + v, 0);
    let back = 7 * DAY;
    while (a.anomalies.some((y) => y.start < x.end - back && y.end > x.start - back)) back += 7 * DAY;
    const w = back / MINUTE_MS;
    return sum(from, to) / sum(from - w, to - w);
  };
  for (const x of a.anomalies.filter((y) => y.end - y.start >= 3 * HOUR)) {
    const r = ratio(x);
    if (x.kind === "spike") assert.ok(r > 0.6 * x.factor && r < 1.6 * x.factor, `spike x${x.factor}: ${r}`);
    else assert.ok(r < x.factor + 0.3, `dip x${x.factor}: ${r}`);
  }
});

test("bucketize sums minutes into closed buckets", () => {
  const s = generateLiveSeries(spec, { ...DEFAULT_SHAPE, historyDays: 1, evalDays: 1, anomalies: 1 });
  const hourly = bucketize(s, 60);
  assert.equal(hourly.values.length, 48);
  assert.equal(hourly.timestamps[1] - hourly.timestamps[0], HOUR);
  const first = s.minuteCost.subarray(0, 60).reduce((x, v) => x + v, 0);
  assert.ok(Math.abs(hourly.values[0] - first) < 1e-9);
});

test("scoring: first alert detects with its delay, later ones are duplicates, unmatched ones are false; one bucket of grace after the end", () => {
  const t0 = Date.UTC(2026, 1, 2);
  const anomalies: LabelledAnomaly[] = [
    { kind: "spike", start: t0 + 10 * MINUTE_MS, end: t0 + 40 * MINUTE_MS, factor: 5 },
    { kind: "spike", start: t0 + DAY, end: t0 + DAY + 3 * HOUR, factor: 2 },
  ];
  const alert = (bucket: number, raisedAt: number) => ({ bucket, raisedAt, fraction: 1, score: 0.9 });
  const r = scoreAlerts(
    anomalies,
    [alert(t0, t0 + 22 * MINUTE_MS), alert(t0, t0 + HOUR), alert(t0 + 5 * HOUR, t0 + 6 * HOUR), alert(t0 + DAY + 3 * HOUR, t0 + DAY + 4 * HOUR)],
    HOUR,
  );
  assert.equal(r.outcomes[0].detected, true);
  assert.equal(r.outcomes[0].delayMs, 12 * MINUTE_MS);
  assert.equal(r.duplicates, 1);
  assert.equal(r.falseAlerts, 1);
  assert.equal(r.outcomes[1].detected, true); // the bucket right after the end still counts
  assert.equal(r.outcomes[1].delayMs, 4 * HOUR);
  const s = summarize("all", r.outcomes);
  assert.equal(s.recall, 1);
  assert.equal(s.delayP50Min, 240);
});

test("bucketFactor: a short spike is diluted in a long bucket", () => {
  const t0 = Date.UTC(2026, 1, 2);
  const a: LabelledAnomaly = { kind: "spike", start: t0 + 50 * MINUTE_MS, end: t0 + 80 * MINUTE_MS, factor: 5 };
  assert.equal(bucketFactor(a, HOUR), 1 + 4 * (20 / 60));
  assert.equal(bucketFactor(a, 5 * MINUTE_MS), 5);
});

test("hourly monitors on the live panel: few false alerts, and the hour in progress alerts earlier than closed hours", () => {
  const panel = generatePanel([spec, { ...spec, seed: 12 }]);
  const closed = evaluateSetting(panel, { name: "closed", stepMinutes: 60, mode: "closed" });
  const peek = evaluateSetting(panel, { name: "peek", stepMinutes: 60, mode: "peek" });
  assert.ok(closed.falseUpPerSeriesWeek <= 1, String(closed.falseUpPerSeriesWeek));
  assert.ok(peek.falseUpPerSeriesWeek <= 1, String(peek.falseUpPerSeriesWeek));
  assert.ok(peek.bigSpikes.detected >= closed.bigSpikes.detected);
  assert.ok(peek.bigSpikes.delayP50Min < closed.bigSpikes.delayP50Min, `${peek.bigSpikes.delayP50Min} vs ${closed.bigSpikes.delayP50Min}`);
  assert.equal(peek.duplicates, 0);
});

test("CLI: prints every setting, and names the bad argument", () => {
  const out = execFileSync(process.execPath, ["--import", "tsx", "lib/anomalies/live-eval/cli.ts", "--seeds", "1"], { encoding: "utf8" });
  for (const s of ["hourly, closed buckets", "hourly + hour in progress", "5-min, closed buckets", "false alerts"]) assert.ok(out.includes(s), s);
  const bad = spawnSync(process.execPath, ["--import", "tsx", "lib/anomalies/live-eval/cli.ts", "--seeds", "zero"], { encoding: "utf8" });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--seeds: expected an integer/);
});
