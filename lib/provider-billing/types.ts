/** Plain types shared by the collectors, the tables and reconciliation of provider billing. */

export const BILLING_PROVIDERS = ["openai", "anthropic"] as const;
export type BillingProvider = (typeof BILLING_PROVIDERS)[number];

/** Mutually exclusive token buckets, as in the ledger (rule 1: every input token counted once). */
export type BilledTokens = {
  inputUncached: number;
  cacheRead: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
  output: number;
};

/** One provider usage bucket for one group. Grouping keys the provider left null are "". */
export type UsageBucketRow = {
  bucketStart: Date;
  /** OpenAI project id or Anthropic workspace id */
  projectId: string;
  apiKeyId: string;
  model: string;
  batch: string;
  serviceTier: string;
  contextWindow: string;
  tokens: BilledTokens;
  requests: number;
  webSearchRequests: number;
};

/** One provider cost bucket (a day) for one line item, in exact pico-dollars. */
export type CostBucketRow = {
  bucketStart: Date;
  projectId: string;
  /** OpenAI line_item or Anthropic description */
  lineItem: string;
  /** the model the line item is for, "" when the provider does not say */
  model: string;
  costType: string;
  tokenType: string;
  serviceTier: string;
  contextWindow: string;
  amountPico: bigint;
};

export const TOKEN_COLUMNS = {
  inputUncached: "input_uncached_tokens",
  cacheRead: "cache_read_tokens",
  cacheWrite5m: "cache_write_5m_tokens",
  cacheWrite1h: "cache_write_1h_tokens",
  output: "output_tokens",
} as const satisfies Record<keyof BilledTokens, string>;

export const zeroTokens = (): BilledTokens => ({ inputUncached: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 0 });
