import "server-only";
import { db } from "@/lib/db/prisma";
import { workerOf } from "@/lib/db/leases";
import type { Claim } from "./lease";

export const RUNS_KEPT = 50;

/**
 * Opens a run row. When the claim took over an expired lease, the runs its dead worker left "running"
 * are closed as abandoned, so the history says what happened instead of showing a run that never ends.
 */
export async function recordRunStart(claim: Claim, tookOver: boolean): Promise<string> {
  if (tookOver) {
    await db().sourceRun.updateMany({
      where: { sourceId: claim.sourceId, outcome: "running" },
      data: { outcome: "abandoned", finishedAt: new Date(), error: "The worker running it stopped before it finished (its lease expired); the next run started again from the last stored cursor." },
    });
  }
  const run = await db().sourceRun.create({ data: { orgId: claim.orgId, sourceId: claim.sourceId, startedAt: new Date(), leaseOwner: claim.owner } });
  return run.id;
}

export async function recordRunEnd(runId: string, sourceId: string, outcome: string, stats: Record<string, number> | null, error: string | null): Promise<void> {
  await db().sourceRun.updateMany({
    where: { id: runId },
    data: { outcome, finishedAt: new Date(), stats: stats ? JSON.stringify(stats) : null, error },
  });
  await pruneRuns(sourceId);
}

/** Keeps the newest RUNS_KEPT runs of a source. */
export async function pruneRuns(sourceId: string): Promise<void> {
  const cutoff = await db().sourceRun.findMany({ where: { sourceId }, orderBy: { startedAt: "desc" }, skip: RUNS_KEPT, take: 1, select: { startedAt: true } });
  if (cutoff.length) await db().sourceRun.deleteMany({ where: { sourceId, startedAt: { lte: cutoff[0].startedAt } } });
}

/** `worker`: `host:pid` of the worker process that ran it. */
export type RunView = { id: string; started_at: string; finished_at: string | null; outcome: string; stats: Record<string, number> | null; error: string | null; worker: string | null };

export async function listRuns(sourceId: string, take = RUNS_KEPT): Promise<RunView[]> {
  const rows = await db().sourceRun.findMany({ where: { sourceId }, orderBy: { startedAt: "desc" }, take });
  return rows.map((r) => ({
    id: r.id,
    started_at: r.startedAt.toISOString(),
    finished_at: r.finishedAt?.toISOString() ?? null,
    outcome: r.outcome,
    stats: r.stats ? (JSON.parse(r.stats) as Record<string, number>) : null,
    error: r.error,
    worker: r.leaseOwner ? workerOf(r.leaseOwner) : null,
  }));
}
