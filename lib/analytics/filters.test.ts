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
  assert.match(parse("from=yesterday").notice ?? "", /could not be used \(from: expected an ISO 8601 date/);
  assert.match(parse("from=2026-02-01&to=2026-01-01").notice ?? "", /ends before it starts/);
  assert.match(parse("from=2026-02-30").notice ?? "", /from: not a calendar date/);
  const bad = parse("range=12y");
  assert.equal(bad.preset, "30d");
  assert.match(bad.notice ?? "", /range: expected one of 7d, 30d, 90d/);
  assert.equal(parse("from=2026-01-01&to=2026-01-31").notice, undefined);
});

test("dates outside 2000-2099 are refused by name (from=1960 answered 500 in the read API)", () => {
  for (const qs of ["from=1960-01-01&to=1960-02-01", "from=1999-12-31", "to=2100-01-01", "from=2199-12-01&to=2200-01-01", "from=1969-12-31T23:00:00Z"]) {
    const v = parse(qs);
    assert.match(v.notice ?? "", /outside the dates this ledger holds; expected 2000-01-01 to 2099-12-31/, qs);
    assert.equal(v.from.toISOString(), "2026-10-25T00:00:00.000Z", `${qs} shows the default range`);
  }
  assert.equal(parse("from=2000-01-01&to=2000-01-31").notice, undefined);
  assert.equal(parse("from=2099-12-01&to=2099-12-31").to.toISOString(), "2100-01-01T00:00:00.000Z");
});

test("a date-only `to` is inclusive, a timestamp `to` exclusive; a timestamp without a zone is UTC", () => {
  assert.equal(parse("from=2026-11-01&to=2026-12-01").to.toISOString(), "2026-12-02T00:00:00.000Z");
  assert.equal(parse("from=2026-11-01&to=2026-12-01T00:00:00Z").to.toISOString(), "2026-12-01T00:00:00.000Z");
  assert.equal(parse("from=2026-11-01T10:30").from.toISOString(), "2026-11-01T10:30:00.000Z");
  assert.equal(parse("from=2026-11-01T10:30:00%2B02:00").from.toISOString(), "2026-11-01T08:30:00.000Z");
  assert.equal(parse("from=2026-11-01T10:30:00+02:00").from.toISOString(), "2026-11-01T08:30:00.000Z", "an unencoded + arrives as a space");
  // only `to`: the default number of days before it; only `from`: up to the end of the current hour
  assert.equal(parse("to=2026-06-30").from.toISOString(), "2026-06-01T00:00:00.000Z");
  assert.equal(parse("from=2026-11-20").to.toISOString(), "2026-11-23T13:00:00.000Z");
});

test("a filter value longer than any stored value is kept (it matches nothing) and the page says so", () => {
  const long = "c".repeat(257);
  const v = parse(`customer=${long}`);
  assert.deepEqual(v.filters.customer, [long], "never dropped: dropping it showed the unfiltered total");
  assert.match(v.notice ?? "", /customer: a value has 257 characters; stored values have at most 256, so it can match no spend/);
  const atMax = parse(`customer=${"c".repeat(256)}`);
  assert.deepEqual(atMax.filters.customer, ["c".repeat(256)]);
  assert.equal(atMax.notice, undefined, "the longest value ingest accepts is a valid filter (the page allowed only 200)");
});

test("filter values are NFC like stored values, and are not capped silently", () => {
  assert.deepEqual(parse("customer=Cafe%CC%81").filters.customer, ["Caf\u00e9"]);
  const many = Array.from({ length: 80 }, (_, i) => `team=t${i}`).join("&");
  assert.equal(parse(many).filters.team?.length, 80);
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
