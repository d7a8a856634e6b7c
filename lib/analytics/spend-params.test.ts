/** GET /api/v1/spend's query string, and the promise that it reads dates exactly as the overview page does. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseSpendParams } from "./spend-params";
import { parseViewFilters, searchParamsToRecord } from "./filters";

const now = new Date("2026-11-23T12:30:00Z");
const api = (qs: string) => parseSpendParams(new URLSearchParams(qs), now);
const errors = (qs: string) => {
  const r = api(qs);
  assert.equal(r.ok, false, `expected ${qs} to be refused`);
  return (r as { errors: string[] }).errors;
};

test("the page and the read API read the same query string as the same range", () => {
  const queries = [
    "",
    "range=7d",
    "range=90d",
    "from=2026-11-01&to=2026-12-01",
    "to=2026-12-01",
    "from=2026-11-01",
    "from=2026-11-01T10:30:00Z&to=2026-11-02T00:00:00Z",
    "from=2026-11-01T10:30&to=2026-11-01",
    "from=2026-01-01&to=2026-01-31&customer=acme",
    "from=2024-11-21&to=2026-11-21",
  ];
  for (const qs of queries) {
    const a = api(qs);
    assert.ok(a.ok, `${qs}: ${JSON.stringify(a)}`);
    const page = parseViewFilters(searchParamsToRecord(new URLSearchParams(qs)), 30, now);
    assert.equal(page.notice, undefined, qs);
    assert.deepEqual([a.value.from.toISOString(), a.value.to.toISOString()], [page.from.toISOString(), page.to.toISOString()], qs);
  }
  // what that means, spelled out: a date-only `to` is inclusive, the default is the page's 30 days
  const d = api("from=2026-11-01&to=2026-12-01");
  assert.ok(d.ok);
  assert.equal(d.value.to.toISOString(), "2026-12-02T00:00:00.000Z");
  const def = api("");
  assert.ok(def.ok);
  assert.deepEqual([def.value.from.toISOString(), def.value.to.toISOString()], ["2026-10-25T00:00:00.000Z", "2026-11-23T13:00:00.000Z"]);
});

test("every date parameter is bounded to 2000-2099 with an error naming it (from=1960 answered 500)", () => {
  assert.deepEqual(errors("from=1960-01-01&to=1960-02-01"), [
    'from: "1960-01-01" is outside the dates this ledger holds; expected 2000-01-01 to 2099-12-31',
    'to: "1960-02-01" is outside the dates this ledger holds; expected 2000-01-01 to 2099-12-31',
  ]);
  assert.match(errors("from=2199-12-01&to=2200-01-01")[0], /^from: "2199-12-01" is outside/);
  assert.match(errors("to=2100-01-01")[0], /^to: "2100-01-01" is outside/);
  assert.match(errors("from=1969-12-31T23:59:59Z&to=1970-01-02")[0], /^from: /);
  assert.match(errors("from=next%20tuesday")[0], /^from: expected an ISO 8601 date or time/);
  assert.match(errors("to=2026-13-01")[0], /^to: not a calendar date/);
  assert.deepEqual(errors("from=2026-02-01&to=2026-01-01"), ["to: expected a time after from (the range ends before it starts)"]);
  assert.deepEqual(errors("from=2020-01-01&to=2026-01-01"), ["from: the range may span at most 732 days"]);
  assert.match(errors("range=1y")[0], /^range: expected one of 7d, 30d, 90d/);
});

test("a filter value longer than any stored value is a 400 naming the parameter, not a silent match-all", () => {
  assert.deepEqual(errors(`customer=${"c".repeat(257)}`), ["customer: a value has 257 characters; stored values have at most 256, so it can match no spend"]);
  assert.match(errors(`team=a&team=${"t".repeat(300)}`)[0], /^team: value 2 has 300 characters/);
  const max = api(`customer=${"c".repeat(256)}`);
  assert.ok(max.ok);
  assert.deepEqual(max.value.filters.customer, ["c".repeat(256)]);
});

test("unknown parameters, __proto__ included, are refused by name", () => {
  assert.match(errors("__proto__=1")[0], /^unknown parameter __proto__/);
  assert.match(errors("frm=2026-01-01&colour=red")[0], /^unknown parameters frm, colour/);
  assert.deepEqual(errors("limit=5&limit=6"), ["limit: given 2 times, expected once"]);
});

test("group_by, interval, limit and filters are carried over", () => {
  const r = api("group_by=feature,model&interval=day&limit=10&customer=acme&customer=globex&team=");
  assert.ok(r.ok);
  assert.deepEqual(r.value.groupBy, ["feature", "model"]);
  assert.equal(r.value.interval, "day");
  assert.equal(r.value.limit, 10);
  assert.deepEqual(r.value.filters, { customer: ["acme", "globex"], team: [""] });
});
