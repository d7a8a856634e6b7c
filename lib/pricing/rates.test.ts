/** costOf: exact integer cost per bucket, tiers, and "no price for a used bucket" = unpriced. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { costOf, type RateCard } from "./rates";
import type { TokenBuckets } from "@/lib/domain/event";

const t = (x: Partial<TokenBuckets>): TokenBuckets => ({ inputUncached: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 0, reasoning: 0, ...x });
// $3 input, $0.30 read, $3.75 5 min write, $6 1 h write, $15 output (pico per token = USD/Mtok x 1e6)
const CARD: RateCard = { input: 3_000_000, cacheRead: 300_000, cacheWrite5m: 3_750_000, cacheWrite1h: 6_000_000, output: 15_000_000 };

test("each bucket at its own rate, summed exactly", () => {
  const r = costOf(t({ inputUncached: 7, cacheRead: 11, cacheWrite5m: 13, cacheWrite1h: 17, output: 19, reasoning: 5 }), CARD);
  assert.deepEqual(r, {
    priced: true,
    costPico: 7 * 3_000_000 + 11 * 300_000 + 13 * 3_750_000 + 17 * 6_000_000 + 19 * 15_000_000,
    cacheSavingsPico: 11 * (3_000_000 - 300_000),
  });
});

test("a used bucket without a price makes the request unpriced; an unused one does not", () => {
  const noOutput = { ...CARD, output: null };
  assert.deepEqual(costOf(t({ inputUncached: 10, output: 1 }), noOutput), { priced: false, costPico: 0, cacheSavingsPico: 0 });
  assert.deepEqual(costOf(t({ inputUncached: 10 }), noOutput), { priced: true, costPico: 30_000_000, cacheSavingsPico: 0 });
  const noPrices: RateCard = { input: null, cacheRead: null, cacheWrite5m: null, cacheWrite1h: null, output: null };
  assert.equal(costOf(t({ cacheWrite1h: 1 }), noPrices).priced, false);
  assert.deepEqual(costOf(t({}), noPrices), { priced: true, costPico: 0, cacheSavingsPico: 0 }, "no tokens cost nothing");
});

test("tiers are chosen by the request's total input (all input buckets), strictly above the start", () => {
  const tiered: RateCard = {
    input: { base: 1_000_000, tiers: [{ start: 100, price: 2_000_000 }, { start: 200, price: 3_000_000 }] },
    cacheRead: { base: 100_000, tiers: [{ start: 100, price: 200_000 }] },
    cacheWrite5m: 1_000_000,
    cacheWrite1h: 1_000_000,
    output: { base: 10_000_000, tiers: [{ start: 100, price: 20_000_000 }] },
  };
  // total input 100 = 60 uncached + 40 read: not above 100 -> base
  assert.equal(costOf(t({ inputUncached: 60, cacheRead: 40, output: 1 }), tiered).costPico, 60 * 1_000_000 + 40 * 100_000 + 10_000_000);
  // total input 101 (the cache write counts too): first tier for input, read and output
  assert.equal(costOf(t({ inputUncached: 60, cacheRead: 40, cacheWrite5m: 1, output: 1 }), tiered).costPico, 60 * 2_000_000 + 40 * 200_000 + 1 * 1_000_000 + 20_000_000);
  // total 201: second input tier
  assert.equal(costOf(t({ inputUncached: 201 }), tiered).costPico, 201 * 3_000_000);
});

test("cache savings are never negative (a cache read priced above input)", () => {
  assert.equal(costOf(t({ cacheRead: 10 }), { ...CARD, cacheRead: 4_000_000 }).cacheSavingsPico, 0);
});

test("large volumes stay exact integers", () => {
  // 5e8 output tokens at $15/Mtok = $7,500 = 7.5e15 pico, below 2^53
  const r = costOf(t({ output: 500_000_000 }), CARD);
  assert.equal(r.costPico, 7_500 * 1e12);
  assert.ok(Number.isSafeInteger(r.costPico));
});

test("a cost beyond exact integer range is unpriced, never a rounded or wrapped amount", () => {
  // 1e9 tokens at an (absurd) override of $10,000/Mtok = 1e19 pico: above 2^53 and above Int64
  const r = costOf(t({ output: 1_000_000_000 }), { ...CARD, output: 10_000_000_000 });
  assert.deepEqual(r, { priced: false, costPico: 0, cacheSavingsPico: 0 });
});
