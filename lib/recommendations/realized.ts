import "server-only";
import { chQuery } from "@/lib/clickhouse/query";
import { chDateTime } from "@/lib/clickhouse/time";
import { picoToUsdString } from "@/lib/money/pico";
import { DAY_MS, MONTH_MS } from "./candidate-parts";
import { LLM_EVENTS } from "@/lib/clickhouse/tables";

/** "verified" needs at least a week after the change: weekly seasonality would fool a shorter look. */
export const VERIFY_AFTER_DAYS = 7;
/** The after-window grows with time up to a month; the before-window is always as long. */
export const MAX_AFTER_DAYS = 30;

export type Realized = {
  unit: "request" | "action";
  before: { from: string; to: string; cost_usd: string; units: number; unit_cost_usd: string | null };
  after: { from: string; to: string; cost_usd: string; units: number; unit_cost_usd: string | null };
  /** (unit_before - unit_after) x units_after, scaled to 30 days; null when a window has no units */
  realized_monthly_usd: string | null;
  after_days: number;
  verified: boolean;
};

/**
 * What an implemented change actually saved on a feature: its unit cost (per action when the feature
 * sends `tags.action`, else per request) after the change against the same-length window before,
 * normalized for volume so that growth is not mistaken for a loss nor shrinkage for a saving:
 * realized = (cost_before / units_before - cost_after / units_after) x units_after, x 30 days / after.
 * Units are counted over all of the feature's models: a routing change moves traffic between models.
 */
export async function realizedSavings(orgId: string, feature: string, implementedAt: Date, now: Date): Promise<Realized> {
  const afterEnd = Math.min(now.getTime(), implementedAt.getTime() + MAX_AFTER_DAYS * DAY_MS);
  const afterMs = Math.max(0, afterEnd - implementedAt.getTime());
  const beforeStart = new Date(implementedAt.getTime() - afterMs);
  const [r] = await chQuery<Record<string, string>>(
    `SELECT
       sumIf(toInt128(cost_pico) * sign, ts < {d:DateTime64(3)}) AS cost_b,
       sumIf(toInt128(cost_pico) * sign, ts >= {d:DateTime64(3)}) AS cost_a,
       sumIf(sign, ts < {d:DateTime64(3)}) AS req_b,
       sumIf(sign, ts >= {d:DateTime64(3)}) AS req_a,
       sumIf(sign, ts < {d:DateTime64(3)} AND tags['action'] != '') AS act_b,
       sumIf(sign, ts >= {d:DateTime64(3)} AND tags['action'] != '') AS act_a
     FROM ${LLM_EVENTS}
     WHERE org_id = {org:String} AND feature = {feature:String} AND ts >= {from:DateTime64(3)} AND ts < {to:DateTime64(3)}`,
    {
      tag: "recommendations.realized",
      params: { org: orgId, feature, d: chDateTime(implementedAt), from: chDateTime(beforeStart), to: chDateTime(new Date(afterEnd)) },
    },
  );
  const costB = BigInt(r?.cost_b ?? 0);
  const costA = BigInt(r?.cost_a ?? 0);
  const actions = Number(r?.act_b ?? 0) > 0 && Number(r?.act_a ?? 0) > 0;
  const unitsB = BigInt(actions ? (r?.act_b ?? 0) : (r?.req_b ?? 0));
  const unitsA = BigInt(actions ? (r?.act_a ?? 0) : (r?.req_a ?? 0));
  const unitCost = (c: bigint, u: bigint) => (u > 0n ? picoToUsdString(c / u) : null);
  let realized: bigint | null = null;
  if (unitsB > 0n && unitsA > 0n && afterMs > 0) {
    // Exact: (costB/unitsB - costA/unitsA) x unitsA = costB x unitsA / unitsB - costA.
    realized = ((costB * unitsA) / unitsB - costA) * BigInt(MONTH_MS) / BigInt(afterMs);
  }
  const afterDays = afterMs / DAY_MS;
  return {
    unit: actions ? "action" : "request",
    before: { from: beforeStart.toISOString(), to: implementedAt.toISOString(), cost_usd: picoToUsdString(costB), units: Number(unitsB), unit_cost_usd: unitCost(costB, unitsB) },
    after: { from: implementedAt.toISOString(), to: new Date(afterEnd).toISOString(), cost_usd: picoToUsdString(costA), units: Number(unitsA), unit_cost_usd: unitCost(costA, unitsA) },
    realized_monthly_usd: realized === null ? null : picoToUsdString(realized),
    after_days: Math.round(afterDays * 100) / 100,
    verified: realized !== null && realized > 0n && afterDays >= VERIFY_AFTER_DAYS,
  };
}
