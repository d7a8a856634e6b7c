import "server-only";
import { db } from "@/lib/db/prisma";
import { listDeliveries } from "@/lib/delivery/log";
import type { AlertKind, Severity } from "@/lib/alert-contract/condition";
import type { Alert, AlertTimeline } from "@/lib/generated/prisma/client";
import type { AlertState } from "./payload";

export type AlertListQuery = { state?: AlertState; kind?: AlertKind; severity?: Severity; limit: number; cursor?: string };

/** Newest first; `cursor` is the id of the last alert of the previous page, so paging is stable while alerts open. */
export async function listAlerts(orgId: string, q: AlertListQuery): Promise<{ alerts: Alert[]; nextCursor: string | null }> {
  const where = { orgId, ...(q.state && { state: q.state }), ...(q.kind && { kind: q.kind }), ...(q.severity && { severity: q.severity }) };
  const cursorOk = q.cursor ? await db().alert.count({ where: { ...where, id: q.cursor } }) : 0;
  const rows = await db().alert.findMany({
    where,
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    ...(q.cursor && cursorOk ? { cursor: { id: q.cursor }, skip: 1 } : {}),
  });
  const more = rows.length > q.limit;
  const alerts = more ? rows.slice(0, q.limit) : rows;
  return { alerts, nextCursor: more ? alerts[alerts.length - 1].id : null };
}

export async function countAlertsByState(orgId: string): Promise<Record<AlertState, number>> {
  const groups = await db().alert.groupBy({ by: ["state"], where: { orgId }, _count: { _all: true } });
  const out: Record<AlertState, number> = { open: 0, acknowledged: 0, resolved: 0 };
  for (const g of groups) if (g.state in out) out[g.state as AlertState] = g._count._all;
  return out;
}

export async function getAlert(orgId: string, id: string): Promise<{ alert: Alert; timeline: AlertTimeline[] } | null> {
  const alert = await db().alert.findFirst({ where: { id, orgId } });
  if (!alert) return null;
  const timeline = await db().alertTimeline.findMany({ where: { alertId: id }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  return { alert, timeline };
}

export type AlertDelivery = Awaited<ReturnType<typeof listDeliveries>>[number];

/** Which notifications of the alert went where, with their outcome (delivery owns the outbox). */
export function alertDeliveries(orgId: string, alertId: string): Promise<AlertDelivery[]> {
  return listDeliveries(orgId, alertId);
}

export type AlertTiming = Pick<Alert, "id" | "kind" | "severity" | "state" | "openedAt" | "acknowledgedAt" | "resolvedAt">;

/** Alerts opened in [from, to), with the instants a review needs (the quarterly report's alerts section). */
export async function alertsOpenedBetween(orgId: string, from: Date, to: Date): Promise<AlertTiming[]> {
  return db().alert.findMany({
    where: { orgId, openedAt: { gte: from, lt: to } },
    select: { id: true, kind: true, severity: true, state: true, openedAt: true, acknowledgedAt: true, resolvedAt: true },
    orderBy: [{ openedAt: "asc" }, { id: "asc" }],
  });
}
