import "server-only";
import { db } from "@/lib/db/prisma";
import { takeWriteLock } from "@/lib/db/write-lock";
import { enqueueAlertNotifications } from "@/lib/delivery/enqueue";
import type { Alert, Prisma } from "@/lib/generated/prisma/client";
import type { AlertEvent } from "@/lib/alert-contract/condition";
import { channelIdsOf, toPayload } from "./payload";

export type Tx = Prisma.TransactionClient;

export const TIMELINE_TYPES = [
  "opened",
  "escalated",
  "renotified",
  "acknowledged",
  "resolved",
  "auto_resolved",
  "snoozed",
  "unsnoozed",
  "reopened",
] as const;
export type TimelineType = (typeof TIMELINE_TYPES)[number];

export const SYSTEM_ACTOR = "system";

export async function addTimeline(tx: Tx, alert: Alert, type: TimelineType, actor: string, at: Date, detail: Record<string, unknown> = {}): Promise<void> {
  await tx.alertTimeline.create({ data: { alertId: alert.id, orgId: alert.orgId, at, type, actor, detail: JSON.stringify(detail) } });
}

/**
 * Hands the alert to delivery inside the caller's transaction, so the state change and the
 * notification commit together or not at all, and stamps when it was last sent.
 */
export async function notify(tx: Tx, alert: Alert, event: AlertEvent, at: Date): Promise<Alert> {
  const updated = await tx.alert.update({ where: { id: alert.id }, data: { lastNotifiedAt: at } });
  await enqueueAlertNotifications(tx, { orgId: alert.orgId, alert: toPayload(updated), event, channelIds: channelIdsOf(updated) });
  return updated;
}

/**
 * Runs `fn` in one transaction, again when it lost a race: another process opened the same
 * condition first (unique index on activeKey, P2002) or held SQLite's write lock (SQLITE_BUSY).
 * The next attempt reads the winner's row and takes the update path.
 */
export async function transact<T>(fn: (tx: Tx) => Promise<T>, attempts = 8): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await db().$transaction(
        async (tx) => {
          await takeWriteLock(tx, "alerts");
          return fn(tx);
        },
        { timeout: 15_000, maxWait: 15_000 },
      );
    } catch (err) {
      if (i >= attempts || !isRaceLoss(err)) throw err;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * i));
    }
  }
}

function isRaceLoss(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } };
  if (e?.code === "P2002" || e?.code === "P2034") return true;
  // SQLite answers a write-lock upgrade it cannot grant inside a transaction with SQLITE_BUSY at once
  // (waiting could deadlock), which the adapter reports as a timeout.
  if (e?.meta?.driverAdapterError?.cause?.originalCode === "SQLITE_BUSY") return true;
  return /SQLITE_BUSY|database is locked|UNIQUE constraint failed/i.test(String(e?.message ?? ""));
}
