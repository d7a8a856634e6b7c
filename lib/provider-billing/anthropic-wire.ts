import { z } from "zod";
import { centsStringToPico } from "./decimal";
import type { CostBucketRow, UsageBucketRow } from "./types";

/**
 * Anthropic Admin API usage report (`/v1/organizations/usage_report/messages`) and cost report
 * (`/v1/organizations/cost_report`) wire shapes, and their reading into our rows.
 */
const count = z.number({ error: "expected a non-negative integer" }).int().nonnegative();
const key = z.string().nullish();
const rfc3339 = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { error: "expected an RFC 3339 time" });

const usageResult = z.object({
  uncached_input_tokens: count,
  cache_creation: z.object({ ephemeral_5m_input_tokens: count.nullish(), ephemeral_1h_input_tokens: count.nullish() }).nullish(),
  cache_read_input_tokens: count,
  output_tokens: count,
  server_tool_use: z.object({ web_search_requests: count.nullish() }).nullish(),
  api_key_id: key,
  workspace_id: key,
  model: key,
  service_tier: key,
  context_window: key,
});

const costResult = z.object({
  currency: z.string(),
  amount: z.string().regex(/^-?\d+(\.\d+)?$/, { error: "expected a decimal string in cents" }),
  workspace_id: key,
  description: key,
  cost_type: key,
  model: key,
  token_type: key,
  service_tier: key,
  context_window: key,
});

const bucket = <R extends z.ZodType>(result: R) => z.object({ starting_at: rfc3339, ending_at: rfc3339, results: z.array(result) });
const page = <R extends z.ZodType>(result: R) => z.object({ data: z.array(bucket(result)), has_more: z.boolean(), next_page: z.string().nullish() });

export const anthropicUsagePage = page(usageResult);
export const anthropicCostPage = page(costResult);

type UsageBucket = z.infer<ReturnType<typeof bucket<typeof usageResult>>>;
type CostBucket = z.infer<ReturnType<typeof bucket<typeof costResult>>>;

/** Rule 1: Anthropic's uncached input EXCLUDES cache reads and writes: each bucket is taken as is. */
export function readUsageBucket(b: UsageBucket): UsageBucketRow[] {
  return b.results.map((r) => ({
    bucketStart: new Date(b.starting_at),
    projectId: r.workspace_id ?? "",
    apiKeyId: r.api_key_id ?? "",
    model: r.model ?? "",
    batch: "",
    serviceTier: r.service_tier ?? "",
    contextWindow: r.context_window ?? "",
    tokens: {
      inputUncached: r.uncached_input_tokens,
      cacheRead: r.cache_read_input_tokens,
      cacheWrite5m: r.cache_creation?.ephemeral_5m_input_tokens ?? 0,
      cacheWrite1h: r.cache_creation?.ephemeral_1h_input_tokens ?? 0,
      output: r.output_tokens,
    },
    // The usage report does not count requests.
    requests: 0,
    webSearchRequests: r.server_tool_use?.web_search_requests ?? 0,
  }));
}

/** Amounts are decimal strings in CENTS ("123.45" = $1.2345). */
export function readCostBucket(b: CostBucket): CostBucketRow[] {
  return b.results.map((r) => ({
    bucketStart: new Date(b.starting_at),
    projectId: r.workspace_id ?? "",
    lineItem: r.description ?? "",
    model: r.model ?? "",
    costType: r.cost_type ?? "",
    tokenType: r.token_type ?? "",
    serviceTier: r.service_tier ?? "",
    contextWindow: r.context_window ?? "",
    amountPico: centsStringToPico(r.amount),
  }));
}
