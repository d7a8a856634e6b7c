/** The stacked chart built in the browser from read-API rows: top values, "Other", empty buckets. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { shapeStackedSeries } from "./stack-series";

const day = (d: string) => `2026-11-${d}T00:00:00.000Z`;

test("top values become s1..sN, the rest of each bucket is Other, days without spend are zero", () => {
  const out = shapeStackedSeries({
    from: day("20"),
    to: day("23"),
    interval: "day",
    stack: "feature",
    top: [{ feature: "chat", cost_usd: 3 }, { feature: "", cost_usd: 1 }],
    perValue: [
      { bucket: day("20"), feature: "chat", cost_usd: 2 },
      { bucket: day("22"), feature: "chat", cost_usd: 1 },
      { bucket: day("22"), feature: "", cost_usd: 1 },
    ],
    total: [
      { bucket: day("20"), cost_usd: 2.5 },
      { bucket: day("22"), cost_usd: 2 },
    ],
  });
  assert.deepEqual(out.series.map((s) => [s.key, s.label]), [["s1", "chat"], ["s2", "(not set)"], ["other", "Other"]]);
  assert.deepEqual(out.points.map((p) => p.bucket), [day("20"), day("21"), day("22")]);
  assert.deepEqual(out.points.map((p) => [p.s1, p.s2, p.other]), [[2, 0, 0.5], [0, 0, 0], [1, 1, 0]]);
});

test("no Other series when the top values are everything (float dust included)", () => {
  const out = shapeStackedSeries({
    from: "2026-11-20T10:00:00.000Z",
    to: "2026-11-20T12:00:00.000Z",
    interval: "hour",
    stack: "team",
    top: [{ team: "a", cost_usd: 0.3 }, { team: "b", cost_usd: 0.6 }],
    perValue: [
      { bucket: "2026-11-20T10:00:00.000Z", team: "a", cost_usd: 0.1 },
      { bucket: "2026-11-20T10:00:00.000Z", team: "b", cost_usd: 0.2 },
    ],
    total: [{ bucket: "2026-11-20T10:00:00.000Z", cost_usd: 0.30000000000000004 }],
  });
  assert.deepEqual(out.series.map((s) => s.key), ["s1", "s2"]);
  assert.equal(out.points.length, 2);
  assert.equal(out.points[0].other, 0);
});
