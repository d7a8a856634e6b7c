import "server-only";
import { db } from "@/lib/db/prisma";

export type CounterState = { count: number; windowStartMs: number };

/**
 * Adds `n` to a counter in the configuration database and returns its new state, in one atomic
 * statement (so concurrent requests and several server processes never lose an increment). A
 * counter whose window started before `resetBeforeMs` starts over at `n` with `windowStartMs`.
 * Plain SQL that SQLite (3.35+) and PostgreSQL both run.
 */
export async function addToCounter(key: string, n: number, windowStartMs: number, resetBeforeMs: number): Promise<CounterState> {
  const rows = await db().$queryRaw<{ count: number | bigint; windowStartMs: number | bigint }[]>`
    INSERT INTO "RateCounter" ("key", "count", "windowStartMs") VALUES (${key}, ${n}, ${windowStartMs})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateCounter"."windowStartMs" < ${resetBeforeMs} THEN excluded."count" ELSE "RateCounter"."count" + excluded."count" END,
      "windowStartMs" = CASE WHEN "RateCounter"."windowStartMs" < ${resetBeforeMs} THEN excluded."windowStartMs" ELSE "RateCounter"."windowStartMs" END
    RETURNING "count", "windowStartMs"`;
  return { count: Number(rows[0].count), windowStartMs: Number(rows[0].windowStartMs) };
}

/** The counter's state, or null when it does not exist or its window started before `resetBeforeMs`. */
export async function readCounter(key: string, resetBeforeMs: number): Promise<CounterState | null> {
  const row = await db().rateCounter.findUnique({ where: { key } });
  if (!row || Number(row.windowStartMs) < resetBeforeMs) return null;
  return { count: row.count, windowStartMs: Number(row.windowStartMs) };
}

/** Takes one back (never below zero), e.g. for a sign-in that succeeded. */
export async function decrementCounter(key: string): Promise<void> {
  await db().$executeRaw`UPDATE "RateCounter" SET "count" = CASE WHEN "count" > 0 THEN "count" - 1 ELSE 0 END WHERE "key" = ${key}`;
}

export async function deleteCounter(key: string): Promise<void> {
  await db().rateCounter.deleteMany({ where: { key } });
}

/** Drops counters whose window ended long ago; called now and then by their users rather than by a job. */
export async function pruneCounters(olderThanMs: number): Promise<void> {
  await db().rateCounter.deleteMany({ where: { windowStartMs: { lt: BigInt(Math.floor(olderThanMs)) } } });
}
