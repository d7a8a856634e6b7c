import "server-only";
import { BENCHMARK_SOURCE } from "../industry-benchmarks";
import { usd } from "../money";
import { alertsSection } from "./alerts-section";
import { budgetVariance } from "./budget-variance";
import { attributionCoverage } from "./coverage";
import { parseQuarter, previousQuarter, quarterBounds, sameQuarterLastYear, type QuarterBounds } from "./quarter";
import { recommendationsForQuarterSection, sloAttainmentForQuarter } from "./sections-external";
import { breakdowns, compareWith, rangeTotal, spendByMonth } from "./spend-section";
import type { QuarterlyReport } from "./types";
import { unitEconomics } from "./unit-economics";

export type ReportOptions = { now?: Date; topN?: number };

export const DEFAULT_TOP_N = 10;

/**
 * The quarterly optimization review of one organization for a UTC calendar quarter ("2026-Q4").
 * Throws on a malformed or future quarter (callers validate first with parseQuarter for a 400).
 */
export async function quarterlyReport(orgId: string, quarter: string, opts: ReportOptions = {}): Promise<QuarterlyReport> {
  const now = opts.now ?? new Date();
  const parsed = parseQuarter(quarter, now);
  if (!parsed.ok) throw new Error(parsed.error);
  return buildReport(orgId, parsed.value, now, opts.topN ?? DEFAULT_TOP_N);
}

async function buildReport(orgId: string, q: QuarterBounds, now: Date, topN: number): Promise<QuarterlyReport> {
  const total = await rangeTotal(orgId, q.from, q.to);
  const prevQ = quarterBounds(previousQuarter(q));
  const [previous, lastYear, months, unit, budgets, alerts, attribution, slos, recs] = await Promise.all([
    compareWith(orgId, total, prevQ),
    compareWith(orgId, total, sameQuarterLastYear(q)),
    spendByMonth(orgId, q),
    unitEconomics(orgId, q, q.to < now ? new Date(q.to.getTime() - 1) : now),
    budgetVariance(orgId, q, now),
    alertsSection(orgId, q),
    attributionCoverage(orgId, q),
    sloAttainmentForQuarter(orgId, q.from, q.to),
    recommendationsForQuarterSection(orgId, q.from, q.to),
  ]);
  const byDim = await breakdowns(orgId, q, previous.total === null ? null : prevQ, topN, total.costPico);
  return {
    quarter: q.label,
    from: q.from.toISOString(),
    to: q.to.toISOString(),
    timezone: "UTC",
    complete: q.to <= now,
    as_of: (q.to <= now ? q.to : now).toISOString(),
    generated_at: now.toISOString(),
    total_spend_usd: usd(total.costPico),
    requests: total.requests,
    unpriced_requests: total.requests - total.pricedRequests,
    previous: previous.ref,
    previous_total_spend_usd: previous.total,
    change_vs_previous_usd: previous.changeUsd,
    change_vs_previous_percent: previous.changePercent,
    last_year: lastYear.ref,
    last_year_total_spend_usd: lastYear.total,
    change_vs_last_year_usd: lastYear.changeUsd,
    change_vs_last_year_percent: lastYear.changePercent,
    spend_by_month: months,
    breakdowns: byDim,
    unit_economics: unit,
    budgets,
    alerts,
    attribution,
    slos: slos ? { available: true, ...slos } : { available: false, reason: "SLO attainment is not available in this build." },
    recommendations: recs ? { available: true, ...recs } : { available: false, reason: "Recommendations are not available in this build." },
    benchmarks_source: { ...BENCHMARK_SOURCE },
  };
}
