import "server-only";
import { db } from "@/lib/db/prisma";
import { alertTiming } from "./settings";
import { SYSTEM_ACTOR, addTimeline, notify, transact } from "./store-tx";

const BATCH = 200;

export type RenotifyResult = { unsnoozed: number; renotified: number; more: boolean };

/**
 * One pass of the repeat-interval worker: ends snoozes that ran out, and sends open, unacknowledged
 * alerts again once their org's repeat interval has passed since the last notification. Each alert's
 * change is guarded on the value it read, so several worker processes never send the same reminder twice.
 */
export async function runRenotifyPass(now = new Date()): Promise<RenotifyResult> {
  const unsnoozed = await endSnoozes(now);
  const { renotified, more } = await repeatUnacknowledged(now);
  return { unsnoozed, renotified, more: more || unsnoozed === BATCH };
}

async function endSnoozes(now: Date): Promise<number> {
  const due = await db().alert.findMany({ where: { snoozedUntil: { lte: now } }, take: BATCH, select: { id: true, snoozedUntil: true } });
  let n = 0;
  for (const d of due) {
    const done = await transact(async (tx) => {
      const won = await tx.alert.updateMany({ where: { id: d.id, snoozedUntil: d.snoozedUntil }, data: { snoozedUntil: null, snoozeReason: null } });
      if (won.count === 0) return false;
      const a = await tx.alert.findUniqueOrThrow({ where: { id: d.id } });
      await addTimeline(tx, a, "unsnoozed", SYSTEM_ACTOR, now, { snoozed_until: d.snoozedUntil?.toISOString() });
      // Nobody has taken it while it was quiet: remind them now rather than at the next repeat.
      if (a.state === "open") await notify(tx, a, "alert.updated", now);
      return true;
    });
    if (done) n++;
  }
  return n;
}

async function repeatUnacknowledged(now: Date): Promise<{ renotified: number; more: boolean }> {
  const orgs = await db().alert.findMany({ where: { state: "open" }, distinct: ["orgId"], select: { orgId: true } });
  let renotified = 0;
  let more = false;
  for (const { orgId } of orgs) {
    const { repeatIntervalMs } = await alertTiming(orgId);
    const cutoff = new Date(now.getTime() - repeatIntervalMs);
    const due = await db().alert.findMany({
      where: {
        orgId,
        state: "open",
        OR: [{ snoozedUntil: null }, { snoozedUntil: { lte: now } }],
        AND: [{ OR: [{ lastNotifiedAt: null }, { lastNotifiedAt: { lte: cutoff } }] }],
      },
      take: BATCH,
      select: { id: true, lastNotifiedAt: true },
    });
    if (due.length === BATCH) more = true;
    for (const d of due) {
      const done = await transact(async (tx) => {
        const won = await tx.alert.updateMany({ where: { id: d.id, state: "open", lastNotifiedAt: d.lastNotifiedAt }, data: { lastNotifiedAt: now } });
        if (won.count === 0) return false;
        const a = await tx.alert.findUniqueOrThrow({ where: { id: d.id } });
        await addTimeline(tx, a, "renotified", SYSTEM_ACTOR, now, { repeat_interval_seconds: repeatIntervalMs / 1000 });
        await notify(tx, a, "alert.updated", now);
        return true;
      });
      if (done) renotified++;
    }
  }
  return { renotified, more };
}
