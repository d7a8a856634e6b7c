/**
 * A budget as the evaluators, the check and the screens use it (plain values, parsed from its row),
 * and its status. Pure types: safe for client components.
 */
import type { Dimension } from "@/lib/domain/event";
import type { Period } from "./period";

export type BudgetScope = Partial<Record<Dimension, string>>;

export type BudgetConfig = {
  id: string;
  orgId: string;
  name: string;
  scope: BudgetScope;
  /** exact decimal string */
  amountUsd: string;
  period: Period;
  timezone: string;
  fiscalYearStartMonth: number;
  weekStartsOn: number;
  /** ascending percentages */
  thresholds: number[];
  forecastAlerts: boolean;
  blockAtPercent: number;
  channelIds: string[];
  parentId: string | null;
  createdAt: string;
  updatedAt: string;
};

export type PeriodTotals = {
  /** pico-dollars */
  costPico: bigint;
  requests: number;
  unpricedRequests: number;
  unpricedTokens: number;
};

export type BudgetStatus = {
  periodStart: string;
  periodEnd: string;
  /** local dates, for display */
  periodStartDate: string;
  periodEndDate: string;
  spentUsd: string;
  remainingUsd: string;
  /** spent / amount x 100 */
  percent: number;
  forecastUsd: number;
  forecastLowUsd: number;
  forecastHighUsd: number;
  forecastPercent: number;
  /** what may be spent per day for the rest of the period to stay within the amount */
  dailyAllowedUsd: number;
  /** local date the amount runs out at the average rate so far; null when not within this period */
  runsOutOn: string | null;
  previousPeriodUsd: string;
  requests: number;
  unpricedRequests: number;
  unpricedTokens: number;
  daysElapsed: number;
  daysRemaining: number;
  /** percentage at which the gateway check blocks, and whether it does now */
  blocked: boolean;
  /** sums of the direct children (nesting): amounts and spend, and whether they pass this budget */
  children: { count: number; amountUsd: string; spentUsd: string; amountOverParent: boolean; spentOverParent: boolean };
  asOf: string;
};

export type BudgetWithStatus = BudgetConfig & { status: BudgetStatus };
