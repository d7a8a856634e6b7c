import { test } from "node:test";
import assert from "node:assert/strict";
import { centsStringToPico, decimalToScaledInt, dollarsNumberToPico } from "./decimal";
import { planPull } from "./pull-plan";

test("OpenAI dollars (JSON numbers) become exact pico-dollars through their decimal text", () => {
  assert.equal(dollarsNumberToPico(0.06), 60_000_000_000n);
  // float noise past the 12th decimal is rounded away instead of multiplied in
  assert.equal(dollarsNumberToPico(0.13080000000000003), 130_800_000_000n);
  assert.equal(dollarsNumberToPico(1e-7), 100_000n);
  assert.equal(dollarsNumberToPico(12345.6789), 12_345_678_900_000_000n);
  let floatSum = 0;
  let exact = 0n;
  for (let i = 0; i < 1000; i++) {
    floatSum += 0.1;
    exact += dollarsNumberToPico(0.1);
  }
  assert.notEqual(floatSum * 1e12, 100e12);
  assert.equal(exact, 100_000_000_000_000n);
});

test("Anthropic cents strings become pico-dollars (1 cent = 1e10)", () => {
  assert.equal(centsStringToPico("123.78912"), 1_237_891_200_000n);
  assert.equal(centsStringToPico("0"), 0n);
  assert.equal(centsStringToPico("-5.5"), -55_000_000_000n);
  assert.equal(decimalToScaledInt("0.0000000000005", 12), 1n);
  assert.throws(() => decimalToScaledInt("abc", 12), /expected a decimal/);
});

test("pull plan: backfill in chunks, then a trailing window; a gap is caught up", () => {
  const now = new Date(Date.UTC(2026, 10, 20, 10, 30));
  const p1 = planPull(null, 90, now);
  assert.equal(p1.usage.from.toISOString(), "2026-08-22T00:00:00.000Z");
  assert.equal(p1.caughtUp, false);
  assert.ok(p1.progress > 0 && p1.progress < 1);
  let c: unknown = p1.next;
  let plan = p1;
  for (let i = 0; i < 5 && !plan.caughtUp; i++) {
    plan = planPull(c, 90, now);
    c = plan.next;
  }
  assert.equal(plan.caughtUp, true);
  assert.equal(plan.next.dataUntil, "2026-11-20T10:00:00.000Z");
  const later = planPull(c, 90, new Date(now.getTime() + 3_600_000));
  assert.equal(later.usage.from.toISOString(), "2026-11-18T11:00:00.000Z", "48 h trailing window");
  assert.equal(later.usage.to.toISOString(), "2026-11-20T12:00:00.000Z", "through the open hour");
  assert.equal(later.cost.from.toISOString(), "2026-11-17T00:00:00.000Z");
  const afterGap = planPull(c, 90, new Date(now.getTime() + 40 * 86_400_000));
  assert.equal(afterGap.usage.from.toISOString(), "2026-11-20T10:00:00.000Z", "from where it stopped");
  assert.equal(afterGap.caughtUp, false);
});
