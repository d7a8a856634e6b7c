import { z } from "zod";

/**
 * Which windows one run of a provider puller fetches, and the cursor it leaves. Pure: a function of
 * (cursor, backfill_days, now), so the same plan is tested without a server.
 *
 * The first runs backfill `backfill_days` in chunks (the Sources page shows the progress and the
 * scheduler runs again at once); afterwards every run re-pulls a trailing window (the last 48 hourly
 * usage buckets, the last 3 daily cost buckets) because open buckets keep changing; the tables upsert,
 * so overlap is harmless. A gap (the server was down for a week) is caught up the same way as a backfill.
 */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const USAGE_TRAILING_MS = 48 * HOUR_MS;
export const COST_TRAILING_MS = 3 * DAY_MS;
/** most days of either kind one run fetches, so a backfill reports progress and yields between runs */
export const CHUNK_MS = 31 * DAY_MS;

const iso = z.iso.datetime();
export const pullCursorSchema = z.object({
  v: z.literal(1),
  /** start of the backfill window (UTC midnight) */
  start: iso,
  /** every usage hour before this has been pulled closed at least once */
  usageUntil: iso,
  costUntil: iso,
  backfillDone: z.boolean(),
  /** end of the newest complete usage bucket pulled: the Sources page shows lag from it */
  dataUntil: iso.nullable(),
});
export type PullCursor = z.infer<typeof pullCursorSchema>;

export type PullPlan = {
  usage: { from: Date; to: Date };
  cost: { from: Date; to: Date };
  next: PullCursor;
  caughtUp: boolean;
  /** 0..1 share of the backfill window pulled after this run */
  progress: number;
};

const floorTo = (t: number, step: number) => Math.floor(t / step) * step;

export function planPull(rawCursor: unknown, backfillDays: number, now: Date): PullPlan {
  const parsed = pullCursorSchema.safeParse(rawCursor);
  const nowHour = floorTo(now.getTime(), HOUR_MS);
  const today = floorTo(now.getTime(), DAY_MS);
  const start = parsed.success ? Date.parse(parsed.data.start) : today - backfillDays * DAY_MS;
  const usageDone = parsed.success ? Date.parse(parsed.data.usageUntil) : start;
  const costDone = parsed.success ? Date.parse(parsed.data.costUntil) : start;

  const usageFrom = Math.max(start, Math.min(usageDone, nowHour - USAGE_TRAILING_MS));
  const usageTo = Math.min(usageFrom + CHUNK_MS, nowHour + HOUR_MS);
  const costFrom = Math.max(start, Math.min(costDone, today - COST_TRAILING_MS));
  const costTo = Math.min(costFrom + CHUNK_MS, today + DAY_MS);
  const caughtUp = usageTo >= nowHour + HOUR_MS && costTo >= today + DAY_MS;
  const usageUntil = Math.max(usageDone, Math.min(usageTo, nowHour));
  const costUntil = Math.max(costDone, Math.min(costTo, today));
  const span = Math.max(1, nowHour - start);
  const progress = caughtUp ? 1 : Math.min(1, Math.min((usageUntil - start) / span, (costUntil - start) / Math.max(1, today - start)));
  return {
    usage: { from: new Date(usageFrom), to: new Date(usageTo) },
    cost: { from: new Date(costFrom), to: new Date(costTo) },
    caughtUp,
    progress,
    next: {
      v: 1,
      start: new Date(start).toISOString(),
      usageUntil: new Date(usageUntil).toISOString(),
      costUntil: new Date(costUntil).toISOString(),
      backfillDone: (parsed.success && parsed.data.backfillDone) || caughtUp,
      dataUntil: new Date(usageUntil).toISOString(),
    },
  };
}
