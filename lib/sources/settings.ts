import { z } from "zod";

/**
 * Worker tuning, from the environment so a deployment (and the crash test's child process) can set it
 * without code.
 */
const schema = z.object({
  /** sources run at the same time per worker process */
  SOURCE_RUNS_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** a run taking longer is abandoned and retried (a backfill reports `nextRunAt` to continue in steps) */
  SOURCE_RUN_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(300_000),
  /** how long a claim holds without a heartbeat; past it another worker takes the source over */
  SOURCE_LEASE_MS: z.coerce.number().int().min(200).max(3_600_000).default(60_000),
  /** first retry delay after a failure; doubles per consecutive failure */
  SOURCE_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(30_000),
  SOURCE_RETRY_MAX_MS: z.coerce.number().int().min(1).max(86_400_000).default(1_800_000),
});

export type SourceRunSettings = {
  concurrency: number;
  timeoutMs: number;
  leaseMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
};

export function sourceRunSettings(): SourceRunSettings {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const e = parsed.data;
  return {
    concurrency: e.SOURCE_RUNS_CONCURRENCY,
    timeoutMs: e.SOURCE_RUN_TIMEOUT_MS,
    leaseMs: e.SOURCE_LEASE_MS,
    retryBaseMs: e.SOURCE_RETRY_BASE_MS,
    retryMaxMs: e.SOURCE_RETRY_MAX_MS,
  };
}
