import { test } from "node:test";
import assert from "node:assert/strict";
import { parseQuarter, previousQuarter, quarterBounds, quarterMonths, recentQuarters, sameQuarterLastYear } from "./quarter";

const NOW = new Date("2026-12-02T02:00:00Z");

test("a quarter's UTC bounds, end exclusive; previous and last year across year ends", () => {
  const q4 = quarterBounds({ year: 2026, q: 4 });
  assert.equal(q4.from.toISOString(), "2026-10-01T00:00:00.000Z");
  assert.equal(q4.to.toISOString(), "2027-01-01T00:00:00.000Z");
  assert.deepEqual(previousQuarter({ year: 2026, q: 1 }), { year: 2025, q: 4 });
  assert.deepEqual(sameQuarterLastYear({ year: 2026, q: 1 }), { year: 2025, q: 1 });
  assert.deepEqual(quarterMonths({ year: 2026, q: 1 }).map((m) => m.month), ["2026-01", "2026-02", "2026-03"]);
  assert.deepEqual(recentQuarters(NOW, 3), ["2026-Q4", "2026-Q3", "2026-Q2"]);
});

test("parseQuarter names the field and says what was expected", () => {
  assert.equal(parseQuarter("2026-Q4", NOW).ok, true, "the running quarter is allowed");
  const bad = (s: string | undefined) => {
    const r = parseQuarter(s, NOW);
    assert.equal(r.ok, false);
    return r.ok ? "" : r.error;
  };
  assert.match(bad("2026-q4"), /^quarter: expected a quarter written YYYY-Qn/);
  assert.match(bad("2026-Q0"), /^quarter: expected/);
  assert.match(bad(""), /^quarter: required/);
  assert.match(bad("2027-Q1"), /^quarter: 2027-Q1 has not started yet \(it starts 2027-01-01 UTC\); expected 2026-Q4 or earlier/);
  assert.match(bad("1999-Q4"), /^quarter: expected a year from 2000 to 2099/);
});
