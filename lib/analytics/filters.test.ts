/** URL search params <-> overview view: the contract that makes a shared link show the same numbers. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseViewFilters, searchParamsToRecord, viewToSearchParams, withFilterValue, withPreset, withoutFilterValue } from "./filters";

const now = new Date("2026-11-23T12:30:00Z");
const parse = (qs: string) => parseViewFilters(searchParamsToRecord(new URLSearchParams(qs)), 30, now);

test("no range in the URL is the rolling last 30 days up to the end of the current hour", () => {
  const v = parse("");
  assert.equal(v.from.toISOString(), "2026-10-25T00:00:00.000Z");
  assert.equal(v.to.toISOString(), "2026-11-23T13:00:00.000Z");
  assert.equal(v.preset, "30d");
  assert.equal(viewToSearchParams(v).toString(), "");
});

test("range=7d is the rolling last 7 days and survives a round trip through the URL", () => {
  const v = parse("range=7d");
  assert.equal(v.from.toISOString(), "2026-11-17T00:00:00.000Z");
  assert.equal(v.preset, "7d");
  assert.equal(viewToSearchParams(v).toString(), "range=7d");
});

test("explicit dates win over a preset; a date-only `to` includes that whole day", () => {
  const v = parse("range=7d&from=2026-01-01&to=2026-01-31");
  assert.equal(v.preset, undefined);
  assert.equal(v.from.toISOString(), "2026-01-01T00:00:00.000Z");
  assert.equal(v.to.toISOString(), "2026-02-01T00:00:00.000Z");
  assert.equal(viewToSearchParams(v).toString(), "from=2026-01-01&to=2026-01-31");
});

test("an unreadable or inverted range falls back to the default and says why", () => {
  assert.match(parse("from=yesterday").notice ?? "", /could not be read/);
  assert.match(parse("from=2026-02-01&to=2026-01-01").notice ?? "", /ended before it started/);
  assert.equal(parse("range=12y").preset, "30d");
});

test("choosing a preset drops explicit dates and keeps filters and stack", () => {
  const sp = new URLSearchParams("from=2026-01-01&to=2026-01-31&feature=chat&stack=team");
  assert.equal(withPreset(sp, "90d").toString(), "feature=chat&stack=team&range=90d");
  assert.equal(withPreset(sp, "30d").toString(), "feature=chat&stack=team");
});

test("drill-down adds a value once; removing one value keeps the others; the empty value is a real filter", () => {
  const sp = new URLSearchParams("feature=chat");
  assert.equal(withFilterValue(sp, "feature", "chat").toString(), "feature=chat");
  const two = withFilterValue(sp, "feature", "summarize");
  assert.deepEqual(parse(two.toString()).filters.feature, ["chat", "summarize"]);
  assert.equal(withoutFilterValue(two, "feature", "chat").toString(), "feature=summarize");
  assert.deepEqual(parse("team=").filters.team, [""]);
});

test("unknown stack dimensions fall back to feature; filters come out in a stable order", () => {
  assert.equal(parse("stack=colour").stack, "feature");
  const v = parse("team=core&feature=chat&stack=model");
  assert.equal(viewToSearchParams(v).toString(), "stack=model&feature=chat&team=core");
});
