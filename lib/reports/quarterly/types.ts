/**
 * The quarterly optimization review as a plain object (what the JSON API answers, the CSVs and the PDF
 * are written from, and the page shows). Money is an exact decimal string in USD; ratios are numbers.
 * `null` means "no data" (a quarter without events, a section whose source is not wired), never 0.
 * Pure types: safe for client components.
 */

export const BREAKDOWN_DIMENSIONS = ["feature", "team", "model", "customer"] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

export type QuarterRef = { quarter: string; from: string; to: string };

export type BreakdownItem = {
  /** "" is spend the events did not attribute on this dimension */
  value: string;
  cost_usd: string;
  share_percent: number | null;
  requests: number;
  /** the same value's spend in the previous quarter; null when the previous quarter has no data */
  previous_cost_usd: string | null;
};

export type Breakdown = { top: BreakdownItem[]; other: { count: number; cost_usd: string; share_percent: number | null; requests: number } | null };

export type BenchmarkComparison = {
  benchmark_id: string;
  metric: string;
  /** the seed's bands as text, e.g. "$10-$15" */
  p50: string;
  p95: string;
  p99: string;
  world_class: string;
  better: "lower" | "higher";
  /** where the measured value falls, in the table's terms ("P50", "between P50 and P95") */
  place: string;
  /** how the benchmark was applied when not read off one row (the GPT-4 class blend) */
  note?: string;
};

export type TierUnitCost = {
  tier: "frontier" | "small" | "unclassified";
  label: string;
  models: string[];
  cost_usd: string;
  /** priced tokens only: unpriced tokens have no cost to divide */
  tokens: number;
  input_tokens: number;
  output_tokens: number;
  unpriced_tokens: number;
  cost_per_mtok_usd: number | null;
  benchmark: (BenchmarkComparison & { measured_usd_per_mtok: number | null }) | null;
};

export type ActionUnitCost = { feature: string; action: string; actions: number; feature_cost_usd: string; cost_per_action_usd: number | null };

export type UnitEconomics = {
  requests: number;
  priced_requests: number;
  /** spend over priced requests */
  cost_per_request_usd: number | null;
  cost_per_request_benchmark: BenchmarkComparison | null;
  users: number;
  /** spend of events naming a user over the distinct users */
  cost_per_user_usd: number | null;
  actions: ActionUnitCost[];
  tiers: TierUnitCost[];
  app_cache_hit_rate_percent: number | null;
  app_cache_benchmark: BenchmarkComparison | null;
};

export type BudgetPeriodVariance = {
  period_start: string;
  period_end: string;
  amount_usd: string;
  actual_usd: string;
  variance_usd: string;
  variance_percent: number | null;
  /** the period reaches outside the quarter (a year budget, a week across the quarter's edge) */
  partial: boolean;
  in_progress: boolean;
};

export type BudgetVariance = {
  id: string;
  name: string;
  scope: Record<string, string>;
  period: string;
  timezone: string;
  amount_usd: string;
  periods: BudgetPeriodVariance[];
  total_amount_usd: string;
  total_actual_usd: string;
  total_variance_usd: string;
  total_variance_percent: number | null;
  over_budget_periods: number;
};

export type AlertsSummary = {
  total: number;
  by_kind: Record<string, number>;
  by_severity: Record<string, number>;
  by_kind_and_severity: { kind: string; severity: string; count: number }[];
  acknowledged: number;
  resolved: number;
  still_open: number;
  /** medians over the alerts that were acknowledged / resolved; null when none were */
  median_time_to_acknowledge_seconds: number | null;
  median_time_to_resolve_seconds: number | null;
  p90_time_to_resolve_seconds: number | null;
};

export type AttributionCoverage = {
  total_cost_usd: string;
  feature_percent: number | null;
  team_percent: number | null;
  customer_percent: number | null;
  /** all three set */
  fully_attributed_percent: number | null;
  benchmark: BenchmarkComparison | null;
  /** null when no provider billing source has data for the quarter */
  billed: { billed_usd: string; attributed_usd: string; unattributed_usd: string | null; coverage_percent: number | null } | null;
};

/** Built by lib/slos (sloAttainmentForRange); read through sections-external.ts. */
export type SloAttainmentSection = {
  slos: {
    id: string;
    name: string;
    scope: Record<string, string>;
    objective: string;
    target_percent: number;
    attainment_percent: number | null;
    error_budget_remaining_percent: number | null;
    met: boolean | null;
  }[];
};

/** Built by lib/recommendations (recommendationsForQuarter); read through sections-external.ts. */
export type RecommendationsSection = {
  opened: number;
  implemented: number;
  dismissed: number;
  realized_savings_usd: string;
  top_candidates: { kind: string; title: string; scope: Record<string, string>; monthly_savings_usd: string; status: string }[];
};

export type Unavailable = { available: false; reason: string };

export type QuarterlyReport = {
  quarter: string;
  from: string;
  /** exclusive */
  to: string;
  timezone: "UTC";
  /** false while the quarter is still running: figures are to `as_of` */
  complete: boolean;
  as_of: string;
  generated_at: string;
  total_spend_usd: string;
  requests: number;
  unpriced_requests: number;
  previous: QuarterRef;
  previous_total_spend_usd: string | null;
  change_vs_previous_usd: string | null;
  change_vs_previous_percent: number | null;
  last_year: QuarterRef;
  last_year_total_spend_usd: string | null;
  change_vs_last_year_usd: string | null;
  change_vs_last_year_percent: number | null;
  spend_by_month: { month: string; cost_usd: string; requests: number }[];
  breakdowns: Record<BreakdownDimension, Breakdown>;
  unit_economics: UnitEconomics;
  budgets: BudgetVariance[];
  alerts: AlertsSummary;
  attribution: AttributionCoverage;
  slos: ({ available: true } & SloAttainmentSection) | Unavailable;
  recommendations: ({ available: true } & RecommendationsSection) | Unavailable;
  benchmarks_source: { seed: string; title: string; note: string };
};
