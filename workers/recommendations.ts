import "server-only";
import { db } from "@/lib/db/prisma";
import { recomputeRecommendations } from "@/lib/recommendations/recompute";
import type { Worker } from "./types";

const DAY_MS = 86_400_000;

/**
 * Recomputes each organization's recommendations once a day. The day is claimed through the shared
 * Lease table (a row per organization whose expiry is the next due time, taken by a conditional
 * update), so several worker processes recompute an organization once, and a restart does not redo
 * a day already done.
 */
async function claimDay(orgId: string, holder: string, now: Date): Promise<boolean> {
  const name = `recommendations:${orgId}`;
  const next = new Date(now.getTime() + DAY_MS);
  const taken = await db().lease.updateMany({ where: { name, expiresAt: { lte: now } }, data: { holder, expiresAt: next } });
  if (taken.count === 1) return true;
  try {
    await db().lease.create({ data: { name, holder, expiresAt: next } });
    return true;
  } catch {
    return false; // exists and not yet due, or another process created it first
  }
}

export async function recommendationsPass(log: (line: string) => void, now = new Date()): Promise<number> {
  const holder = `recommendations-${process.pid}`;
  let done = 0;
  for (const org of await db().organization.findMany({ select: { id: true } })) {
    if (!(await claimDay(org.id, holder, now))) continue;
    const r = await recomputeRecommendations(org.id, { now, log });
    log(`recommendations: ${org.id}: ${r.found} found, ${r.opened} new, ${r.stale} stale, ${r.verified} verified`);
    done++;
  }
  return done;
}

export const recommendationsWorker: Worker = {
  name: "recommendations",
  intervalMs: 10 * 60_000,
  run: async ({ log }) => {
    await recommendationsPass(log);
    return false;
  },
};
