import "server-only";
import { chQuery } from "@/lib/clickhouse/query";
import type { Dimension } from "@/lib/domain/event";
import { scopeDimensions, scopeKey } from "./config";
import type { BudgetConfig, PeriodTotals } from "./types";
import { SPEND_HOURLY } from "@/lib/clickhouse/tables";

/**
 * The ledger reads behind every budget of an organization, grouped so their number does not grow with
 * the number of budgets: budgets whose scopes name the same dimensions share one query, grouped by
 * those dimensions (and by period window, or by hour). 1,000 customer budgets are one query, not 1,000.
 *
 * The rollup is by UTC hour, so a period boundary that is not on a whole UTC hour (zones at +05:30 or
 * +05:45) counts the hour that contains it in the period starting in it.
 */

const HOUR_MS = 3_600_000;
const floorHour = (ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS;
const seconds = (ms: number) => Math.floor(ms / 1000);

export type Window = { start: number; end: number };

/** Budgets grouped by the dimensions their scopes name. */
export function groupByDimensions(budgets: BudgetConfig[]): Map<string, { dims: Dimension[]; budgets: BudgetConfig[] }> {
  const groups = new Map<string, { dims: Dimension[]; budgets: BudgetConfig[] }>();
  for (const b of budgets) {
    const dims = scopeDimensions(b.scope);
    const k = dims.join(",");
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { dims, budgets: [] }));
    g.budgets.push(b);
  }
  return groups;
}

function valueFilters(dims: Dimension[], budgets: { scope: BudgetConfig["scope"] }[]) {
  const params: Record<string, unknown> = {};
  const clauses: string[] = [];
  for (const d of dims) {
    params[`v_${d}`] = [...new Set(budgets.map((b) => b.scope[d] as string))];
    clauses.push(`${d} IN {v_${d}:Array(String)}`);
  }
  return { params, clauses };
}

type TotalsRow = Record<string, string> & { w: string; cost_pico: string; requests: string; priced_requests: string; unpriced_tokens: string };

/** One budget's read: its scope and the indexes (into `windows`) of the periods it needs. */
export type WindowNeed = { scope: BudgetConfig["scope"]; windows: number[] };

/**
 * Spend per scope value and window: `windows` are the distinct period windows of these budgets (many
 * budgets share a calendar month), each hour counted in every window containing it. Only the (scope
 * value, window) pairs some budget needs come back: grouping every value by every window would answer
 * values x windows rows (80,000 at 1,000 budgets on mixed calendars), and parsing them was most of a pass.
 * Answer: scopeKey -> window index -> totals.
 */
export async function totalsByWindow(orgId: string, dims: Dimension[], needs: WindowNeed[], windows: Window[], opts: { background?: boolean } = {}): Promise<Map<string, Map<number, PeriodTotals>>> {
  const out = new Map<string, Map<number, PeriodTotals>>();
  if (windows.length === 0 || needs.length === 0) return out;
  const { params, clauses } = valueFilters(dims, needs);
  const starts = windows.map((w) => seconds(floorHour(w.start)));
  const ends = windows.map((w) => seconds(floorHour(w.end)));
  // Each (scope value, window) pair as one string, length-prefixed so no separator can be ambiguous
  // (and no NUL goes through the engine's parameter binding): "8:cust-123" + "17".
  const pairs = [...new Set(needs.flatMap((n) => n.windows.map((w) => pairKey(dims.map((d) => n.scope[d] ?? ""), w + 1))))];
  const pairSql = dims.length ? `concat(${dims.map((d) => `toString(length(${d})), ':', ${d}, `).join("")}toString(w))` : "toString(w)";
  const sql = `
    SELECT ${[...dims, "w"].join(", ")},
      sum(cost_pico) AS cost_pico, sum(requests) AS requests, sum(priced_requests) AS priced_requests, sum(unpriced_tokens) AS unpriced_tokens
    FROM ${SPEND_HOURLY}
    ARRAY JOIN arrayFilter(i -> toUInt32(hour) >= {starts:Array(UInt32)}[i] AND toUInt32(hour) < {ends:Array(UInt32)}[i], range(1, ${windows.length + 1})) AS w
    WHERE ${[
      "org_id = {org:String}",
      "hour >= toDateTime({from:UInt32}, 'UTC')",
      "hour < toDateTime({to:UInt32}, 'UTC')",
      ...clauses,
    ].join(" AND ")}
    GROUP BY ${[...dims, "w"].join(", ")}
    HAVING ${pairSql} IN {pairs:Array(String)}`;
  const rows = await chQuery<TotalsRow>(sql, {
    tag: "budgets.totals",
    background: opts.background,
    params: { ...params, org: orgId, starts, ends, pairs, from: Math.min(...starts), to: Math.max(...ends) },
  });
  for (const r of rows) {
    const k = scopeKey(dims, r as Partial<Record<Dimension, string>>);
    let m = out.get(k);
    if (!m) out.set(k, (m = new Map()));
    const requests = Number(r.requests);
    m.set(Number(r.w) - 1, {
      costPico: BigInt(r.cost_pico),
      requests,
      unpricedRequests: requests - Number(r.priced_requests),
      unpricedTokens: Number(r.unpriced_tokens),
    });
  }
  return out;
}

/** ClickHouse's length() counts bytes, so the prefix is the UTF-8 length. */
function pairKey(values: string[], window: number): string {
  return values.map((v) => `${Buffer.byteLength(v)}:${v}`).join("") + String(window);
}

/** Hourly spend (USD) per scope value over [from, to), for the forecasts. Answer: scopeKey -> points. */
export async function hourlyHistory(
  orgId: string,
  dims: Dimension[],
  budgets: BudgetConfig[],
  from: number,
  to: number,
): Promise<Map<string, { timestamp: number; value: number }[]>> {
  const { params, clauses } = valueFilters(dims, budgets);
  const sql = `
    SELECT ${[...dims, "toUInt32(hour) AS h"].join(", ")}, toFloat64(sum(cost_pico)) / 1e12 AS usd
    FROM ${SPEND_HOURLY}
    WHERE ${["org_id = {org:String}", "hour >= toDateTime({from:UInt32}, 'UTC')", "hour < toDateTime({to:UInt32}, 'UTC')", ...clauses].join(" AND ")}
    GROUP BY ${[...dims, "h"].join(", ")}
    HAVING usd != 0
    ORDER BY h`;
  const rows = await chQuery<Record<string, string | number>>(sql, {
    tag: "budgets.history",
    params: { ...params, org: orgId, from: seconds(floorHour(from)), to: seconds(floorHour(to) + HOUR_MS) },
  });
  const out = new Map<string, { timestamp: number; value: number }[]>();
  for (const r of rows) {
    const k = scopeKey(dims, r as Partial<Record<Dimension, string>>);
    let list = out.get(k);
    if (!list) out.set(k, (list = []));
    list.push({ timestamp: Number(r.h) * 1000, value: Number(r.usd) });
  }
  return out;
}
