import "server-only";
import type { AlertPayload } from "@/lib/alert-contract/condition";
import type { Alert, AlertTimeline } from "@/lib/generated/prisma/client";
import { toPayload } from "./payload";

export type ApiTimelineEntry = { at: string; type: string; actor: string; detail: Record<string, unknown> };

export type ApiAlert = AlertPayload & {
  level: number;
  source: { type: string; id: string; url: string };
  acknowledged_at: string | null;
  resolved_by: string | null;
  resolution: string | null;
  snoozed_until: string | null;
  snooze_reason: string | null;
  timeline?: ApiTimelineEntry[];
};

/** The API's alert: the payload channels receive, plus what on-call needs to act on it. */
export function toApiAlert(row: Alert, timeline?: AlertTimeline[]): ApiAlert {
  return {
    ...toPayload(row),
    level: row.level,
    source: { type: row.sourceType, id: row.sourceId, url: row.sourceUrl },
    acknowledged_at: row.acknowledgedAt?.toISOString() ?? null,
    resolved_by: row.resolvedBy,
    resolution: row.resolution,
    snoozed_until: row.snoozedUntil?.toISOString() ?? null,
    snooze_reason: row.snoozeReason,
    ...(timeline && { timeline: timeline.map(toApiTimeline) }),
  };
}

function toApiTimeline(t: AlertTimeline): ApiTimelineEntry {
  let detail: Record<string, unknown> = {};
  try {
    detail = JSON.parse(t.detail) as Record<string, unknown>;
  } catch {
    // a row written by hand; the entry is still worth showing
  }
  return { at: t.at.toISOString(), type: t.type, actor: t.actor, detail };
}
