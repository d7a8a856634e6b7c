import "server-only";
import { querySpend, type SpendRow } from "@/lib/analytics/spend";
import { percent, usd, usdToPico } from "../money";
import { quarterBounds, quarterMonths, type QuarterBounds, type Quarter } from "./quarter";
import { BREAKDOWN_DIMENSIONS, type Breakdown, type BreakdownDimension, type QuarterlyReport } from "./types";

/**
 * The spend half of the review: totals read with the read API's own query (querySpend over the same
 * [from, to)), so `total_spend_usd` is the figure GET /api/v1/spend answers for the quarter's dates.
 */

export type RangeTotal = { costPico: bigint; requests: number; pricedRequests: number; hasData: boolean };

export async function rangeTotal(orgId: string, from: Date, to: Date): Promise<RangeTotal> {
  const rows = await querySpend({ orgId, from, to, groupBy: [], filters: {} });
  const r = rows[0];
  // querySpend drops a range without requests or cost: that is "no data", not $0.
  if (!r) return { costPico: 0n, requests: 0, pricedRequests: 0, hasData: false };
  return { costPico: usdToPico(r.cost_usd_exact), requests: r.requests, pricedRequests: r.priced_requests, hasData: true };
}

type Comparison = { ref: QuarterlyReport["previous"]; total: string | null; changeUsd: string | null; changePercent: number | null };

export async function compareWith(orgId: string, current: RangeTotal, other: Quarter): Promise<Comparison> {
  const b = quarterBounds(other);
  const t = await rangeTotal(orgId, b.from, b.to);
  const ref = { quarter: b.label, from: b.from.toISOString(), to: b.to.toISOString() };
  if (!t.hasData) return { ref, total: null, changeUsd: null, changePercent: null };
  const diff = current.costPico - t.costPico;
  return { ref, total: usd(t.costPico), changeUsd: usd(diff), changePercent: percent(diff, t.costPico) };
}

export async function spendByMonth(orgId: string, q: QuarterBounds): Promise<QuarterlyReport["spend_by_month"]> {
  return Promise.all(
    quarterMonths(q).map(async (m) => {
      const t = await rangeTotal(orgId, m.from, m.to);
      return { month: m.month, cost_usd: usd(t.costPico), requests: t.requests };
    }),
  );
}

/** Top N values by spend plus one "other" line, each with its previous-quarter spend when there is one. */
export async function breakdown(orgId: string, dim: BreakdownDimension, q: QuarterBounds, prev: QuarterBounds | null, topN: number, totalPico: bigint): Promise<Breakdown> {
  const rows = await querySpend({ orgId, from: q.from, to: q.to, groupBy: [dim], filters: {} });
  const top = rows.slice(0, topN);
  const rest = rows.slice(topN);
  let prevByValue: Map<string, string> | null = null;
  if (prev && top.length) {
    const prevRows = await querySpend({ orgId, from: prev.from, to: prev.to, groupBy: [dim], filters: { [dim]: top.map((r) => r[dim] ?? "") } });
    prevByValue = new Map(prevRows.map((r) => [r[dim] ?? "", r.cost_usd_exact]));
  }
  const otherPico = rest.reduce((s, r) => s + usdToPico(r.cost_usd_exact), 0n);
  return {
    top: top.map((r: SpendRow) => ({
      value: r[dim] ?? "",
      cost_usd: r.cost_usd_exact,
      share_percent: percent(usdToPico(r.cost_usd_exact), totalPico),
      requests: r.requests,
      previous_cost_usd: prevByValue ? (prevByValue.get(r[dim] ?? "") ?? "0") : null,
    })),
    other: rest.length
      ? { count: rest.length, cost_usd: usd(otherPico), share_percent: percent(otherPico, totalPico), requests: rest.reduce((s, r) => s + r.requests, 0) }
      : null,
  };
}

export async function breakdowns(orgId: string, q: QuarterBounds, prev: QuarterBounds | null, topN: number, totalPico: bigint) {
  const entries = await Promise.all(BREAKDOWN_DIMENSIONS.map(async (d) => [d, await breakdown(orgId, d, q, prev, topN, totalPico)] as const));
  return Object.fromEntries(entries) as Record<BreakdownDimension, Breakdown>;
}
