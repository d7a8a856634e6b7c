/**
 * Money is kept as integer pico-dollars (1e-12 USD): exact sums in ClickHouse (Int64 per event,
 * Int128 in rollups) and no binary-float drift, so totals reconcile to the cent.
 */
export const PICO_PER_USD = 1_000_000_000_000n;

/** Exact USD decimal string from pico-dollars, e.g. 1234500000000n -> "1.2345". */
export function picoToUsdString(pico: bigint | string | number, decimals = 12): string {
  const v = BigInt(pico);
  const neg = v < 0n;
  const abs = neg ? -v : v;
  const whole = abs / PICO_PER_USD;
  let frac = (abs % PICO_PER_USD).toString().padStart(12, "0").slice(0, decimals);
  frac = frac.replace(/0+$/, "");
  return `${neg ? "-" : ""}${whole}${frac ? "." + frac : ""}`;
}

/** USD as a JS number for charts and JSON; exact to well below a cent for any realistic total. */
export function picoToUsd(pico: bigint | string | number): number {
  return Number(picoToUsdString(pico));
}

/**
 * Parses a USD-per-1M-token decimal string ("3.75") into pico-dollars per token (3_750_000).
 * At most 6 decimals so the result is an exact integer.
 */
export function perMtokToPicoPerToken(usdPerMtok: string): number {
  const m = /^(\d+)(?:\.(\d{1,6}))?$/.exec(usdPerMtok.trim());
  if (!m) throw new Error(`expected a non-negative decimal with at most 6 decimals, got "${usdPerMtok}"`);
  return Number(m[1]) * 1_000_000 + Number((m[2] ?? "").padEnd(6, "0"));
}

/** Catalog prices arrive as floats (USD per 1M tokens); round to the nearest pico-dollar per token. */
export function floatPerMtokToPicoPerToken(usdPerMtok: number): number {
  return Math.round(usdPerMtok * 1_000_000);
}

export function picoPerTokenToPerMtok(pico: number): string {
  const whole = Math.floor(pico / 1_000_000);
  const frac = String(pico % 1_000_000).padStart(6, "0").replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : String(whole);
}
