/**
 * Budget amounts are exact decimal strings; the ledger counts integer pico-dollars. Comparisons and
 * sums stay in bigint so a budget of $1,000.00 is crossed at exactly $1,000.00.
 */
import { PICO_PER_USD, picoToUsdString } from "@/lib/money/pico";

/** Up to 12 digits before the point and 6 after: far above any budget, exact in pico-dollars. */
export const AMOUNT_PATTERN = /^\d{1,12}(\.\d{1,6})?$/;

export function usdToPico(amount: string): bigint {
  const m = AMOUNT_PATTERN.exec(amount.trim());
  if (!m) throw new Error(`expected a decimal USD amount such as "1000" or "250.50", got "${amount}"`);
  const [whole, frac = ""] = amount.trim().split(".");
  return BigInt(whole) * PICO_PER_USD + BigInt(frac.padEnd(12, "0"));
}

/** The canonical string of an amount ("0100.50" -> "100.5"), so equal amounts compare equal. */
export function canonicalUsd(amount: string): string {
  return picoToUsdString(usdToPico(amount));
}

export function picoUsd(pico: bigint): string {
  return picoToUsdString(pico);
}

/** a / b x 100 as a number with 4 decimals; 0 when b is 0. */
export function percentOf(a: bigint, b: bigint): number {
  if (b === 0n) return 0;
  return Number((a * 1_000_000n) / b) / 10_000;
}

export function picoNumber(pico: bigint): number {
  return Number(picoToUsdString(pico));
}
