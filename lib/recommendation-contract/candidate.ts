/**
 * What a recommendation finder hands the recommendations store: one candidate lever with its evidence
 * and savings. Finders are stateless functions of the ledger, the collectors' data and the catalog;
 * the store (lib/recommendations) alone keeps status (open, accepted, implemented, verified, dismissed)
 * across recomputations, matched by `key`. Types only, below lib/recommendations and every finder
 * (API-traffic finders in lib/recommendations, self-hosted ones in lib/selfhosted-advice).
 */
import type { Scenario } from "@/lib/whatif-contract/scenario";

export const RECOMMENDATION_KINDS = [
  "model_routing",
  "prompt_caching",
  "response_caching",
  "max_tokens",
  "batch",
  "context_trim",
  "errors",
  "gpu_rightsizing",
  "autoscaling",
  "quantization",
  "self_host",
] as const;
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

export const RECOMMENDATION_STATUSES = ["open", "accepted", "implemented", "verified", "dismissed"] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

export type Confidence = "high" | "medium" | "low";

export type Evidence = { label: string; value: string };

export type Candidate = {
  kind: RecommendationKind;
  /** stable across recomputations: the same lever on the same scope keeps its status */
  key: string;
  /** what it applies to, e.g. { feature: "triage", model: "gpt-4.1" } or { deployment: "llama-70b" } */
  scope: Record<string, string>;
  title: string;
  evidence: Evidence[];
  /** the filtered view that shows the evidence */
  evidence_href: string;
  /** exact decimal string; from the what-if replay of `scenario` when there is one */
  monthly_savings_usd: string;
  /** the replayed scenario behind the figure; null for levers the replay cannot express (GPU right-sizing) */
  scenario: Scenario | null;
  /** how the figure was obtained when there is no scenario, in one sentence */
  savings_method: string;
  confidence: Confidence;
  /** what could get worse and how to test safely (e.g. route 5% first) */
  risk: string;
  /** the feature's team, when known */
  owner_team: string | null;
  /**
   * Levers that change the same spend share a group (e.g. "feature:triage|model:gpt-4.1"); the page
   * shows overlap and totals take the largest per group instead of summing.
   */
  overlap_group: string;
};

export type FinderContext = { orgId: string; from: Date; to: Date; now: Date };
export type Finder = (ctx: FinderContext) => Promise<Candidate[]>;
