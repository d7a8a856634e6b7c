import type { Collector, CollectorOutcome, CollectorRun } from "@/lib/source-contract/collector";

/**
 * Runs a collector the way the scheduler does: feeds each run's cursor into the next and runs again
 * at once while it asks to (a backfill in chunks). For tests and the benchmark.
 */
export async function runLikeScheduler(
  collector: Collector,
  base: { orgId: string; sourceId: string; config: Record<string, unknown>; now: () => Date },
  cursor: unknown = null,
  maxRuns = 50,
): Promise<{ cursor: unknown; outcomes: CollectorOutcome[]; progress: number[] }> {
  const outcomes: CollectorOutcome[] = [];
  const progress: number[] = [];
  const config = collector.configSchema.parse(base.config);
  for (let i = 0; i < maxRuns; i++) {
    const ctx: CollectorRun = {
      orgId: base.orgId,
      sourceId: base.sourceId,
      sourceName: base.sourceId,
      config,
      cursor,
      now: base.now(),
      signal: new AbortController().signal,
      log: () => {},
      progress: async (f) => {
        progress.push(f);
      },
    };
    const out = await collector.run(ctx);
    outcomes.push(out);
    cursor = out.cursor;
    if (!out.nextRunAt) return { cursor, outcomes, progress };
  }
  throw new Error(`collector still asked to run again after ${maxRuns} runs`);
}
