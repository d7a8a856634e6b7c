/** Display formatting. Numbers come from the queries; these only decide how they read. */

const usd2 = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const usd4 = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 4, maximumFractionDigits: 4 });
const usdCompact = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 1 });
const int = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/**
 * Money: 2 decimals, or 4 below one dollar so small amounts (a test batch, a cheap model) stay
 * visible instead of rounding to $0.00.
 */
export function formatUsd(usd: number): string {
  return Math.abs(usd) < 1 ? usd4.format(usd) : usd2.format(usd);
}

/** Per-request and per-token costs are tiny: enough significant digits to compare them. */
export function formatUnitUsd(usd: number): string {
  if (usd === 0) return "$0";
  if (Math.abs(usd) >= 1) return usd2.format(usd);
  return "$" + usd.toPrecision(3).replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
}

export function formatUsdCompact(usd: number): string {
  return Math.abs(usd) < 1000 ? formatUsd(usd).replace(/(\.\d{2})\d+$/, "$1") : usdCompact.format(usd);
}

export function formatInt(n: number): string {
  return int.format(n);
}

export function formatCompact(n: number): string {
  return Math.abs(n) < 10_000 ? int.format(n) : compact.format(n);
}

export function formatPercent(ratio: number, digits = 1): string {
  return `${(ratio * 100).toFixed(digits)}%`;
}

export function formatSignedPercent(ratio: number): string {
  const pct = ratio * 100;
  const sign = pct > 0 ? "+" : pct < 0 ? "−" : "";
  return `${sign}${Math.abs(pct).toFixed(1)}%`;
}

const dayFmt = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const dayYearFmt = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
const hourFmt = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });
const dateTimeFmt = new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

export function formatDay(d: Date | string): string {
  return dayFmt.format(new Date(d));
}

export function formatDayYear(d: Date | string): string {
  return dayYearFmt.format(new Date(d));
}

export function formatHour(d: Date | string): string {
  return hourFmt.format(new Date(d));
}

export function formatDateTime(d: Date | string | null | undefined): string {
  return d ? `${dateTimeFmt.format(new Date(d))} UTC` : "—";
}

/** "Nov 1 – Nov 30, 2026" for a half-open range. */
export function formatRange(from: Date, to: Date): string {
  const last = new Date(to.getTime() - 1);
  const sameDay = from.toISOString().slice(0, 10) === last.toISOString().slice(0, 10);
  return sameDay ? formatDayYear(from) : `${formatDay(from)} – ${formatDayYear(last)}`;
}
