/** Exact USD decimal strings <-> pico-dollars, for sums and differences of the report's figures. Pure. */
import { picoToUsdString } from "@/lib/money/pico";

export function usdToPico(usd: string): bigint {
  const m = /^(-)?(\d+)(?:\.(\d{1,12}))?$/.exec(usd);
  if (!m) throw new Error(`not an exact USD decimal: ${usd}`);
  const v = BigInt(m[2]) * 1_000_000_000_000n + BigInt((m[3] ?? "").padEnd(12, "0"));
  return m[1] ? -v : v;
}

export const usd = (pico: bigint) => picoToUsdString(pico);

/** a / b x 100 rounded to 2 decimals, null when b is 0. */
export function percent(a: bigint | number, b: bigint | number): number | null {
  if (typeof a === "bigint" || typeof b === "bigint") {
    const A = BigInt(a);
    const B = BigInt(b);
    if (B === 0n) return null;
    return Number((A * 10_000n) / B) / 100;
  }
  return b === 0 ? null : Math.round((a / b) * 10_000) / 100;
}

/** USD per unit as a float (a ratio for display, not a ledger figure). */
export function perUnit(pico: bigint, units: number): number | null {
  return units > 0 ? Number(pico) / 1e12 / units : null;
}
