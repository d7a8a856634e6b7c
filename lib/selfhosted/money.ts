/** GPU prices are exact decimal strings; costs are integer pico-dollars (bigint), like the ledger's. */
import { PICO_PER_USD, picoToUsdString } from "@/lib/money/pico";

/** Up to 9 digits before the point and 6 after. */
export const PRICE_PATTERN = /^\d{1,9}(\.\d{1,6})?$/;

export function usdToPico(amount: string): bigint {
  const t = amount.trim();
  if (!PRICE_PATTERN.test(t)) throw new Error(`expected a decimal USD amount such as "2.49", got "${amount}"`);
  const [whole, frac = ""] = t.split(".");
  return BigInt(whole) * PICO_PER_USD + BigInt(frac.padEnd(12, "0"));
}

export const canonicalUsd = (amount: string): string => picoToUsdString(usdToPico(amount));
export const usd = (pico: bigint): string => picoToUsdString(pico);
