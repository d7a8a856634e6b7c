import { LLM_EVENTS, SPEND_HOURLY } from "@/lib/clickhouse/tables";
/**
 * The SQL of the ledger's consistency check, without I/O so that the crash test's checker (which
 * opens a stopped server's data directory itself) runs the very same statement as the tests.
 *
 * Per organization and hour: the requests, tokens and cost the raw events add up to (every row with
 * its sign) against what the rollup holds. Written by hand rather than from the view's SELECT, so it
 * also catches a view that drifts. `{where}` filters both tables (e.g. by org_id).
 */
export function rawRollupMismatchesSql(where = ""): string {
  return `SELECT org_id, hour,
            sumIf(requests, src = 'raw') AS raw_requests, sumIf(requests, src = 'rollup') AS rollup_requests,
            sumIf(tokens, src = 'raw') AS raw_tokens, sumIf(tokens, src = 'rollup') AS rollup_tokens,
            sumIf(cost, src = 'raw') AS raw_cost_pico, sumIf(cost, src = 'rollup') AS rollup_cost_pico
     FROM (
       SELECT 'raw' AS src, org_id, toStartOfHour(ts) AS hour, toInt64(sign) AS requests,
              toInt64(sign) * toInt64(input_uncached_tokens + cache_read_tokens + cache_write_5m_tokens + cache_write_1h_tokens + output_tokens) AS tokens,
              toInt128(sign) * cost_pico AS cost
       FROM ${LLM_EVENTS} ${where}
       UNION ALL
       SELECT 'rollup' AS src, org_id, hour, requests,
              input_uncached_tokens + cache_read_tokens + cache_write_5m_tokens + cache_write_1h_tokens + output_tokens AS tokens,
              cost_pico AS cost
       FROM ${SPEND_HOURLY} ${where}
     )
     GROUP BY org_id, hour
     HAVING raw_requests != rollup_requests OR raw_tokens != rollup_tokens OR raw_cost_pico != rollup_cost_pico
     ORDER BY org_id, hour`;
}

export type HourMismatch = {
  org_id: string;
  hour: string;
  raw_requests: string;
  rollup_requests: string;
  raw_tokens: string;
  rollup_tokens: string;
  raw_cost_pico: string;
  rollup_cost_pico: string;
};
