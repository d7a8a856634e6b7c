import type { AlertPayload } from "@/lib/alert-contract/condition";

/** Cause items carry product paths; channels need absolute links, on the alert URL's origin. */
export function absoluteLink(alert: AlertPayload, pathOrUrl: string): string {
  try {
    return new URL(pathOrUrl, alert.url).toString();
  } catch {
    return alert.url;
  }
}

export function formatUsd(n: number): string {
  const sign = n < 0 ? "-" : "";
  return `${sign}$${Math.abs(n).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** The numbers that fired the alert as "name: value" lines, in the order the evaluator gave them. */
export function numberLines(alert: AlertPayload): string[] {
  return Object.entries(alert.numbers).map(([k, v]) => {
    const shown = v === null ? "n/a" : Array.isArray(v) ? `${fmt(k, v[0])} – ${fmt(k, v[1])}` : fmt(k, v);
    return `${k}: ${shown}`;
  });
}

function fmt(key: string, v: number | string): string {
  if (typeof v === "string") return v;
  return /usd|amount|spent|value|expected|band|impact|forecast/i.test(key) && !/pct|percent|ratio|threshold/i.test(key) ? formatUsd(v) : String(v);
}

export function scopeText(scope: Record<string, string>): string {
  const parts = Object.entries(scope).map(([k, v]) => `${k}=${v}`);
  return parts.length ? parts.join(", ") : "whole organization";
}
