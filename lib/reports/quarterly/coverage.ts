import "server-only";
import { rollupWhere } from "@/lib/analytics/spend";
import { chQuery } from "@/lib/clickhouse/query";
import { reconcile } from "@/lib/provider-billing/reconcile";
import { benchmark } from "../industry-benchmarks";
import { percent, usd } from "../money";
import type { QuarterBounds } from "./quarter";
import type { AttributionCoverage } from "./types";
import { compare } from "./unit-economics";
import { SPEND_HOURLY } from "@/lib/clickhouse/tables";

/**
 * Attribution coverage: the share of the quarter's spend whose events named a feature, a team, a
 * customer (and all three), and, when a provider billing source has data, what the providers billed
 * against what the events account for (lib/provider-billing's reconciliation over the same days).
 */
export async function attributionCoverage(orgId: string, q: QuarterBounds): Promise<AttributionCoverage> {
  const { where, params } = rollupWhere(orgId, q.from, q.to, {});
  const rows = await chQuery<Record<string, string>>(
    `SELECT sum(cost_pico) AS c_total,
       sumIf(cost_pico, feature != '') AS c_feature,
       sumIf(cost_pico, team != '') AS c_team,
       sumIf(cost_pico, customer != '') AS c_customer,
       sumIf(cost_pico, feature != '' AND team != '' AND customer != '') AS c_all
     FROM ${SPEND_HOURLY} WHERE ${where}`,
    { tag: "reports.quarterly.coverage", params },
  );
  const r = rows[0] ?? {};
  const total = BigInt(r.c_total ?? "0");
  const share = (k: string) => percent(BigInt(r[k] ?? "0"), total);
  const full = share("c_all");
  return {
    total_cost_usd: usd(total),
    feature_percent: share("c_feature"),
    team_percent: share("c_team"),
    customer_percent: share("c_customer"),
    fully_attributed_percent: full,
    benchmark: full === null ? null : compare(benchmark("attribution_coverage"), full, "spend with feature, team and customer all set"),
    billed: await billedVsAttributed(orgId, q),
  };
}

async function billedVsAttributed(orgId: string, q: QuarterBounds): Promise<AttributionCoverage["billed"]> {
  const rec = await reconcile(orgId, { from: q.from, to: q.to, groupBy: ["provider"] });
  const t = rec.totals;
  // The totals row is all zeros when no provider source reported anything for these days: no data.
  const billedTokens = t.billed_input_uncached + t.billed_cache_read + t.billed_cache_write_5m + t.billed_cache_write_1h + t.billed_output;
  if (t.billed_usd === null || (t.billed_usd === "0" && billedTokens === 0 && t.billed_requests === 0)) return null;
  return {
    billed_usd: t.billed_usd,
    attributed_usd: t.attributed_usd,
    unattributed_usd: t.unattributed_usd,
    coverage_percent: t.coverage === null ? null : Math.round(t.coverage * 10_000) / 100,
  };
}
