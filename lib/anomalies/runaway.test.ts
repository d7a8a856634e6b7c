import { seededRandom, gaussian } from "@/lib/random/seeded";
import { test } from "node:test";
import assert from "node:assert/strict";
import { RunawayDetector } from "./runaway";


/** Log-normal request sizes around a feature's usual output, like real completions. */
function normalRequest(r: () => number, key: string, usualOut: number) {
  const outputTokens = Math.round(usualOut * Math.exp(0.5 * gaussian(r)));
  return { key, outputTokens, inputTokens: 1200, cost: outputTokens * 10e-6 + 1200 * 2.5e-6 };
}

test("normal traffic is not flagged; a 10x and a 100x output are flagged on arrival", () => {
  const r = seededRandom(3);
  const d = new RunawayDetector();
  let falseAlarms = 0;
  for (let i = 0; i < 5000; i++) if (d.check(normalRequest(r, "chat", 400)).flagged) falseAlarms++;
  assert.ok(falseAlarms <= 2, `false alarms: ${falseAlarms}`);
  for (const factor of [10, 100]) {
    const v = d.check({ key: "chat", outputTokens: 400 * factor, inputTokens: 1200, cost: 400 * factor * 10e-6 + 1200 * 2.5e-6 });
    assert.ok(v.flagged, `x${factor}`);
    const out = v.findings.find((f) => f.metric === "outputTokens")!;
    assert.ok(out.ratio > factor * 0.5 && out.ratio < factor * 2, `ratio ${out.ratio}`);
    assert.ok(Math.abs(out.usual - 400) / 400 < 0.15, `usual ${out.usual}`);
    assert.ok(v.findings.some((f) => f.metric === "cost"));
    assert.ok(!v.findings.some((f) => f.metric === "inputTokens"));
  }
});

test("usual is per feature: a request normal for one feature is a runaway for another", () => {
  const r = seededRandom(5);
  const d = new RunawayDetector();
  for (let i = 0; i < 300; i++) {
    d.check(normalRequest(r, "report-writer", 3000));
    d.check(normalRequest(r, "classify", 20));
  }
  assert.equal(d.check({ key: "report-writer", outputTokens: 3500 }).flagged, false);
  assert.equal(d.check({ key: "classify", outputTokens: 3500 }).flagged, true);
});

test("a loop of runaways keeps being flagged, while a lasting legitimate change is learned", () => {
  const r = seededRandom(9);
  const d = new RunawayDetector();
  for (let i = 0; i < 500; i++) d.check(normalRequest(r, "agent", 300));
  let flaggedInLoop = 0;
  for (let i = 0; i < 50; i++) if (d.check({ key: "agent", outputTokens: 30_000 }).flagged) flaggedInLoop++;
  assert.equal(flaggedInLoop, 50);
  // A release doubles the usual output: at most a few of the first requests look odd, none later.
  let lateFlags = 0;
  for (let i = 0; i < 600; i++) if (d.check(normalRequest(r, "agent", 600)).flagged && i > 100) lateFlags++;
  assert.ok(lateFlags <= 1, `late flags: ${lateFlags}`);
});

test("nothing is flagged before a feature has history", () => {
  const d = new RunawayDetector({ minHistory: 20 });
  for (let i = 0; i < 19; i++) d.check({ key: "new", outputTokens: 100 });
  assert.equal(d.check({ key: "new", outputTokens: 100_000 }).flagged, false);
  assert.equal(d.check({ key: "new", outputTokens: 100_000 }).flagged, true);
});
