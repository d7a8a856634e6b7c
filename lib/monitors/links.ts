import type { Severity } from "@/lib/alert-contract/condition";
import { DIMENSIONS } from "@/lib/domain/event";
import type { MonitorDimension, MonitorScope } from "./types";

/** The filters of one series: the monitor's scope narrowed to the series' value. */
export function seriesFilters(scope: MonitorScope, dimension: MonitorDimension, value: string): MonitorScope {
  return dimension === "" ? { ...scope } : { ...scope, [dimension]: [value] };
}

/** `<kind>:<monitorId>:<dimension>=<value>`, or `:total` for a monitor of the organization's total. */
export function seriesDedupKey(kind: string, monitorId: string, dimension: MonitorDimension, value: string): string {
  return `${kind}:${monitorId}:${dimension === "" ? "total" : `${dimension}=${value}`}`;
}

/** The alert's scope: one string per dimension (several scope values joined by commas). */
export function scopeRecord(filters: MonitorScope): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of DIMENSIONS) if (filters[d]?.length) out[d] = filters[d]!.join(",");
  return out;
}

/**
 * The overview filtered to `filters` over [from, to): the URL format of lib/analytics/filters.ts
 * (repeated dimension parameters, full timestamps; `to` exclusive).
 */
export function overviewUrl(filters: MonitorScope, fromMs: number, toMs: number): string {
  const sp = new URLSearchParams();
  for (const d of DIMENSIONS) for (const v of filters[d] ?? []) sp.append(d, v);
  sp.set("from", new Date(fromMs).toISOString());
  sp.set("to", new Date(toMs).toISOString());
  return `/?${sp.toString()}`;
}

export const SEVERITY_LEVEL: Record<Severity, number> = { info: 0, warning: 1, critical: 2 };

/**
 * Severity from dollars and how far out of line: a tenfold jump of a few cents is not a page, and
 * neither is $50 over a $5,000 hour. critical: at least $100 over and 3x expected, or $1,000 over;
 * warning: at least $10 over, or 3x expected; info otherwise.
 */
export function severityFor(impactUsd: number, ratio: number): Severity {
  if ((impactUsd >= 100 && ratio >= 3) || impactUsd >= 1000) return "critical";
  if (impactUsd >= 10 || ratio >= 3) return "warning";
  return "info";
}

export function usd(n: number): string {
  return `$${n >= 100 ? n.toFixed(0) : n.toFixed(2)}`;
}

export function seriesLabel(dimension: MonitorDimension, value: string): string {
  return dimension === "" ? "organization total" : `${dimension}=${value === "" ? "(none)" : value}`;
}
