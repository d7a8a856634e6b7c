/**
 * What a what-if replay is asked and what it answers: the shape of `POST /api/v1/whatif` and of the
 * in-process call that recommendations use, so every savings figure in the product comes from one
 * replay of real events. Types only, below lib/whatif (which implements the replay and the zod schema
 * for this shape) and lib/recommendations (which asks it questions).
 */
import type { Dimension } from "@/lib/domain/event";

export type ScenarioChange =
  /** move `share` (0..1) of the scope's traffic to another model, priced at that model's rates */
  | { kind: "route"; to_provider: string; to_model: string; share: number }
  /** this share (0..1) of the cache-eligible input is read from the provider's prompt cache */
  | { kind: "prompt_cache"; hit_rate: number }
  /** this share (0..1) of requests is answered by an application cache and costs nothing */
  | { kind: "app_cache"; hit_rate: number }
  /** the scope goes through the provider's batch API at its discount */
  | { kind: "batch" }
  /** output tokens per request capped at `cap` */
  | { kind: "max_tokens"; cap: number }
  /** input tokens per request cut by `percent` (0..100) */
  | { kind: "trim_input"; percent: number }
  /** the scope's traffic served by a self-hosted deployment at its measured $ per 1M tokens */
  | { kind: "self_host"; deployment: string };

export type ScenarioKind = ScenarioChange["kind"];

export type Scenario = {
  /** ISO instants; the replay covers [from, to) */
  from: string;
  to: string;
  /** dimension filters, all of which an event must match to be changed; empty = the whole organization */
  scope: Partial<Record<Dimension, string>>;
  change: ScenarioChange;
};

/** Exact decimal USD strings, as the read API writes them. */
export type ReplayLine = {
  feature: string;
  before_usd: string;
  after_usd: string;
  saved_usd: string;
  requests: number;
};

export type ReplayMonth = { month: string; before_usd: string; after_usd: string; saved_usd: string };

export type ReplayResult = {
  before_usd: string;
  after_usd: string;
  saved_usd: string;
  /** saved_usd scaled to 30 days of the replayed window, for recommendations */
  monthly_saved_usd: string;
  by_feature: ReplayLine[];
  by_month: ReplayMonth[];
  /** requests in scope that no price covers, before or after; their cost is unknown, not zero */
  unpriced_requests: number;
  requests_in_scope: number;
};
