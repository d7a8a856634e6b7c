import type { PricedEvent } from "./types";

/** ClickHouse's DateTime64 text form; the basic parser reads it without best-effort guessing. */
export function chDateTime(d: Date): string {
  return d.toISOString().replace("T", " ").replace("Z", "");
}

/** The llm_events row for a priced event (sign +1: a live row). */
export function toEventRow(orgId: string, apiKeyId: string, e: PricedEvent, version = 1, sign: 1 | -1 = 1) {
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
    priced: e.priced ? 1 : 0,
    cost_pico: e.costPico,
    cache_savings_pico: e.cacheSavingsPico,
    price_source: e.priceSource,
    price_ref: e.priceRef,
    latency_ms: e.latencyMs,
    status: e.status,
    app_cache: e.appCache,
    tags: e.tags,
    sign,
    version,
  };
}
export type EventRow = ReturnType<typeof toEventRow>;
