import "server-only";
import { db } from "@/lib/db/prisma";
import type { Alert } from "@/lib/generated/prisma/client";
import type { AlertCondition, Evaluation } from "@/lib/alert-contract/condition";
import { yieldEvery } from "@/lib/scheduling/yield-slices";
import { higherSeverity, scopedKey, severityRank } from "./payload";
import { alertTiming } from "./settings";
import { SYSTEM_ACTOR, addTimeline, notify, transact, type Tx } from "./store-tx";

export type ApplyOutcome = "opened" | "escalated" | "updated" | "returned" | "latched" | "clearing" | "auto_resolved";
export type ApplySummary = { alerts: { alertId: string | null; dedupKey: string; outcome: ApplyOutcome }[] };

/**
 * The alert store's sink for evaluators: brings the alerts of one source in line with the conditions
 * that hold now. Each alert's change and its notification are one transaction, so a crash never leaves
 * a state change unannounced or a notification for a change that did not happen; repeating the same
 * evaluation (after a restart) changes nothing and notifies nobody.
 */
export async function applyEvaluation(e: Evaluation): Promise<ApplySummary> {
  const timing = await alertTiming(e.orgId);
  const conditions = strongestPerKey(e.conditions);
  const out: ApplySummary["alerts"] = [];
  const pause = yieldEvery();
  for (const c of conditions) {
    out.push({ dedupKey: c.dedupKey, ...(await applyCondition(e, c)) });
    await pause();
  }
  const present = conditions.map((c) => c.dedupKey);
  const source = { orgId: e.orgId, sourceType: e.source.type, sourceId: e.source.id, dedupKey: { notIn: present } };
  // A condition that cleared since a manual resolve may page again next time it holds. Read first:
  // most passes have nothing to unlatch, and a write would take SQLite's lock on every pass.
  const unlatch = await db().alert.findMany({ where: { ...source, state: "resolved", latchKey: { not: null } }, select: { id: true } });
  if (unlatch.length) await db().alert.updateMany({ where: { id: { in: unlatch.map((u) => u.id) } }, data: { latchKey: null } });
  const gone = await db().alert.findMany({ where: { ...source, state: { in: ["open", "acknowledged"] }, activeKey: { not: null } }, select: { id: true } });
  for (const { id } of gone) {
    const r = await clearCondition(id, e.evaluatedAt, timing.holdOffMs);
    if (r) out.push(r);
    await pause();
  }
  return { alerts: out };
}

/** An evaluator naming one key twice is answered by its worst condition. */
export function strongestPerKey(conditions: AlertCondition[]): AlertCondition[] {
  const byKey = new Map<string, AlertCondition>();
  for (const c of conditions) {
    const prev = byKey.get(c.dedupKey);
    if (!prev || c.level > prev.level || (c.level === prev.level && severityRank(c.severity) > severityRank(prev.severity))) byKey.set(c.dedupKey, c);
  }
  return [...byKey.values()];
}

function conditionData(c: AlertCondition) {
  return {
    title: c.title,
    scope: JSON.stringify(c.scope),
    numbers: JSON.stringify(c.numbers),
    cause: JSON.stringify(c.cause),
    series: c.series ? JSON.stringify(c.series) : null,
    sourceUrl: c.url,
    channelIds: JSON.stringify(c.channelIds),
  };
}

async function applyCondition(e: Evaluation, c: AlertCondition): Promise<{ alertId: string | null; outcome: ApplyOutcome }> {
  const key = scopedKey(e.orgId, c.dedupKey);
  const at = e.evaluatedAt;
  // Most passes find the alert exactly as they left it. Answer those from a read: a transaction that
  // writes takes SQLite's single write lock, and rewriting every active alert every 15 s kept the
  // lock busy enough to delay other writers (ingest's intents, the delivery outbox, people's actions).
  const current = await db().alert.findUnique({ where: { activeKey: key } });
  if (current && isUnchanged(current, c)) return { alertId: current.id, outcome: "updated" };
  return transact(async (tx) => {
    const active = await tx.alert.findUnique({ where: { activeKey: key } });
    if (active) return updateActive(tx, active, c, at);
    const latched = await tx.alert.findUnique({ where: { latchKey: key } });
    if (latched) {
      // Someone resolved it by hand while it held: it stays quiet unless it gets worse.
      if (c.level <= latched.level && severityRank(c.severity) <= severityRank(latched.severity)) return { alertId: latched.id, outcome: "latched" as const };
      await tx.alert.update({ where: { id: latched.id }, data: { latchKey: null } });
    }
    const previous = await tx.alert.findFirst({
      where: { orgId: e.orgId, dedupKey: c.dedupKey, state: "resolved" },
      orderBy: { resolvedAt: "desc" },
      select: { id: true },
    });
    const created = await tx.alert.create({
      data: {
        orgId: e.orgId,
        kind: c.kind,
        dedupKey: c.dedupKey,
        activeKey: key,
        severity: c.severity,
        level: c.level,
        state: "open",
        sourceType: e.source.type,
        sourceId: e.source.id,
        openedAt: at,
        ...conditionData(c),
      },
    });
    await addTimeline(tx, created, "opened", SYSTEM_ACTOR, at, {
      severity: c.severity,
      level: c.level,
      numbers: c.numbers,
      ...(previous ? { previous_alert_id: previous.id } : {}),
    });
    await notify(tx, created, "alert.opened", at);
    return { alertId: created.id, outcome: "opened" as const };
  });
}

/**
 * Whether the stored alert already says what the condition says. Numbers that moved by under half a
 * percent count as unchanged (and the title written from them with them): a forecast moves a little on
 * every pass as the hour goes by, and rewriting each forecast alert every 15 s held SQLite's write
 * lock and cost a write transaction per budget per pass. The stored numbers are at most that far off.
 */
export function isUnchanged(a: Alert, c: AlertCondition): boolean {
  if (a.clearSince !== null || c.level > a.level || severityRank(c.severity) > severityRank(a.severity)) return false;
  const next = conditionData(c);
  const same = (k: keyof typeof next) => a[k] === next[k];
  if (!same("scope") || !same("cause") || !same("series") || !same("sourceUrl") || !same("channelIds")) return false;
  if (same("numbers")) return same("title");
  return nearlyEqualNumbers(a.numbers, c.numbers);
}

const NUMBERS_TOLERANCE = 0.005;

function nearlyEqualNumbers(storedJson: string, next: Record<string, unknown>): boolean {
  let stored: Record<string, unknown>;
  try {
    stored = JSON.parse(storedJson) as Record<string, unknown>;
  } catch {
    return false;
  }
  const keys = Object.keys(next);
  if (keys.length !== Object.keys(stored).length) return false;
  return keys.every((k) => {
    const x = next[k];
    const y = stored[k];
    if (typeof x !== "number" || typeof y !== "number") return JSON.stringify(x) === JSON.stringify(y);
    return Math.abs(x - y) <= NUMBERS_TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
  });
}

async function updateActive(tx: Tx, a: Alert, c: AlertCondition, at: Date): Promise<{ alertId: string; outcome: ApplyOutcome }> {
  const rose = c.level > a.level || severityRank(c.severity) > severityRank(a.severity);
  // Level and severity keep the worst seen while the alert is active: a condition that eases and
  // worsens again to where it was does not page again.
  const updated = await tx.alert.update({
    where: { id: a.id },
    data: { ...conditionData(c), clearSince: null, level: Math.max(a.level, c.level), severity: higherSeverity(a.severity, c.severity) },
  });
  if (rose) {
    await addTimeline(tx, updated, "escalated", SYSTEM_ACTOR, at, {
      from: { severity: a.severity, level: a.level },
      to: { severity: updated.severity, level: updated.level },
      numbers: c.numbers,
    });
    // A snooze quiets every notification of the alert until it ends; the timeline still records the rise.
    if (!(a.snoozedUntil && a.snoozedUntil > at)) await notify(tx, updated, "alert.updated", at);
    return { alertId: a.id, outcome: "escalated" };
  }
  return { alertId: a.id, outcome: a.clearSince ? "returned" : "updated" };
}

/** The condition of an active alert no longer holds: start the hold-off, or resolve once it has passed. */
async function clearCondition(id: string, at: Date, holdOffMs: number): Promise<{ alertId: string; dedupKey: string; outcome: ApplyOutcome } | null> {
  return transact(async (tx) => {
    const a = await tx.alert.findUnique({ where: { id } });
    if (!a || a.activeKey === null) return null; // resolved meanwhile (by a person or another process)
    const since = a.clearSince ?? at;
    if (at.getTime() - since.getTime() < holdOffMs) {
      if (!a.clearSince) await tx.alert.update({ where: { id }, data: { clearSince: at } });
      return { alertId: id, dedupKey: a.dedupKey, outcome: "clearing" as const };
    }
    const won = await tx.alert.updateMany({
      where: { id, activeKey: { not: null } },
      data: { state: "resolved", activeKey: null, resolvedAt: at, resolvedBy: null, resolution: "auto", clearSince: since, snoozedUntil: null },
    });
    if (won.count === 0) return null;
    const resolved = await tx.alert.findUniqueOrThrow({ where: { id } });
    await addTimeline(tx, resolved, "auto_resolved", SYSTEM_ACTOR, at, { clear_since: since.toISOString() });
    await notify(tx, resolved, "alert.resolved", at);
    return { alertId: id, dedupKey: a.dedupKey, outcome: "auto_resolved" as const };
  });
}
