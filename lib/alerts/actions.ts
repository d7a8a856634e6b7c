import "server-only";
import { HttpError } from "@/lib/http/body";
import type { Alert } from "@/lib/generated/prisma/client";
import { formatInstant } from "./format-instant";
import { scopedKey } from "./payload";
import { addTimeline, notify, transact, type Tx } from "./store-tx";

/** Longest snooze: past this a silence or a resolve says better what is meant. */
export const MAX_SNOOZE_MS = 30 * 86_400_000;

type Who = { orgId: string; actor: string; now?: Date };

async function load(tx: Tx, orgId: string, id: string): Promise<Alert> {
  const a = await tx.alert.findFirst({ where: { id, orgId } });
  if (!a) throw new HttpError(404, `No alert with id "${id}" in this organization.`);
  return a;
}

function refuse(a: Alert, verb: string): never {
  if (a.state === "resolved") {
    const by = a.resolution === "auto" ? "automatically when its condition cleared" : `by ${a.resolvedBy ?? "someone"}`;
    throw new HttpError(409, `Cannot ${verb}: the alert was resolved ${by} at ${formatInstant(a.resolvedAt)}.`);
  }
  if (a.state === "acknowledged") throw new HttpError(409, `Cannot ${verb}: the alert is already acknowledged by ${a.acknowledgedBy ?? "someone"} at ${formatInstant(a.acknowledgedAt)}.`);
  throw new HttpError(409, `Cannot ${verb}: the alert is ${a.state}.`);
}

/**
 * Each action changes the row only from the states it allows (a guarded update), so two people
 * acting at once get one success and one 409 naming who was first.
 */
async function guarded(tx: Tx, a: Alert, from: string[], verb: string, data: Parameters<Tx["alert"]["updateMany"]>[0]["data"]): Promise<Alert> {
  if (!from.includes(a.state)) refuse(a, verb);
  const won = await tx.alert.updateMany({ where: { id: a.id, state: { in: from } }, data });
  if (won.count === 0) refuse(await tx.alert.findUniqueOrThrow({ where: { id: a.id } }), verb);
  return tx.alert.findUniqueOrThrow({ where: { id: a.id } });
}

export async function acknowledgeAlert(id: string, who: Who): Promise<Alert> {
  const now = who.now ?? new Date();
  return transact(async (tx) => {
    const a = await guarded(tx, await load(tx, who.orgId, id), ["open"], "acknowledge", { state: "acknowledged", acknowledgedAt: now, acknowledgedBy: who.actor });
    await addTimeline(tx, a, "acknowledged", who.actor, now);
    return notify(tx, a, "alert.acknowledged", now);
  });
}

/**
 * A manual resolve. If the condition still holds, the alert is latched: the next evaluation does not
 * open the same condition again (and page) unless it clears first or gets worse.
 */
export async function resolveAlert(id: string, who: Who): Promise<Alert> {
  const now = who.now ?? new Date();
  return transact(async (tx) => {
    const current = await load(tx, who.orgId, id);
    const key = scopedKey(current.orgId, current.dedupKey);
    if (current.state !== "resolved") await tx.alert.updateMany({ where: { latchKey: key }, data: { latchKey: null } });
    const a = await guarded(tx, current, ["open", "acknowledged"], "resolve", {
      state: "resolved",
      activeKey: null,
      latchKey: key,
      resolvedAt: now,
      resolvedBy: who.actor,
      resolution: "manual",
      clearSince: null,
      snoozedUntil: null,
    });
    await addTimeline(tx, a, "resolved", who.actor, now);
    return notify(tx, a, "alert.resolved", now);
  });
}

/** Quiets every notification of the alert until `until`; its state does not change. */
export async function snoozeAlert(id: string, input: { until: Date; reason: string }, who: Who): Promise<Alert> {
  const now = who.now ?? new Date();
  if (!(input.until.getTime() > now.getTime())) throw new HttpError(422, "Invalid snooze.", ["until: expected a time in the future"]);
  if (input.until.getTime() - now.getTime() > MAX_SNOOZE_MS) throw new HttpError(422, "Invalid snooze.", ["until: at most 30 days ahead"]);
  return transact(async (tx) => {
    const a = await guarded(tx, await load(tx, who.orgId, id), ["open", "acknowledged"], "snooze", { snoozedUntil: input.until, snoozeReason: input.reason });
    await addTimeline(tx, a, "snoozed", who.actor, now, { until: input.until.toISOString(), reason: input.reason });
    return a;
  });
}
