/**
 * The rollup of llm_events into spend_hourly, in one place: the materialized view is created from
 * ROLLUP_SELECT (migration 3), and the ledger's check and repair (lib/ledger) derive the rollup
 * from the raw rows with the very same SELECT, so a repaired hour equals what the view would have
 * written. A migration that changes the view must change it here.
 *
 * The rollup row of one llm_events row. Every token and money column is multiplied by `sign`, so a
 * cancelling row (sign -1) subtracts exactly what its live row added. Column names are qualified
 * with the table: an unqualified `input_uncached_tokens` inside another expression would resolve
 * to the signed ALIAS of the same name (ClickHouse lets aliases be reused in the same SELECT).
 */
export const ROLLUP_COLUMNS = `org_id, hour, provider, model, project, feature, team, user, customer, environment, price_source,
  requests, priced_requests, input_uncached_tokens, cache_read_tokens, cache_write_5m_tokens, cache_write_1h_tokens,
  output_tokens, reasoning_tokens, unpriced_tokens, cost_pico, cache_savings_pico, app_cache_hits, app_cache_lookups,
  errors, latency_ms_sum, latency_count`;
export const ROLLUP_SELECT = rollupSelect("llm_events");

/** The same SELECT over another name for the events table (its local table on a cluster). */
export function rollupSelect(events: string): string {
  return `
      SELECT
        org_id,
        toStartOfHour(ts) AS hour,
        provider, model, project, feature, team, user, customer, environment, price_source,
        toInt64(sign) AS requests,
        toInt64(sign * priced) AS priced_requests,
        toInt64(sign * ${events}.input_uncached_tokens) AS input_uncached_tokens,
        toInt64(sign * ${events}.cache_read_tokens) AS cache_read_tokens,
        toInt64(sign * ${events}.cache_write_5m_tokens) AS cache_write_5m_tokens,
        toInt64(sign * ${events}.cache_write_1h_tokens) AS cache_write_1h_tokens,
        toInt64(sign * ${events}.output_tokens) AS output_tokens,
        toInt64(sign * ${events}.reasoning_tokens) AS reasoning_tokens,
        toInt64(sign * (1 - priced) * (${events}.input_uncached_tokens + ${events}.cache_read_tokens + ${events}.cache_write_5m_tokens + ${events}.cache_write_1h_tokens + ${events}.output_tokens)) AS unpriced_tokens,
        toInt128(${events}.cost_pico) * sign AS cost_pico,
        toInt128(${events}.cache_savings_pico) * sign AS cache_savings_pico,
        toInt64(sign * (app_cache = 'hit')) AS app_cache_hits,
        toInt64(sign * (app_cache != '')) AS app_cache_lookups,
        toInt64(sign * (status = 'error')) AS errors,
        toInt64(sign * ifNull(latency_ms, 0)) AS latency_ms_sum,
        toInt64(sign * isNotNull(latency_ms)) AS latency_count
      FROM ${events}`;
}

/** The rollup's key (its ORDER BY columns) and its summed columns, in ROLLUP_COLUMNS order. */
export const ROLLUP_KEYS = ROLLUP_COLUMNS.split(",").map((c) => c.trim()).slice(0, 11);
export const ROLLUP_SUMS = ROLLUP_COLUMNS.split(",").map((c) => c.trim()).slice(11);
