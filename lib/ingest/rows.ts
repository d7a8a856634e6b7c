import type { EventPrice, NormalizedEvent } from "@/lib/domain/event";
import { chDateTime } from "@/lib/clickhouse/time";


/** The llm_events row of a newly ingested event: its first version, live (sign +1). */
export function toEventRow(orgId: string, apiKeyId: string, e: NormalizedEvent, price: EventPrice) {
  return {
    org_id: orgId,
    event_id: e.id,
    ts: chDateTime(e.timestamp),
    provider: e.provider,
    model: e.model,
    project: e.project,
    feature: e.feature,
    team: e.team,
    user: e.user,
    customer: e.customer,
    environment: e.environment,
    api_key_id: apiKeyId,
    source: e.source,
    input_uncached_tokens: e.tokens.inputUncached,
    cache_read_tokens: e.tokens.cacheRead,
    cache_write_5m_tokens: e.tokens.cacheWrite5m,
    cache_write_1h_tokens: e.tokens.cacheWrite1h,
    output_tokens: e.tokens.output,
    reasoning_tokens: e.tokens.reasoning,
    priced: price.priced ? 1 : 0,
    cost_pico: price.costPico,
    cache_savings_pico: price.cacheSavingsPico,
    price_source: price.priceSource,
    price_ref: price.priceRef,
    latency_ms: e.latencyMs,
    status: e.status,
    app_cache: e.appCache,
    tags: e.tags,
    http_status: e.httpStatus ?? 0,
    ttft_ms: e.ttftMs ?? null,
    rl_requests_limit: e.rateLimit?.requestsLimit ?? null,
    rl_requests_remaining: e.rateLimit?.requestsRemaining ?? null,
    rl_tokens_limit: e.rateLimit?.tokensLimit ?? null,
    rl_tokens_remaining: e.rateLimit?.tokensRemaining ?? null,
    rl_requests_reset_s: e.rateLimit?.requestsResetS ?? null,
    rl_tokens_reset_s: e.rateLimit?.tokensResetS ?? null,
    sign: 1,
    version: 1,
  };
}
export type EventRow = ReturnType<typeof toEventRow>;
