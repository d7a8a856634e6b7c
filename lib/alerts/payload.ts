import "server-only";
import type { AlertPayload, AlertKind, Severity, CauseItem, SeriesPoint, AlertCondition } from "@/lib/alert-contract/condition";
import type { Alert } from "@/lib/generated/prisma/client";

export type AlertState = AlertPayload["state"];
export const ALERT_STATES = ["open", "acknowledged", "resolved"] as const satisfies readonly AlertState[];

/** Where the product is reached from outside (links in Slack, email, webhooks). */
export function productBaseUrl(): string {
  // NEXTAUTH_URL is already the product's public address for sign-in redirects; one setting, not two.
  const base = process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  return base.replace(/\/+$/, "");
}

export function alertPath(id: string): string {
  return `/alerts/${encodeURIComponent(id)}`;
}

/** "<orgId>:<dedupKey>": dedup keys are chosen by evaluators per organization, the unique index is global. */
export function scopedKey(orgId: string, dedupKey: string): string {
  return `${orgId}:${dedupKey}`;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, critical: 2 };

export function severityRank(s: string): number {
  return SEVERITY_RANK[s as Severity] ?? 0;
}

export function higherSeverity(a: string, b: string): Severity {
  return (severityRank(a) >= severityRank(b) ? a : b) as Severity;
}

function parse<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function seriesOf(row: Alert): SeriesPoint[] {
  return parse<SeriesPoint[]>(row.series, []);
}

export function channelIdsOf(row: Alert): string[] {
  return parse<string[]>(row.channelIds, []);
}

/** The alert as every channel and the API see it. */
export function toPayload(row: Alert): AlertPayload {
  return {
    id: row.id,
    kind: row.kind as AlertKind,
    severity: row.severity as Severity,
    state: row.state as AlertState,
    title: row.title,
    scope: parse<Record<string, string>>(row.scope, {}),
    numbers: parse<AlertCondition["numbers"]>(row.numbers, {}),
    cause: parse<CauseItem[]>(row.cause, []),
    url: productBaseUrl() + alertPath(row.id),
    dedup_key: row.dedupKey,
    opened_at: row.openedAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    acknowledged_by: row.acknowledgedBy,
    resolved_at: row.resolvedAt?.toISOString() ?? null,
  };
}
