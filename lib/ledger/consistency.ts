import "server-only";
import { chQuery } from "@/lib/clickhouse/query";

/**
 * An independent check of the ledger's one invariant: per organization and hour, the rollup holds
 * exactly what the raw events add up to (requests, tokens, cost), counting every row with its sign.
 * Written by hand rather than from the view's SELECT, so it also catches a view that drifts. Reads
 * both tables whole: for tests, the crash test's checker and diagnosis, not for a hot path.
 */
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

export async function rawRollupMismatches(orgId?: string): Promise<HourMismatch[]> {
  const org = orgId === undefined ? "" : "WHERE org_id = {org:String}";
  return chQuery<HourMismatch>(
    `SELECT org_id, hour,
            sumIf(requests, src = 'raw') AS raw_requests, sumIf(requests, src = 'rollup') AS rollup_requests,
            sumIf(tokens, src = 'raw') AS raw_tokens, sumIf(tokens, src = 'rollup') AS rollup_tokens,
            sumIf(cost, src = 'raw') AS raw_cost_pico, sumIf(cost, src = 'rollup') AS rollup_cost_pico
     FROM (
       SELECT 'raw' AS src, org_id, toStartOfHour(ts) AS hour, toInt64(sign) AS requests,
              toInt64(sign) * toInt64(input_uncached_tokens + cache_read_tokens + cache_write_5m_tokens + cache_write_1h_tokens + output_tokens) AS tokens,
              toInt128(sign) * cost_pico AS cost
       FROM llm_events ${org}
       UNION ALL
       SELECT 'rollup' AS src, org_id, hour, requests,
              input_uncached_tokens + cache_read_tokens + cache_write_5m_tokens + cache_write_1h_tokens + output_tokens AS tokens,
              cost_pico AS cost
       FROM spend_hourly ${org}
     )
     GROUP BY org_id, hour
     HAVING raw_requests != rollup_requests OR raw_tokens != rollup_tokens OR raw_cost_pico != rollup_cost_pico
     ORDER BY org_id, hour`,
    { tag: "ledger.consistency", params: orgId === undefined ? {} : { org: orgId }, timeoutSeconds: 300 },
  );
}
