/**
 * What holds now for a budget, as alert conditions (lib/alert-contract): one per basis (actual spend,
 * forecast) whose highest crossed threshold it carries as its level. Stateless: the same status gives
 * the same conditions on every pass, and the alert store alone decides what is new.
 */
import type { AlertCondition, Evaluation, Severity } from "@/lib/alert-contract/condition";
import { canonicalUsd } from "./money";
import type { BudgetWithStatus } from "./types";

/** Severity by the threshold's position in the ladder (50, 75, 90, 100 by default). */
const LADDER: Severity[] = ["info", "warning", "critical", "critical"];

export function severityAt(position: number): Severity {
  return LADDER[Math.min(position, LADDER.length - 1)];
}

/**
 * The key of one alert: the period start and the amount are in it, so a new period or a raised amount
 * opens a new alert and each threshold fires once per period (and again after a raise, when crossed
 * anew). The amount is canonical so "1000" and "1000.00" are the same alert.
 */
export function budgetDedupKey(budgetId: string, periodStart: string, basis: "actual" | "forecast", amountUsd: string): string {
  return `budget:${budgetId}:${periodStart}:${basis}:${canonicalUsd(amountUsd)}`;
}

/** The highest threshold at or below `percent`, with its position; null when none is crossed. */
export function highestCrossed(thresholds: number[], percent: number): { threshold: number; position: number } | null {
  const sorted = [...thresholds].sort((a, b) => a - b);
  let hit: { threshold: number; position: number } | null = null;
  for (let i = 0; i < sorted.length; i++) if (percent >= sorted[i]) hit = { threshold: sorted[i], position: i };
  return hit;
}

// One formatter for every title: toLocaleString with options builds a new one per call, and the
// titles of 1,000 budgets took about 50 ms of the server's thread in one step of a pass.
const USD_2 = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const usd = (x: number | string) => `$${USD_2.format(Number(x))}`;

export function budgetConditions(b: BudgetWithStatus): AlertCondition[] {
  const s = b.status;
  const out: AlertCondition[] = [];
  const numbers = (threshold: number, value: number, percent: number) => ({
    threshold,
    value,
    amount: Number(b.amountUsd),
    percent,
    forecast: s.forecastUsd,
    forecast_low: s.forecastLowUsd,
    forecast_high: s.forecastHighUsd,
  });
  const base = { scope: { ...b.scope } as Record<string, string>, cause: [], url: `/budgets/${b.id}`, channelIds: [...b.channelIds] };
  const actual = highestCrossed(b.thresholds, s.percent);
  if (actual) {
    out.push({
      ...base,
      dedupKey: budgetDedupKey(b.id, s.periodStart, "actual", b.amountUsd),
      kind: "budget",
      severity: severityAt(actual.position),
      level: actual.threshold,
      title: `Budget "${b.name}" at ${Math.floor(s.percent)}% (${usd(s.spentUsd)} of ${usd(b.amountUsd)}), past its ${actual.threshold}% threshold`,
      numbers: numbers(actual.threshold, Number(s.spentUsd), s.percent),
    });
  }
  const forecast = b.forecastAlerts ? highestCrossed(b.thresholds, s.forecastPercent) : null;
  if (forecast) {
    out.push({
      ...base,
      dedupKey: budgetDedupKey(b.id, s.periodStart, "forecast", b.amountUsd),
      kind: "budget_forecast",
      severity: severityAt(forecast.position),
      level: forecast.threshold,
      title: `Budget "${b.name}" forecast to reach ${Math.floor(s.forecastPercent)}% (${usd(s.forecastUsd)} of ${usd(b.amountUsd)}) by ${s.periodEndDate}`,
      numbers: numbers(forecast.threshold, s.forecastUsd, s.forecastPercent),
    });
  }
  return out;
}

export function budgetEvaluation(b: BudgetWithStatus, evaluatedAt: Date): Evaluation {
  return { orgId: b.orgId, source: { type: "budget", id: b.id }, conditions: budgetConditions(b), evaluatedAt };
}
