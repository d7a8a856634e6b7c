/** Unit: the links a condition carries open the overview on exactly its series and hours; keys and severities. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseViewFilters, searchParamsToRecord } from "@/lib/analytics/filters";
import { overviewUrl, seriesDedupKey, seriesFilters, severityFor } from "./links";
import { createMonitorSchema, updateMonitorSchema } from "./types";

test("a cause link reads back, through the overview's own parser, as its filters and range", () => {
  const from = Date.UTC(2026, 10, 17, 14);
  const to = Date.UTC(2026, 10, 18, 15);
  const url = overviewUrl({ project: ["search & ranking"], feature: ["é-accent"], team: ["a", "b"] }, from, to);
  const v = parseViewFilters(searchParamsToRecord(new URL(url, "http://x").searchParams));
  assert.equal(v.notice, undefined);
  assert.equal(v.from.getTime(), from);
  assert.equal(v.to.getTime(), to);
  assert.deepEqual(v.filters, { project: ["search & ranking"], feature: ["é-accent"], team: ["a", "b"] });
});

test("dedup keys: one per monitor, kind and series", () => {
  assert.equal(seriesDedupKey("anomaly", "m1", "", ""), "anomaly:m1:total");
  assert.equal(seriesDedupKey("cost_per_request", "m1", "feature", "chat"), "cost_per_request:m1:feature=chat");
  assert.deepEqual(seriesFilters({ project: ["p"] }, "feature", "chat"), { project: ["p"], feature: ["chat"] });
});

test("severity rises with dollars and with how far out of line", () => {
  assert.equal(severityFor(0.5, 10), "warning");
  assert.equal(severityFor(0.5, 1.5), "info");
  assert.equal(severityFor(50, 1.2), "warning");
  assert.equal(severityFor(150, 4), "critical");
  assert.equal(severityFor(150, 1.5), "warning");
  assert.equal(severityFor(2000, 1.1), "critical");
});

test("monitor bodies: defaults, and every bad field named", () => {
  const ok = createMonitorSchema.parse({ name: " x ", min_spend_usd: 2.5 });
  assert.deepEqual(ok, { name: "x", dimension: "", scope: {}, min_spend_usd: "2.5", kinds: ["anomaly", "cost_per_request"], sensitivity: "medium", enabled: true, channels: [] });
  const bad = updateMonitorSchema.safeParse({ scope: { colour: "red" }, min_spend_usd: "1.1234567", enabled: "yes" });
  assert.equal(bad.success, false);
  const details = bad.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  for (const d of [/^scope.colour: expected a dimension among provider/, /^min_spend_usd: expected/, /^enabled: expected true or false/]) {
    assert.ok(details.some((x) => d.test(x)), `${d} in ${JSON.stringify(details)}`);
  }
});
