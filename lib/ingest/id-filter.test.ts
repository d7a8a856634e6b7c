import { test } from "node:test";
import assert from "node:assert/strict";
import { IdFilter } from "./id-filter";

test("a key that was added is always reported as possibly present", () => {
  const f = new IdFilter(10_000);
  for (let i = 0; i < 10_000; i++) f.add(`org\u0000evt-${i}`);
  for (let i = 0; i < 10_000; i++) assert.equal(f.mightContain(`org\u0000evt-${i}`), true, `evt-${i}`);
  assert.equal(f.count, 10_000);
});

test("keys never added are mostly reported absent (false positives near 1% at capacity)", () => {
  const f = new IdFilter(100_000);
  for (let i = 0; i < 100_000; i++) f.add(`org\u0000${i.toString(36)}-a`);
  let fp = 0;
  for (let i = 0; i < 100_000; i++) if (f.mightContain(`org\u0000${i.toString(36)}-b`)) fp++;
  assert.ok(fp / 100_000 < 0.02, `false-positive rate ${fp / 100_000}`);
});

test("the organization is part of the key", () => {
  const f = new IdFilter(1000);
  f.add("org-a\u0000evt-1");
  assert.equal(f.mightContain("org-a\u0000evt-1"), true);
  assert.equal(f.mightContain("org-b\u0000evt-1"), false);
});

test("past capacity it says so, and still never forgets a key", () => {
  const f = new IdFilter(1000);
  for (let i = 0; i < 5000; i++) f.add(`o\u0000${i}`);
  assert.equal(f.overfull, true);
  for (let i = 0; i < 5000; i++) assert.equal(f.mightContain(`o\u0000${i}`), true);
});
