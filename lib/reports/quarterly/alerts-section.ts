import "server-only";
import { alertsOpenedBetween, type AlertTiming } from "@/lib/alerts/queries";
import type { QuarterBounds } from "./quarter";
import type { AlertsSummary } from "./types";

/**
 * Alerts opened in the quarter: counts by kind and severity, and how fast people answered: time to
 * acknowledge (acknowledgedAt - openedAt, over the acknowledged ones) and time to resolve
 * (resolvedAt - openedAt, over the resolved ones, acknowledged first or not). Medians, because one alert
 * left open over a holiday would swamp a mean.
 */

export function median(sorted: number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

export function quantile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  // Nearest rank: an actual observed duration, not an interpolation between two.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

export function summarizeAlerts(alerts: AlertTiming[]): AlertsSummary {
  const byKind: Record<string, number> = {};
  const bySeverity: Record<string, number> = {};
  const pairs = new Map<string, { kind: string; severity: string; count: number }>();
  const ack: number[] = [];
  const resolve: number[] = [];
  for (const a of alerts) {
    byKind[a.kind] = (byKind[a.kind] ?? 0) + 1;
    bySeverity[a.severity] = (bySeverity[a.severity] ?? 0) + 1;
    const k = `${a.kind}\u0000${a.severity}`;
    const pair = pairs.get(k) ?? { kind: a.kind, severity: a.severity, count: 0 };
    pair.count++;
    pairs.set(k, pair);
    if (a.acknowledgedAt) ack.push(Math.max(0, (a.acknowledgedAt.getTime() - a.openedAt.getTime()) / 1000));
    if (a.resolvedAt) resolve.push(Math.max(0, (a.resolvedAt.getTime() - a.openedAt.getTime()) / 1000));
  }
  ack.sort((x, y) => x - y);
  resolve.sort((x, y) => x - y);
  return {
    total: alerts.length,
    by_kind: byKind,
    by_severity: bySeverity,
    by_kind_and_severity: [...pairs.values()].sort((x, y) => y.count - x.count || x.kind.localeCompare(y.kind) || x.severity.localeCompare(y.severity)),
    acknowledged: ack.length,
    resolved: resolve.length,
    still_open: alerts.filter((a) => a.state !== "resolved").length,
    median_time_to_acknowledge_seconds: median(ack),
    median_time_to_resolve_seconds: median(resolve),
    p90_time_to_resolve_seconds: quantile(resolve, 0.9),
  };
}

export async function alertsSection(orgId: string, q: QuarterBounds): Promise<AlertsSummary> {
  return summarizeAlerts(await alertsOpenedBetween(orgId, q.from, q.to));
}
