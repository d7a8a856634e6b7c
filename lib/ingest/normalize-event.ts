import { env } from "@/lib/config/env";
import { eventSchema, formatZodIssues, parseTimestamp } from "./event-schema";
import { describeValue } from "./text";
import { normalizeUsage, type UsageFormat } from "./usage";
import type { NormalizedEvent } from "./types";

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
    },
  };
}
