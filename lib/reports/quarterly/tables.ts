import { INDUSTRY_BENCHMARKS, formatBand } from "../industry-benchmarks";
import { dimensionValueText } from "../format";
import type { BreakdownDimension, QuarterlyReport } from "./types";

/**
 * The review's sections as tables: the CSVs write them with exact decimals, the PDF with money made
 * readable. One definition so the two never disagree on what a section holds. Pure.
 */

export const CSV_SECTIONS = [
  "summary",
  "by_month",
  "feature",
  "team",
  "model",
  "customer",
  "unit_costs",
  "tiers",
  "actions",
  "budgets",
  "alerts",
  "attribution",
  "slos",
  "recommendations",
  "benchmarks",
] as const;
export type CsvSection = (typeof CSV_SECTIONS)[number];

export type Table = { header: string[]; rows: string[][]; numeric: number[] };

export type Fmt = { money: (exact: string | null) => string; num: (n: number | null) => string; pct: (n: number | null) => string; usdNum: (n: number | null) => string };

export const EXACT: Fmt = {
  money: (v) => v ?? "",
  num: (n) => (n === null ? "" : String(n)),
  pct: (n) => (n === null ? "" : String(n)),
  usdNum: (n) => (n === null ? "" : String(n)),
};

export function summaryRows(r: QuarterlyReport, f: Fmt): string[][] {
  const u = r.unit_economics;
  return [
    ["quarter", r.quarter],
    ["from (UTC, inclusive)", r.from],
    ["to (UTC, exclusive)", r.to],
    ["complete", r.complete ? "yes" : `no, figures to ${r.as_of}`],
    ["total_spend_usd", f.money(r.total_spend_usd)],
    ["requests", f.num(r.requests)],
    ["unpriced_requests", f.num(r.unpriced_requests)],
    [`previous_total_spend_usd (${r.previous.quarter})`, f.money(r.previous_total_spend_usd)],
    ["change_vs_previous_usd", f.money(r.change_vs_previous_usd)],
    ["change_vs_previous_percent", f.pct(r.change_vs_previous_percent)],
    [`last_year_total_spend_usd (${r.last_year.quarter})`, f.money(r.last_year_total_spend_usd)],
    ["change_vs_last_year_usd", f.money(r.change_vs_last_year_usd)],
    ["change_vs_last_year_percent", f.pct(r.change_vs_last_year_percent)],
    ["cost_per_request_usd", f.usdNum(u.cost_per_request_usd)],
    ["cost_per_user_usd", f.usdNum(u.cost_per_user_usd)],
    ["app_cache_hit_rate_percent", f.pct(u.app_cache_hit_rate_percent)],
    ["attribution_fully_attributed_percent", f.pct(r.attribution.fully_attributed_percent)],
    ["alerts", f.num(r.alerts.total)],
  ];
}

function breakdownTable(r: QuarterlyReport, dim: BreakdownDimension, f: Fmt): Table {
  const b = r.breakdowns[dim];
  const rows = b.top.map((i) => [dimensionValueText(i.value), f.money(i.cost_usd), f.pct(i.share_percent), f.num(i.requests), f.money(i.previous_cost_usd)]);
  if (b.other) rows.push([`other (${b.other.count} values)`, f.money(b.other.cost_usd), f.pct(b.other.share_percent), f.num(b.other.requests), ""]);
  return { header: [dim, "cost_usd", "share_percent", "requests", `previous_quarter_cost_usd`], rows, numeric: [1, 2, 3, 4] };
}

export function sectionTable(r: QuarterlyReport, section: CsvSection, f: Fmt): Table {
  const u = r.unit_economics;
  switch (section) {
    case "summary":
      return { header: ["metric", "value"], rows: summaryRows(r, f), numeric: [1] };
    case "by_month":
      return { header: ["month", "cost_usd", "requests"], rows: r.spend_by_month.map((m) => [m.month, f.money(m.cost_usd), f.num(m.requests)]), numeric: [1, 2] };
    case "feature":
    case "team":
    case "model":
    case "customer":
      return breakdownTable(r, section, f);
    case "unit_costs": {
      const rows = [
        ["cost per request", f.usdNum(u.cost_per_request_usd), f.num(u.priced_requests), u.cost_per_request_benchmark?.p50 ?? "", u.cost_per_request_benchmark?.world_class ?? "", u.cost_per_request_benchmark?.place ?? ""],
        ["cost per user", f.usdNum(u.cost_per_user_usd), f.num(u.users), "", "", ""],
        ["app cache hit rate (%)", f.pct(u.app_cache_hit_rate_percent), "", u.app_cache_benchmark?.p50 ?? "", u.app_cache_benchmark?.world_class ?? "", u.app_cache_benchmark?.place ?? ""],
      ];
      return { header: ["metric", "value", "count", "industry_p50", "industry_world_class", "place_in_industry_table"], rows, numeric: [1, 2] };
    }
    case "tiers":
      return {
        header: ["tier", "models", "cost_usd", "priced_tokens", "cost_per_1m_tokens_usd", "industry_p50", "industry_p95", "industry_world_class", "place_in_industry_table"],
        rows: u.tiers.map((t) => [t.label, t.models.join(" "), f.money(t.cost_usd), f.num(t.tokens), f.usdNum(t.cost_per_mtok_usd), t.benchmark?.p50 ?? "", t.benchmark?.p95 ?? "", t.benchmark?.world_class ?? "", t.benchmark?.place ?? ""]),
        numeric: [2, 3, 4],
      };
    case "actions":
      return {
        header: ["feature", "action", "actions", "feature_cost_usd", "cost_per_action_usd"],
        rows: u.actions.map((a) => [dimensionValueText(a.feature), a.action, f.num(a.actions), f.money(a.feature_cost_usd), f.usdNum(a.cost_per_action_usd)]),
        numeric: [2, 3, 4],
      };
    case "budgets":
      return {
        header: ["budget", "period", "periods", "amount_usd", "actual_usd", "variance_usd", "variance_percent", "over_budget_periods"],
        rows: r.budgets.map((b) => [b.name, `${b.period} (${b.timezone})`, f.num(b.periods.length), f.money(b.total_amount_usd), f.money(b.total_actual_usd), f.money(b.total_variance_usd), f.pct(b.total_variance_percent), f.num(b.over_budget_periods)]),
        numeric: [2, 3, 4, 5, 6, 7],
      };
    case "alerts":
      return {
        header: ["kind", "severity", "count"],
        rows: r.alerts.by_kind_and_severity.map((a) => [a.kind, a.severity, f.num(a.count)]),
        numeric: [2],
      };
    case "attribution": {
      const a = r.attribution;
      const rows = [
        ["spend with feature set (%)", f.pct(a.feature_percent)],
        ["spend with team set (%)", f.pct(a.team_percent)],
        ["spend with customer set (%)", f.pct(a.customer_percent)],
        ["spend with all three set (%)", f.pct(a.fully_attributed_percent)],
        ["provider billed (USD)", a.billed ? f.money(a.billed.billed_usd) : "no provider billing data"],
        ["attributed by events (USD)", a.billed ? f.money(a.billed.attributed_usd) : ""],
        ["billed coverage (%)", a.billed ? f.pct(a.billed.coverage_percent) : ""],
      ];
      return { header: ["metric", "value"], rows, numeric: [1] };
    }
    case "slos":
      if (!r.slos.available) return { header: ["status"], rows: [[`not available: ${r.slos.reason}`]], numeric: [] };
      return {
        header: ["slo", "objective", "target_percent", "attainment_percent", "error_budget_remaining_percent", "met"],
        rows: r.slos.slos.map((s) => [s.name, s.objective, f.pct(s.target_percent), f.pct(s.attainment_percent), f.pct(s.error_budget_remaining_percent), s.met === null ? "" : s.met ? "yes" : "no"]),
        numeric: [2, 3, 4],
      };
    case "recommendations": {
      if (!r.recommendations.available) return { header: ["status"], rows: [[`not available: ${r.recommendations.reason}`]], numeric: [] };
      const x = r.recommendations;
      const rows = [
        ["(totals)", `opened ${x.opened}, implemented ${x.implemented}, dismissed ${x.dismissed}`, "", f.money(x.realized_savings_usd), "realized savings"],
        ...x.top_candidates.map((c) => [c.kind, c.title, Object.entries(c.scope).map(([k, v]) => `${k}=${v}`).join(" "), f.money(c.monthly_savings_usd), c.status]),
      ];
      return { header: ["kind", "title", "scope", "usd", "status"], rows, numeric: [3] };
    }
    case "benchmarks":
      return {
        header: ["metric", "p50", "p95", "p99", "world_class", "source"],
        rows: INDUSTRY_BENCHMARKS.map((b) => [b.metric, formatBand(b, b.p50), formatBand(b, b.p95), formatBand(b, b.p99), formatBand(b, b.world_class), "seed 002"]),
        numeric: [],
      };
  }
}
