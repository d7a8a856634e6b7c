import { env } from "@/lib/config/env";
import { eventSchema, formatZodIssues, parseTimestamp } from "./event-schema";
import { describeValue } from "./text";
import { normalizeUsage, type UsageFormat } from "./usage";
import type { NormalizedEvent, RateLimitSnapshot } from "@/lib/domain/event";

export type NormalizeResult = { ok: true; event: NormalizedEvent } | { ok: false; id: string | null; errors: string[] };

export type NormalizeLimits = { maxTokensPerBucket: number };

function configuredLimits(): NormalizeLimits {
  return { maxTokensPerBucket: env().INGEST_MAX_TOKENS_PER_BUCKET };
}

/** Validates one raw event and reads its usage; errors name the field and what was expected. */
export function normalizeEvent(raw: unknown, source: string, now = Date.now(), limits: NormalizeLimits = configuredLimits()): NormalizeResult {
  const rawId = typeof (raw as { id?: unknown })?.id === "string" ? ((raw as { id: string }).id as string) : null;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { ok: false, id: null, errors: [`event: expected an object, got ${describeValue(raw)}`] };
  }
  const parsed = eventSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, id: rawId, errors: formatZodIssues(parsed.error) };
  const e = parsed.data;
  const errors: string[] = [];
  const ts = parseTimestamp(e.timestamp, now);
  if (typeof ts === "string") errors.push(ts);
  if (e.usage === undefined || e.usage === null) errors.push("usage: required (the provider's usage object or {input_tokens, output_tokens, ...})");
  const usage = e.usage == null ? null : normalizeUsage(e.usage, e.provider, e.usage_format as UsageFormat | undefined, limits.maxTokensPerBucket);
  if (usage && !usage.ok) errors.push(...usage.errors);
  if (errors.length || !usage || !usage.ok || typeof ts === "string") return { ok: false, id: e.id, errors };
  return {
    ok: true,
    event: {
      id: e.id,
      timestamp: ts,
      provider: e.provider,
      model: e.model,
      project: e.project,
      feature: e.feature,
      team: e.team,
      user: e.user,
      customer: e.customer,
      environment: e.environment,
      tokens: usage.tokens,
      latencyMs: e.latency_ms == null ? null : Math.round(e.latency_ms),
      status: e.status,
      appCache: e.cache ?? "",
      tags: e.tags,
      source,
      ...healthFields(e.http_status, e.ttft_ms, rateLimitOf(e.rate_limit)),
    },
  };
}

type RateLimitInput = Partial<Record<"requests_limit" | "requests_remaining" | "tokens_limit" | "tokens_remaining" | "requests_reset_s" | "tokens_reset_s", number | null>>;

/** An object with no figure in it says nothing: stored as "not reported", like an absent one. */
function rateLimitOf(r: RateLimitInput | null | undefined): RateLimitSnapshot | null {
  if (!r) return null;
  const count = (v: number | null | undefined) => (v == null ? null : Math.round(v));
  const snap: RateLimitSnapshot = {
    requestsLimit: count(r.requests_limit),
    requestsRemaining: count(r.requests_remaining),
    tokensLimit: count(r.tokens_limit),
    tokensRemaining: count(r.tokens_remaining),
    requestsResetS: r.requests_reset_s ?? null,
    tokensResetS: r.tokens_reset_s ?? null,
  };
  return Object.values(snap).some((v) => v !== null) ? snap : null;
}

/** Only what the sender reported: an event without these fields keeps the shape it always had. */
function healthFields(httpStatus: number | null | undefined, ttftMs: number | null | undefined, rateLimit: RateLimitSnapshot | null) {
  return {
    ...(httpStatus != null ? { httpStatus } : {}),
    ...(ttftMs != null ? { ttftMs: Math.round(ttftMs) } : {}),
    ...(rateLimit ? { rateLimit } : {}),
  };
}
