/**
 * Per-key limits on the ingest and read APIs. The defaults are far above what one client normally
 * sends (the ingest benchmark peaks near 100 requests/s of 1000 events from one key): they stop a
 * runaway loop or a leaked key, not a busy service. (No zod here: the API-keys form shows them.)
 */
export type KeyLimits = { requestsPerMinute: number; eventsPerDay: number };
/** undefined: leave as is; null: the default. */
export type KeyLimitSettings = { requestsPerMinute?: number | null; eventsPerDay?: number | null };

export const DEFAULT_LIMITS: KeyLimits = { requestsPerMinute: 60_000, eventsPerDay: 1_000_000_000 };
export const MAX_LIMIT = 2_000_000_000;
