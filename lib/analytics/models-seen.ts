import "server-only";
import { chQuery } from "@/lib/clickhouse/query";
import { SPEND_HOURLY } from "@/lib/clickhouse/tables";

export type ModelSeen = {
  provider: string;
  model: string;
  requests: number;
  unpricedRequests: number;
  /** tokens of its unpriced requests: usage whose cost is unknown */
  unpricedTokens: number;
  tokens: number;
  costUsd: number;
  /** price sources that priced its requests in the window, e.g. ["catalog"] or ["catalog", "override"] */
  sources: string[];
  firstSeen: string;
  lastSeen: string;
};

/** Every model the organization ever used, with how it was priced (the rollup keeps this cheap). */
export async function modelsSeen(orgId: string): Promise<ModelSeen[]> {
  const rows = await chQuery<Record<string, string | string[]>>(
    `SELECT provider, model,
            sum(requests) AS total_requests,
            sum(requests) - sum(priced_requests) AS unpriced_requests,
            sum(unpriced_tokens) AS unpriced_tokens_sum,
            sum(input_uncached_tokens + cache_read_tokens + cache_write_5m_tokens + cache_write_1h_tokens + output_tokens) AS tokens,
            sum(cost_pico) AS cost_pico,
            groupUniqArrayIf(price_source, priced_requests > 0) AS sources,
            min(hour) AS first_seen,
            max(hour) AS last_seen
     FROM ${SPEND_HOURLY}
     WHERE org_id = {org:String}
     GROUP BY provider, model
     HAVING total_requests > 0
     ORDER BY unpriced_requests > 0 DESC, cost_pico DESC`,
    { tag: "analytics.models_seen", params: { org: orgId } },
  );
  return rows.map((r) => ({
    provider: String(r.provider),
    model: String(r.model),
    requests: Number(r.total_requests),
    unpricedRequests: Number(r.unpriced_requests),
    unpricedTokens: Number(r.unpriced_tokens_sum),
    tokens: Number(r.tokens),
    costUsd: Number(r.cost_pico) / 1e12,
    sources: (r.sources as string[]).filter((s) => s !== "none").sort(),
    firstSeen: new Date(String(r.first_seen).replace(" ", "T") + "Z").toISOString(),
    lastSeen: new Date(String(r.last_seen).replace(" ", "T") + "Z").toISOString(),
  }));
}
