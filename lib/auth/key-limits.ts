import "server-only";
import type { RequestPrincipal } from "./request";
import { toResponse, type JsonAnswer } from "@/lib/http/responses";
import { SharedWindowCounters } from "./shared-window-counter";

const MINUTE = 60_000;
const DAY = 86_400_000;

// On globalThis: route handlers are bundled separately and must share one set of counters per process.
const g = globalThis as typeof globalThis & { __finopsKeyCounters?: SharedWindowCounters };
const counters = () => (g.__finopsKeyCounters ??= new SharedWindowCounters());

function refusal(limit: "requests_per_minute" | "events_per_day", allowed: number, retryAfterMs: number, what: string): JsonAnswer {
  const retryAfter = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return {
    status: 429,
    body: {
      error: `Rate limit reached: this API key may ${what}. Retry after ${retryAfter} s; an admin can raise the key's limit on the API keys page.`,
      limit,
      allowed,
      retry_after_seconds: retryAfter,
    },
    headers: { "retry-after": String(retryAfter), "cache-control": "no-store" },
  };
}

/** One request of an API key against its requests-per-minute limit; a 429 to send back, or null. Sessions are not limited. */
export async function keyRequestRefusal(principal: RequestPrincipal): Promise<JsonAnswer | null> {
  if (principal.kind !== "apiKey") return null;
  const allowed = principal.limits.requestsPerMinute;
  const r = await counters().take(`key:${principal.keyId}:requests`, allowed, MINUTE, 1);
  return r.ok ? null : refusal("requests_per_minute", allowed, r.retryAfterMs, `make ${allowed.toLocaleString("en-US")} requests per minute`);
}

export async function checkKeyRequestLimit(principal: RequestPrincipal): Promise<Response | null> {
  const refused = await keyRequestRefusal(principal);
  return refused && toResponse(refused);
}

/** A batch of `n` events against the key's daily quota (UTC days); the whole batch is refused when it does not fit. */
export async function checkKeyEventQuota(principal: RequestPrincipal, n: number): Promise<Response | null> {
  if (principal.kind !== "apiKey" || n === 0) return null;
  const allowed = principal.limits.eventsPerDay;
  const r = await counters().take(`key:${principal.keyId}:events`, allowed, DAY, n);
  return r.ok ? null : toResponse(refusal("events_per_day", allowed, r.retryAfterMs, `send ${allowed.toLocaleString("en-US")} events per day (UTC); this batch has ${n}`));
}
