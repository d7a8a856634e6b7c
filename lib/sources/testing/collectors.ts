/**
 * Test-only collectors, registered by the tests that use them under real source types (a registry is
 * per process). Each behaves as one kind of real collector would: succeed and move a cursor, hang,
 * fail with a person-readable error, or throw something unexpected.
 */
import { z } from "zod";
import { CollectorError, type Collector, type CollectorRun, type SourceType } from "@/lib/source-contract/collector";

export const testConfigSchema = z.strictObject({
  admin_key: z.string({ error: "expected the admin key (text)" }).min(8, "expected an admin key of at least 8 characters"),
  backfill_days: z.number({ error: "expected a whole number of days" }).int().min(1).max(365).default(30),
  base_url: z.string().optional(),
});

type Behaviour = (ctx: CollectorRun) => Promise<{ cursor: unknown; backfillDone: boolean; stats?: Record<string, number>; nextRunAt?: Date }>;

export function testCollector(type: SourceType, behaviour: Behaviour, intervalMs = 60_000): Collector {
  return { type, configSchema: testConfigSchema, secretFields: ["admin_key"], intervalMs: () => intervalMs, run: behaviour };
}

/** Counts its runs; the cursor is {n, dataUntil}; the backfill takes `backfillRuns` runs. */
export function countingCollector(type: SourceType, opts: { intervalMs?: number; backfillRuns?: number; seen?: unknown[] } = {}) {
  const state = { runs: 0, seen: opts.seen ?? [] };
  const c = testCollector(
    type,
    async (ctx) => {
      state.runs++;
      state.seen.push(ctx.cursor);
      const n = ((ctx.cursor as { n?: number } | null)?.n ?? 0) + 1;
      const done = n >= (opts.backfillRuns ?? 1);
      await ctx.progress(done ? 1 : n / (opts.backfillRuns ?? 1));
      return { cursor: { n, dataUntil: new Date(ctx.now.getTime() - 120_000).toISOString() }, backfillDone: done, stats: { rows: n } };
    },
    opts.intervalMs,
  );
  return { collector: c, state };
}

/** Never finishes and ignores its signal: the worst a collector can do. */
export function hangingCollector(type: SourceType, started?: () => void): Collector {
  return testCollector(type, () => {
    started?.();
    return new Promise(() => undefined);
  });
}

export function failingCollector(type: SourceType, err: () => unknown): Collector {
  return testCollector(type, async () => {
    throw err();
  });
}

export { CollectorError };
