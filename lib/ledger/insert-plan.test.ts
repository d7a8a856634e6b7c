import { test } from "node:test";
import assert from "node:assert/strict";
import { monthOf, planInserts } from "./insert-plan";

const at = (y: number, m: number, id = "") => ({ ts: `${y}-${String(m).padStart(2, "0")}-10 12:00:00.000`, id });
const months = (rows: { ts: string }[]) => new Set(rows.map(monthOf)).size;

test("rows of any span are cut into INSERTs of at most maxPartitions months, keeping every row once", () => {
  const rows = Array.from({ length: 325 }, (_, i) => at(2000 + Math.floor(i / 12), (i % 12) + 1, `e${i}`));
  const inserts = planInserts(rows.map((r) => [r]), 24);
  assert.equal(inserts.length, Math.ceil(325 / 24));
  for (const ins of inserts) assert.ok(months(ins) <= 24);
  assert.deepEqual(inserts.flat().map((r) => r.id).sort(), rows.map((r) => r.id).sort());
});

test("rows of one month interleaved with others still count as one partition", () => {
  const rows = [at(2026, 1, "a"), at(2026, 2, "b"), at(2026, 1, "c"), at(2026, 3, "d")];
  const inserts = planInserts(rows.map((r) => [r]), 2);
  assert.deepEqual(inserts.map((i) => i.map((r) => r.id)), [["a", "c", "b"], ["d"]]);
});

test("a month larger than the row cap is split, never inside a group", () => {
  const pairs = Array.from({ length: 5 }, (_, i) => [at(2026, 1, `${i}-cancel`), at(2026, 1, `${i}-new`)]);
  const inserts = planInserts(pairs, 1, 3);
  for (const ins of inserts) {
    assert.ok(ins.length <= 3);
    assert.equal(ins.length % 2, 0, "each pair stays whole");
  }
  assert.equal(inserts.flat().length, 10);
});

test("maxPartitions 1 gives single-month INSERTs (re-costs)", () => {
  const groups = [[at(2026, 1)], [at(2026, 2)], [at(2026, 1)], [at(2025, 12)]];
  const inserts = planInserts(groups, 1);
  assert.equal(inserts.length, 3);
  for (const ins of inserts) assert.equal(months(ins), 1);
});

test("a group spanning months is refused (it could not be written atomically)", () => {
  assert.throws(() => planInserts([[at(2026, 1), at(2026, 2)]]), /spans months/);
});

test("nothing to write gives no INSERT", () => {
  assert.deepEqual(planInserts([]), []);
  assert.deepEqual(planInserts([[]]), []);
});
