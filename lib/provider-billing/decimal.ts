/**
 * Exact money from the providers' wire values. OpenAI sends dollars as a JSON number, Anthropic cents
 * as a decimal string; both are read as DECIMAL TEXT and scaled with integer arithmetic, because a
 * binary float times 1e12 does not reconcile to the cent over a month of buckets.
 */

/** A JSON number as the shortest decimal text that reads back as the same double (what JSON.stringify writes). */
export function numberToDecimalString(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`expected a finite number, got ${n}`);
  return String(n);
}

/**
 * Decimal text (optionally signed, optionally with an exponent) times 10^scaleDigits, rounded half
 * away from zero to an integer. `decimalToScaledInt("0.06", 12)` = 60_000_000_000n.
 */
export function decimalToScaledInt(text: string, scaleDigits: number): bigint {
  const m = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m || (!m[2] && !m[3])) throw new Error(`expected a decimal number, got "${text}"`);
  const neg = m[1] === "-";
  const digits = (m[2] ?? "") + (m[3] ?? "");
  // value = digits * 10^(exp - fractionLength); scaled by 10^scaleDigits
  const shift = Number(m[4] ?? 0) - (m[3] ?? "").length + scaleDigits;
  let v = BigInt(digits || "0");
  if (shift >= 0) v *= 10n ** BigInt(shift);
  else {
    const div = 10n ** BigInt(-shift);
    const q = v / div;
    v = (v % div) * 2n >= div ? q + 1n : q;
  }
  return neg ? -v : v;
}

/** OpenAI Costs API `amount.value` (dollars, JSON number) -> pico-dollars. */
export const dollarsNumberToPico = (n: number): bigint => decimalToScaledInt(numberToDecimalString(n), 12);

/** Anthropic cost report `amount` (decimal string in cents) -> pico-dollars (1 cent = 1e10 pico). */
export const centsStringToPico = (s: string): bigint => decimalToScaledInt(s, 10);
