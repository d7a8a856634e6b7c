/**
 * The product's shared vocabulary of an LLM call: its dimensions, token buckets, the normalized event
 * and its price. A bottom module with no imports, below ingest (which produces events), pricing
 * (which prices them), analytics and every capability that filters by a dimension.
 */
/** Token counts in mutually exclusive buckets: their sum is every token billed, counted once. */
export type TokenBuckets = {
  inputUncached: number;
  cacheRead: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
  /** all output tokens, reasoning included */
  output: number;
  /** the part of `output` spent on reasoning */
  reasoning: number;
};

export const DIMENSIONS = ["provider", "model", "project", "feature", "team", "user", "customer", "environment"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/**
 * The longest dimension value (in UTF-16 code units, after trimming and NFC) that ingest stores. The
 * overview's filters and the read API refuse longer values with this same number: a filter value no
 * stored event can have must be an error, never silently dropped (which showed the unfiltered total).
 */
export const MAX_DIMENSION_VALUE_LENGTH = 256;

/** Default bound on each token count of one event (INGEST_MAX_TOKENS_PER_BUCKET overrides it). */
export const DEFAULT_MAX_TOKENS_PER_BUCKET = 10_000_000;
/** No configuration may go above this: larger counts could overflow the stored Int64 pico-dollar cost. */
export const MAX_TOKENS_PER_BUCKET_CEILING = 1_000_000_000;

/** One LLM call after validation and normalization, before pricing. */
export type NormalizedEvent = {
  id: string;
  timestamp: Date;
  provider: string;
  model: string;
  project: string;
  feature: string;
  team: string;
  user: string;
  customer: string;
  environment: string;
  tokens: TokenBuckets;
  latencyMs: number | null;
  status: "ok" | "error";
  appCache: "" | "hit" | "miss";
  tags: Record<string, string>;
  source: string;
  /** the provider's HTTP answer; absent when the sender did not say */
  httpStatus?: number | null;
  /** time to first token (streams) */
  ttftMs?: number | null;
  rateLimit?: RateLimitSnapshot | null;
};

/** Rate-limit state the provider reported with one call (its x-ratelimit-* headers); null = not reported. */
export type RateLimitSnapshot = {
  requestsLimit: number | null;
  requestsRemaining: number | null;
  tokensLimit: number | null;
  tokensRemaining: number | null;
  requestsResetS: number | null;
  tokensResetS: number | null;
};

/** What pricing decided for one event; kept beside the event rather than copied into it. */
export type EventPrice = {
  priced: boolean;
  costPico: number;
  cacheSavingsPico: number;
  priceSource: "catalog" | "override" | "selfhosted" | "none";
  /** which price was applied, e.g. "catalog:anthropic/claude-sonnet-4" or "override:<id>" */
  priceRef: string;
};
