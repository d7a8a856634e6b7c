/** A budget as the API answers it (snake_case, amounts as exact decimal strings). Pure. */
import type { BudgetConfig, BudgetStatus } from "./types";

export function budgetJson(b: BudgetConfig) {
  return {
    id: b.id,
    name: b.name,
    scope: b.scope,
    amount_usd: b.amountUsd,
    period: b.period,
    timezone: b.timezone,
    fiscal_year_start_month: b.fiscalYearStartMonth,
    week_starts_on: b.weekStartsOn,
    thresholds: b.thresholds,
    forecast_alerts: b.forecastAlerts,
    block_at_percent: b.blockAtPercent,
    channels: b.channelIds,
    parent_id: b.parentId,
    created_at: b.createdAt,
    updated_at: b.updatedAt,
  };
}

export function statusJson(s: BudgetStatus) {
  return {
    period_start: s.periodStart,
    period_end: s.periodEnd,
    spent_usd: s.spentUsd,
    remaining_usd: s.remainingUsd,
    percent: s.percent,
    forecast_usd: s.forecastUsd,
    forecast_low_usd: s.forecastLowUsd,
    forecast_high_usd: s.forecastHighUsd,
    forecast_interval_level: 0.8,
    daily_allowed_usd: s.dailyAllowedUsd,
    runs_out_on: s.runsOutOn,
    previous_period_usd: s.previousPeriodUsd,
    requests: s.requests,
    unpriced_requests: s.unpricedRequests,
    unpriced_tokens: s.unpricedTokens,
    blocked: s.blocked,
    children: {
      count: s.children.count,
      amount_usd: s.children.amountUsd,
      spent_usd: s.children.spentUsd,
      amount_over_parent: s.children.amountOverParent,
      spent_over_parent: s.children.spentOverParent,
    },
    as_of: s.asOf,
  };
}
