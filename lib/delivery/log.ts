import "server-only";
import { db } from "@/lib/db/prisma";
import type { ChannelType } from "./types";

export type DeliveryRow = {
  id: string;
  channelId: string;
  channelName: string;
  channelType: ChannelType;
  event: string;
  /** "sending" is shown as pending: in flight is not yet delivered */
  status: "pending" | "sent" | "failed";
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
};

type Row = { id: string; channelId: string; event: string; status: string; attempts: number; lastError: string | null; createdAt: Date; sentAt: Date | null };

async function withChannels(orgId: string, rows: Row[]): Promise<DeliveryRow[]> {
  const ids = [...new Set(rows.map((r) => r.channelId))];
  const channels = await db().channel.findMany({ where: { orgId, id: { in: ids } }, select: { id: true, name: true, type: true } });
  const byId = new Map(channels.map((c) => [c.id, c]));
  return rows.map((r) => ({
    id: r.id,
    channelId: r.channelId,
    channelName: byId.get(r.channelId)?.name ?? "(deleted channel)",
    channelType: (byId.get(r.channelId)?.type ?? "webhook") as ChannelType,
    event: r.event,
    status: r.status === "sent" ? "sent" : r.status === "failed" ? "failed" : "pending",
    attempts: r.attempts,
    lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
  }));
}

const SELECT = { id: true, channelId: true, event: true, status: true, attempts: true, lastError: true, createdAt: true, sentAt: true } as const;

/** The notifications of one alert (for its timeline), oldest first. */
export async function listDeliveries(orgId: string, alertId: string): Promise<DeliveryRow[]> {
  const rows = await db().notification.findMany({ where: { orgId, alertId }, orderBy: { createdAt: "asc" }, select: SELECT });
  return withChannels(orgId, rows);
}

/** The latest notifications of one channel (its delivery log), newest first. */
export async function listChannelDeliveries(orgId: string, channelId: string, limit = 50): Promise<(DeliveryRow & { alertId: string; alertTitle: string })[]> {
  const rows = await db().notification.findMany({ where: { orgId, channelId }, orderBy: { createdAt: "desc" }, take: limit, select: { ...SELECT, alertId: true, payload: true } });
  const base = await withChannels(orgId, rows);
  return base.map((b, i) => ({ ...b, alertId: rows[i].alertId, alertTitle: titleOf(rows[i].payload) }));
}

function titleOf(payload: string): string {
  try {
    const t = (JSON.parse(payload) as { title?: unknown }).title;
    return typeof t === "string" ? t : "";
  } catch {
    return "";
  }
}
