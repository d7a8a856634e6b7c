import { test } from "node:test";
import assert from "node:assert/strict";
import { resolve } from "node:path";
import { loadScoredCorpus, readProfiles } from "./corpus";
import { NAB_PROFILES, probationLength, scaledSigmoid, sweepCorpus, type ScoredSeries } from "./scorer";

const nabDir = resolve(process.cwd(), "../shared/nab");

test("reproduces the published numenta scores on the 48-file corpus", () => {
  const corpus = loadScoredCorpus(nabDir, resolve(nabDir, "results/numenta"));
  const profiles = readProfiles(nabDir);
  assert.equal(corpus.length, 48);
  assert.equal(corpus.reduce((s, c) => s + c.windows.length, 0), 83);
  assert.equal(sweepCorpus(corpus, profiles.standard).normalized.toFixed(2), "70.93");
  assert.equal(sweepCorpus(corpus, profiles.reward_low_FP_rate).normalized.toFixed(2), "64.99");
  assert.equal(sweepCorpus(corpus, profiles.reward_low_FN_rate).normalized.toFixed(2), "75.00");
});

test("scaled sigmoid and probation follow the NAB definitions", () => {
  assert.equal(scaledSigmoid(3.5), -1);
  assert.equal(scaledSigmoid(0), 0);
  assert.ok(Math.abs(scaledSigmoid(-1) - 0.98661) < 1e-5);
  assert.equal(probationLength(1000), 150);
  assert.equal(probationLength(10000), 750);
});

function synthetic(scores: number[], windows: [number, number][]): ScoredSeries {
  return { name: "s", timestamps: scores.map((_, i) => i), scores, windows };
}

test("a detection at a window's left edge scores a perfect 100, none scores 0", () => {
  const n = 200;
  const perfect = new Array(n).fill(0);
  perfect[100] = 1;
  assert.equal(sweepCorpus([synthetic(perfect, [[100, 119]])], NAB_PROFILES.standard).normalized.toFixed(6), "100.000000");
  const silent = new Array(n).fill(0);
  // With all-zero scores the best threshold is "detect nothing" (or everything, which is worse).
  assert.equal(sweepCorpus([synthetic(silent, [[100, 119]])], NAB_PROFILES.standard).normalized, 0);
});

test("false positives before the window cost fp each; repeats inside a window count once", () => {
  const n = 200;
  const s = new Array(n).fill(0);
  s[50] = 1; // FP before any window: -0.11
  s[100] = 1;
  s[101] = 1; // second detection in the same window adds nothing
  const r = sweepCorpus([synthetic(s, [[100, 119]])], NAB_PROFILES.standard);
  assert.ok(Math.abs(r.raw - (1 - 0.11)) < 1e-9);
  assert.equal(r.tp, 1);
});
