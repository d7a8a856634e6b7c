/** USD decimal strings of SLO thresholds to exact pico-dollars and back. Pure. */
import { PICO_PER_USD } from "@/lib/money/pico";

/** Up to 12 decimals: a cost per request is often a fraction of a cent ("0.0004"). */
export const USD_PATTERN = /^\d{1,9}(\.\d{1,12})?$/;

export function usdToPico(usd: string): bigint {
  const [whole, frac = ""] = usd.split(".");
  return BigInt(whole) * PICO_PER_USD + BigInt((frac + "000000000000").slice(0, 12));
}

/** "0.000400" -> "0.0004", "12.50" -> "12.5", "3." never reaches here (pattern). */
export function canonicalUsd(usd: string): string {
  const [whole, frac = ""] = usd.split(".");
  const f = frac.replace(/0+$/, "");
  return `${BigInt(whole).toString()}${f ? `.${f}` : ""}`;
}
