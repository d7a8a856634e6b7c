import { test } from "node:test";
import assert from "node:assert/strict";
import { monthOf, planInserts, takeInsert } from "./insert-plan";

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

test("takeInsert merges following pieces up to the row cap and the month cap, and never splits one", () => {
  const piece = (n: number, month: number, tag: string) => Array.from({ length: n }, (_, i) => at(2026, month, `${tag}${i}`));
  const pieces = [piece(2, 1, "a"), piece(2, 1, "b"), piece(3, 2, "c"), piece(1, 3, "d"), piece(5, 3, "e")];
  // Row cap 7: a + b + c make 7 rows; then d + e make 6.
  const first = takeInsert(pieces, 0, 7);
  assert.deepEqual(first.rows.map((r) => r.id), ["a0", "a1", "b0", "b1", "c0", "c1", "c2"]);
  assert.equal(first.next, 3);
  assert.equal(takeInsert(pieces, first.next, 7).rows.length, 6);
  // Month cap 1: only pieces of the first piece's month are merged.
  assert.deepEqual(takeInsert(pieces, 0, 100, 1), { rows: [...pieces[0], ...pieces[1]], next: 2 });
  // A cap below a piece's size still takes that piece whole (pieces are groups already planned).
  assert.deepEqual(takeInsert(pieces, 4, 2), { rows: pieces[4], next: 5 });
  // Walking the pieces with any cap writes every row exactly once, in order.
  for (const cap of [1, 3, 7, 100]) {
    const out: string[] = [];
    for (let i = 0; i < pieces.length; ) {
      const t = takeInsert(pieces, i, cap);
      out.push(...t.rows.map((r) => r.id));
      i = t.next;
    }
    assert.deepEqual(out, pieces.flat().map((r) => r.id));
  }
});
