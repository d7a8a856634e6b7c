import { PICO_PER_USD, picoToUsdString } from "@/lib/money/pico";

/** Exact decimal USD string ("-12.5") to pico-dollars; anything else is a programming error. */
export function usdToPico(amount: string): bigint {
  const m = /^(-?)(\d+)(?:\.(\d{1,12}))?$/.exec(amount.trim());
  if (!m) throw new Error(`not a decimal USD amount: ${JSON.stringify(amount)}`);
  const v = BigInt(m[2]) * PICO_PER_USD + BigInt((m[3] ?? "").padEnd(12, "0"));
  return m[1] ? -v : v;
}

export const sumUsd = (amounts: string[]): string => picoToUsdString(amounts.reduce((s, a) => s + usdToPico(a), 0n));
