import { z } from "zod";

/**
 * Outbox tuning, from the environment so a deployment (and the restart test's child process) can set
 * it without code. Defaults follow the Standard Webhooks advice: a first retry within seconds, backing
 * off exponentially, giving up after about a day of attempts.
 */
const schema = z.object({
  /** first retry delay; doubles per attempt */
  DELIVERY_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(5_000),
  /** longest delay between two attempts */
  DELIVERY_RETRY_MAX_MS: z.coerce.number().int().min(1).max(86_400_000).default(3_600_000),
  /** attempts before a notification is marked failed */
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(12),
  /** how long a claimed notification stays with the process that claimed it; past it another process may resend */
  DELIVERY_LEASE_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
});

export type DeliverySettings = { retryBaseMs: number; retryMaxMs: number; maxAttempts: number; leaseMs: number; batch: number };

export function deliverySettings(): DeliverySettings {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const e = parsed.data;
  return { retryBaseMs: e.DELIVERY_RETRY_BASE_MS, retryMaxMs: e.DELIVERY_RETRY_MAX_MS, maxAttempts: e.DELIVERY_MAX_ATTEMPTS, leaseMs: e.DELIVERY_LEASE_MS, batch: 20 };
}

/**
 * Delay before attempt `attempts + 1`: exponential from the base with up to 25% added jitter (so
 * notifications that failed together do not retry together), never sooner than the receiver's
 * Retry-After.
 */
export function retryDelayMs(attempts: number, s: Pick<DeliverySettings, "retryBaseMs" | "retryMaxMs">, retryAfterMs?: number, rand: () => number = Math.random): number {
  const exp = Math.min(s.retryMaxMs, s.retryBaseMs * 2 ** Math.max(0, Math.min(30, attempts - 1)));
  const jittered = Math.min(s.retryMaxMs, exp * (1 + 0.25 * rand()));
  return Math.max(jittered, retryAfterMs ?? 0);
}
