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
};

/** What pricing decided for one event; kept beside the event rather than copied into it. */
export type EventPrice = {
  priced: boolean;
  costPico: number;
  cacheSavingsPico: number;
  priceSource: "catalog" | "override" | "none";
  /** which price was applied, e.g. "catalog:anthropic/claude-sonnet-4" or "override:<id>" */
  priceRef: string;
};
