import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { db } from "@/lib/db/prisma";

export type Claim = { sourceId: string; orgId: string; owner: string; leaseUntil: Date; tookOver: boolean };

/** One owner token per claim, so a process can tell its own old claim from a new one. */
function newOwner(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/**
 * Claims up to `limit` due sources across organizations. Each claim is one conditional UPDATE that
 * names the lease the row had when it was read: when several workers race for a row, exactly one
 * update matches. A lease past its time belongs to a worker that died (or hung past its heartbeats):
 * the source is taken over and reruns from its stored cursor.
 */
export async function claimDue(now: Date, limit: number, leaseMs: number, skip: ReadonlySet<string> = new Set()): Promise<Claim[]> {
  if (limit <= 0) return [];
  const candidates = await db().source.findMany({
    where: {
      nextRunAt: { lte: now },
      state: { notIn: ["paused", "stopped"] },
      OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
      ...(skip.size ? { id: { notIn: [...skip] } } : {}),
    },
    orderBy: { nextRunAt: "asc" },
    take: limit,
    select: { id: true, orgId: true, leaseOwner: true, leaseUntil: true, nextRunAt: true },
  });
  const claims: Claim[] = [];
  for (const c of candidates) {
    const owner = newOwner();
    const leaseUntil = new Date(now.getTime() + leaseMs);
    const won = await db().source.updateMany({
      where: { id: c.id, leaseOwner: c.leaseOwner, leaseUntil: c.leaseUntil, state: { notIn: ["paused", "stopped"] } },
      data: { leaseOwner: owner, leaseUntil, lastRunAt: now },
    });
    if (won.count === 1) claims.push({ sourceId: c.id, orgId: c.orgId, owner, leaseUntil, tookOver: c.leaseOwner !== null });
  }
  return claims;
}

/** Extends a lease while its run lasts; false when the lease is no longer this run's (taken over, source deleted). */
export async function heartbeat(claim: Claim, leaseMs: number): Promise<boolean> {
  const leaseUntil = new Date(Date.now() + leaseMs);
  const r = await db().source.updateMany({ where: { id: claim.sourceId, leaseOwner: claim.owner }, data: { leaseUntil } });
  if (r.count === 1) claim.leaseUntil = leaseUntil;
  return r.count === 1;
}

/** Whether this run still holds its source. */
export async function holdsLease(claim: Claim): Promise<boolean> {
  return (await db().source.count({ where: { id: claim.sourceId, leaseOwner: claim.owner } })) === 1;
}
