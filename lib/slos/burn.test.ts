/**
 * The multiwindow burn-rate table on generated SLIs (5-minute slices): a fast burn pages within its
 * short window, a slow burn does not page but opens a ticket, a burn that stopped stops paging.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { SLICE_MS, budgetRemaining, burnRate, burnRates, firingRules, stateOf, sumWindow } from "./burn";
import { statusFromSlices } from "./status";
import { sloConditions } from "./conditions";
import type { Slice, SloConfig } from "./types";

const NOW = Date.UTC(2026, 11, 2, 12, 2, 30); // 2.5 minutes into a slice
const SLICE0 = Math.floor(NOW / SLICE_MS) * SLICE_MS;
const TARGET = 99.9; // 0.1% error budget

/** 100 requests per slice for `days` before now, `errorRate(start)` of them bad. */
function generate(days: number, errorRate: (start: number) => number): Slice[] {
  const out: Slice[] = [];
  for (let s = SLICE0 - days * 86_400_000; s <= SLICE0; s += SLICE_MS) {
    const bad = Math.round(100 * errorRate(s));
    out.push({ start: s, good: 100 - bad, total: 100 });
  }
  return out;
}

const severities = (slices: Slice[], now = NOW) => firingRules(burnRates(slices, now, TARGET)).map((f) => `${f.severity}:${f.long}/${f.short}`);

test("burn = error ratio / allowed error ratio; no data is no burn", () => {
  assert.equal(burnRate(990, 1000, 99), 1);
  assert.ok(Math.abs(burnRate(856, 1000, 99)! - 14.4) < 1e-9);
  assert.equal(burnRate(0, 0, 99), null);
  assert.equal(budgetRemaining(995, 1000, 99), 0.5);
  assert.equal(budgetRemaining(980, 1000, 99), -1);
});

test("windows are whole slices ending with the current one", () => {
  const slices = generate(1, () => 0);
  assert.deepEqual(sumWindow(slices, NOW, 5 * 60_000), { good: 200, total: 200 }); // current + previous
  assert.deepEqual(sumWindow(slices, NOW, 3_600_000), { good: 1300, total: 1300 });
});

test("a fast burn pages within the short window", () => {
  // Clean for 3 days, then half the requests fail from the start of the current slice.
  const slices = generate(3, (s) => (s >= SLICE0 ? 0.5 : 0));
  const fired = severities(slices);
  assert.ok(fired.includes("critical:1h/5m"), fired.join(","));
  const status = statusFromSlices({ target: TARGET, windowType: "rolling", windowDays: 30, enabled: true }, slices, new Date(NOW));
  assert.equal(status.state, "page");
  // Five minutes before, nothing fired: the page comes from the burn, not from history.
  assert.deepEqual(severities(slices.filter((s) => s.start < SLICE0), SLICE0 - 1), []);
});

test("a slow burn does not page but opens a ticket", () => {
  // 0.2% errors for 3 days: burn 2, under both page factors (14.4 and 6), over the ticket's 1.
  const slices = generate(3, (s) => ((s / SLICE_MS) % 5 === 0 ? 0.01 : 0));
  const burn = burnRates(slices, NOW, TARGET);
  assert.ok(burn["3d"]! > 1 && burn["3d"]! < 6, `3d burn ${burn["3d"]}`);
  const fired = severities(slices);
  assert.ok(!fired.some((f) => f.startsWith("critical")), fired.join(","));
  assert.ok(fired.includes("warning:3d/6h"), fired.join(","));
  assert.equal(stateOf(firingRules(burn), true), "ticket");
});

test("a fast burn that stopped two hours ago no longer pages (short windows clean)", () => {
  const stop = SLICE0 - 2 * 3_600_000;
  const slices = generate(3, (s) => (s >= stop - 20 * 60_000 && s < stop ? 0.5 : 0));
  const fired = severities(slices);
  assert.ok(!fired.some((f) => f.startsWith("critical")), fired.join(","));
});

test("the page becomes a critical slo_burn condition linking to the SLO", () => {
  const slo: SloConfig = {
    id: "s1", orgId: "o", name: "Support cost", scope: { feature: "support" }, kind: "cost_per_request", threshold: "0.01", action: "",
    target: TARGET, windowType: "rolling", windowDays: 30, enabled: true, createdAt: new Date(0), updatedAt: new Date(0),
  };
  const status = statusFromSlices(slo, generate(3, (s) => (s >= SLICE0 ? 0.5 : 0)), new Date(NOW));
  const [c] = sloConditions(slo, status);
  assert.equal(c.kind, "slo_burn");
  assert.equal(c.severity, "critical");
  assert.equal(c.url, "/slos/s1");
  assert.deepEqual(c.scope, { feature: "support" });
  assert.deepEqual(sloConditions(slo, statusFromSlices(slo, generate(3, () => 0), new Date(NOW))), []);
  assert.equal(statusFromSlices({ ...slo, enabled: false }, generate(3, (s) => (s >= SLICE0 ? 0.5 : 0)), new Date(NOW)).firing.length, 0);
});
