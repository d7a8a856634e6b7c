import "server-only";
import crypto from "node:crypto";
import os from "node:os";
import { db } from "./prisma";

/**
 * Named leases in the configuration database, shared by every process: whoever holds `name` may do
 * the work it names until `expiresAt`. Taken by a conditional update (or the first insert), so two
 * processes never both hold one; a holder that dies simply stops extending it, and another process
 * takes it once it has expired.
 */

/** This process, as it appears in the Lease table (and on the pages that show who holds what). */
export const PROCESS_HOLDER = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString("hex")}`;

/** The process part of a holder or lease owner (`host:pid`), as the Sources and Prices pages show it. */
export function workerOf(holder: string): string {
  return holder.split(":").slice(0, 2).join(":");
}

export async function tryAcquireLease(name: string, holder: string, ms: number): Promise<boolean> {
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ms);
  const taken = await db().lease.updateMany({ where: { name, OR: [{ expiresAt: { lte: now } }, { holder }] }, data: { holder, expiresAt } });
  if (taken.count === 1) return true;
  try {
    await db().lease.create({ data: { name, holder, expiresAt } });
    return true;
  } catch {
    return false; // held by another process, or created by one a moment ago
  }
}

/** Extends a lease this holder still has; false when it expired and another process took it. */
export async function extendLease(name: string, holder: string, ms: number): Promise<boolean> {
  const res = await db().lease.updateMany({ where: { name, holder }, data: { expiresAt: new Date(Date.now() + ms) } });
  return res.count === 1;
}

export async function releaseLease(name: string, holder: string): Promise<void> {
  await db().lease.deleteMany({ where: { name, holder } });
}

export type HeldLease = { name: string; holder: string; lost(): boolean };

/**
 * Runs `fn` holding the lease, extended every third of its length; `lost()` turns true if an
 * extension finds the lease taken (this process stalled past its expiry), so long work can stop
 * between steps instead of racing the new holder. Null when the lease is held elsewhere and
 * `waitMs` passes without it coming free.
 */
export async function withLease<T>(name: string, opts: { holder?: string; ms: number; waitMs?: number }, fn: (lease: HeldLease) => Promise<T>): Promise<{ value: T } | null> {
  const holder = opts.holder ?? PROCESS_HOLDER;
  const deadline = Date.now() + (opts.waitMs ?? 0);
  while (!(await tryAcquireLease(name, holder, opts.ms))) {
    if (Date.now() >= deadline) return null;
    await new Promise((r) => setTimeout(r, Math.min(250, opts.ms / 4)));
  }
  let lost = false;
  const beat = setInterval(() => {
    extendLease(name, holder, opts.ms).then(
      (ok) => (lost ||= !ok),
      () => undefined, // a failed extension is retried at the next beat; expiry decides
    );
  }, Math.max(50, Math.floor(opts.ms / 3)));
  beat.unref();
  try {
    return { value: await fn({ name, holder, lost: () => lost }) };
  } finally {
    clearInterval(beat);
    if (!lost) await releaseLease(name, holder).catch(() => undefined);
  }
}

/**
 * Runs `fn` when this holder has the lease or can take it, and keeps the lease afterwards (extended
 * while `fn` runs), so a periodic pass stays in the process that ran the last one, with whatever it
 * keeps in memory. Null when another process holds it. Another process takes over only once the
 * holder stops extending it: it died, or stopped and released it.
 */
export async function runAsLeader<T>(name: string, ms: number, fn: () => Promise<T>, holder = PROCESS_HOLDER): Promise<{ value: T } | null> {
  if (!(await tryAcquireLease(name, holder, ms))) return null;
  const beat = setInterval(() => {
    extendLease(name, holder, ms).catch(() => undefined); // expiry decides if extensions keep failing
  }, Math.max(50, Math.floor(ms / 3)));
  beat.unref();
  try {
    return { value: await fn() };
  } finally {
    clearInterval(beat);
  }
}

/** Which worker process runs each exclusive background loop now (leases named `worker:<loop>`). */
export async function loopHolders(): Promise<{ loop: string; worker: string; expiresAt: Date }[]> {
  const rows = await db().lease.findMany({ where: { name: { startsWith: "worker:" }, expiresAt: { gt: new Date() } }, orderBy: { name: "asc" } });
  return rows.map((r) => ({ loop: r.name.slice("worker:".length), worker: workerOf(r.holder), expiresAt: r.expiresAt }));
}
