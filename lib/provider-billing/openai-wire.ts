import { z } from "zod";
import { CollectorError } from "@/lib/source-contract/collector";
import { dollarsNumberToPico } from "./decimal";
import type { CostBucketRow, UsageBucketRow } from "./types";

/**
 * OpenAI Usage API (`/organization/usage/completions`) and Costs API (`/organization/costs`) wire
 * shapes, and their reading into our rows. Fields marked newer in the reference may be absent.
 */
const count = z.number({ error: "expected a non-negative integer" }).int().nonnegative();
const optCount = count.nullish();
const key = z.string().nullish();

const completionsResult = z.object({
  input_tokens: count,
  input_cached_tokens: optCount,
  input_cache_write_tokens: optCount,
  output_tokens: count,
  num_model_requests: optCount,
  project_id: key,
  api_key_id: key,
  model: key,
  batch: z.boolean().nullish(),
  service_tier: key,
});

const costsResult = z.object({
  amount: z.object({ value: z.number({ error: "expected a number (dollars)" }), currency: z.string() }),
  line_item: key,
  project_id: key,
  api_key_id: key,
});

const bucket = <R extends z.ZodType>(result: R) =>
  z.object({ start_time: z.number().int(), end_time: z.number().int(), results: z.array(result) });

const page = <R extends z.ZodType>(result: R) =>
  z.object({ data: z.array(bucket(result)), has_more: z.boolean(), next_page: z.string().nullish() });

export const openaiCompletionsPage = page(completionsResult);
export const openaiCostsPage = page(costsResult);

type CompletionsBucket = z.infer<ReturnType<typeof bucket<typeof completionsResult>>>;
type CostsBucket = z.infer<ReturnType<typeof bucket<typeof costsResult>>>;

/**
 * Rule 1: OpenAI's input_tokens INCLUDES cached reads and cache writes, so the uncached part is what
 * is left after both. OpenAI bills no write premium; writes go to the 5 min bucket (priced as input).
 */
export function readCompletionsBucket(b: CompletionsBucket, where: string): UsageBucketRow[] {
  return b.results.map((r, i) => {
    const cacheRead = r.input_cached_tokens ?? 0;
    const cacheWrite = r.input_cache_write_tokens ?? 0;
    const uncached = r.input_tokens - cacheRead - cacheWrite;
    if (uncached < 0) {
      throw new CollectorError(
        `OpenAI sent an unexpected response on ${where}: results[${i}].input_tokens: expected at least input_cached_tokens + input_cache_write_tokens, got ${r.input_tokens}.`,
        "bad_response",
      );
    }
    return {
      bucketStart: new Date(b.start_time * 1000),
      projectId: r.project_id ?? "",
      apiKeyId: r.api_key_id ?? "",
      model: r.model ?? "",
      batch: r.batch === true ? "true" : r.batch === false ? "false" : "",
      serviceTier: r.service_tier ?? "",
      contextWindow: "",
      tokens: { inputUncached: uncached, cacheRead, cacheWrite5m: cacheWrite, cacheWrite1h: 0, output: r.output_tokens },
      requests: r.num_model_requests ?? 0,
      webSearchRequests: 0,
    };
  });
}

/**
 * Costs arrive per project and line item; OpenAI's token line items read "<model>, <kind>" (e.g.
 * "gpt-4o-2024-08-06, input"), which is how a day's cost is tied to a model. Other line items
 * (tools, storage) carry no model and are allocated in reconciliation.
 */
export function readCostsBucket(b: CostsBucket): CostBucketRow[] {
  return b.results.map((r) => {
    const lineItem = r.line_item ?? "";
    const m = /^([^,]+),\s*(.+)$/.exec(lineItem);
    return {
      bucketStart: new Date(b.start_time * 1000),
      projectId: r.project_id ?? "",
      lineItem,
      model: m ? m[1].trim() : "",
      costType: m ? "tokens" : "",
      tokenType: m ? m[2].trim() : "",
      serviceTier: "",
      contextWindow: "",
      amountPico: dollarsNumberToPico(r.amount.value),
    };
  });
}
