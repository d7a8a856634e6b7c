/**
 * How the review shows its figures on screen and in the PDF (the JSON and CSV keep exact decimals).
 * Pure: safe for client components.
 */

/** "$1,234.57" for amounts of $100 and more, up to 4 decimals below ("$0.0035"); exact input string. */
export function usdText(exact: string | null): string {
  if (exact === null) return "no data";
  const neg = exact.startsWith("-");
  const [whole, frac = ""] = (neg ? exact.slice(1) : exact).split(".");
  const abs = Number(`${whole}.${frac || "0"}`);
  const decimals = abs >= 100 ? 2 : 4;
  const rounded = abs.toLocaleString("en-US", { minimumFractionDigits: abs >= 100 ? 2 : 0, maximumFractionDigits: decimals });
  return `${neg ? "-" : ""}$${rounded}`;
}

export function usdNumberText(n: number | null): string {
  if (n === null) return "n/a";
  const abs = Math.abs(n);
  const s = abs >= 100 ? abs.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : abs.toLocaleString("en-US", { maximumSignificantDigits: 4 });
  return `${n < 0 ? "-" : ""}$${s}`;
}

export function percentText(p: number | null, signed = false): string {
  if (p === null) return "n/a";
  return `${signed && p > 0 ? "+" : ""}${p.toLocaleString("en-US", { maximumFractionDigits: 2 })}%`;
}

export function durationText(seconds: number | null): string {
  if (seconds === null) return "n/a";
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} d`;
}

export function dimensionValueText(v: string): string {
  return v === "" ? "(not set)" : v;
}
