import { test } from "node:test";
import assert from "node:assert/strict";
import { openSavingsTotal, overlapViews, type OverlapItem } from "./overlap";

const item = (id: string, group: string, usd: string, status: OverlapItem["status"] = "open", stale = false): OverlapItem => ({ id, overlap_group: group, monthly_savings_usd: usd, status, stale });

test("levers on the same feature and model are not summed: the best of each group counts", () => {
  const items = [
    item("route", "feature:triage|model:gpt-4.1", "1200.50"),
    item("cache", "feature:triage|model:gpt-4.1", "800"),
    item("cap", "feature:draft|model:gpt-4.1", "99.25"),
  ];
  assert.equal(openSavingsTotal(items), "1299.75");
  const v = overlapViews(items);
  assert.deepEqual(v.get("route"), { counted: true, overlaps_with: ["cache"] });
  assert.deepEqual(v.get("cache"), { counted: false, overlaps_with: ["route"] });
  assert.deepEqual(v.get("cap"), { counted: true, overlaps_with: [] });
});

test("only open and accepted, not stale, count; a dismissed best lever hands the group to the next", () => {
  const items = [
    item("route", "g", "1200", "dismissed"),
    item("cache", "g", "800", "accepted"),
    item("old", "h", "500", "open", true),
    item("done", "i", "300", "implemented"),
  ];
  assert.equal(openSavingsTotal(items), "800");
  assert.equal(overlapViews(items).get("cache")?.counted, true);
});

test("ties count once, always the same member", () => {
  const items = [item("b", "g", "10"), item("a", "g", "10")];
  assert.equal(openSavingsTotal(items), "10");
  assert.equal(overlapViews(items).get("a")?.counted, true);
});
