import { test } from "node:test";
import assert from "node:assert/strict";
import { floatPerMtokToPicoPerToken, perMtokToPicoPerToken, picoPerTokenToPerMtok, picoToUsd, picoToUsdString, PICO_PER_USD } from "./pico";

test("picoToUsdString is exact and trims trailing zeros", () => {
  assert.equal(PICO_PER_USD, 10n ** 12n);
  assert.equal(picoToUsdString(1_234_500_000_000n), "1.2345");
  assert.equal(picoToUsdString("197500000"), "0.0001975");
  assert.equal(picoToUsdString(0), "0");
  assert.equal(picoToUsdString(1), "0.000000000001");
  assert.equal(picoToUsdString(5_000_000_000_000n), "5");
  assert.equal(picoToUsdString(-1_500_000_000_000n), "-1.5");
  // beyond 2^53: Int128 sums from ClickHouse arrive as strings
  assert.equal(picoToUsdString("123456789012345678901234"), "123456789012.345678901234");
  assert.equal(picoToUsdString(1_234_567_890_000n, 2), "1.23", "decimals truncates");
});

test("picoToUsd gives the number for charts", () => {
  assert.equal(picoToUsd("15150000000"), 0.01515);
  assert.equal(picoToUsd(0n), 0);
});

test("perMtokToPicoPerToken parses decimal strings exactly", () => {
  assert.equal(perMtokToPicoPerToken("3"), 3_000_000);
  assert.equal(perMtokToPicoPerToken("0.3"), 300_000);
  assert.equal(perMtokToPicoPerToken(" 3.75 "), 3_750_000);
  assert.equal(perMtokToPicoPerToken("0.000001"), 1);
  assert.equal(perMtokToPicoPerToken("0"), 0);
  for (const bad of ["-1", "1.0000001", "abc", "", "1e3", "1."]) {
    assert.throws(() => perMtokToPicoPerToken(bad), /expected a non-negative decimal with at most 6 decimals/, bad);
  }
});

test("float catalog prices round to the nearest pico per token", () => {
  assert.equal(floatPerMtokToPicoPerToken(0.3), 300_000); // 0.3 * 1e6 = 300000.00000000006 in binary
  assert.equal(floatPerMtokToPicoPerToken(0.075), 75_000);
  assert.equal(floatPerMtokToPicoPerToken(1.1), 1_100_000);
  assert.equal(floatPerMtokToPicoPerToken(18.75), 18_750_000);
});

test("picoPerTokenToPerMtok is the inverse for display", () => {
  for (const s of ["3", "0.3", "3.75", "0.000001", "0", "22.5"]) assert.equal(picoPerTokenToPerMtok(perMtokToPicoPerToken(s)), s);
});
