/**
 * The SQL pieces of each objective kind's SLI over raw llm_events. Every count is summed with `sign`,
 * so a re-cost (a cancelling row plus a new version) leaves one event and its latest cost. Pure: SQL
 * text and bound parameters, no I/O.
 */
import { DIMENSIONS } from "@/lib/domain/event";
import { usdToPico } from "./money";
import type { SloConfig } from "./types";

export type SliSql = { good: string; total: string; params: Record<string, unknown> };

/**
 * good / total per kind. Unpriced events have no cost, so cost objectives count priced events only
 * (an unknown price is not $0); latency counts events that report one.
 */
export function sliExpressions(slo: Pick<SloConfig, "kind" | "threshold">): SliSql {
  switch (slo.kind) {
    case "cost_per_request":
      return {
        total: "sum(sign * priced)",
        good: "sum(sign * priced * (cost_pico <= {thr_pico:Int64}))",
        params: { thr_pico: usdToPico(slo.threshold).toString() },
      };
    case "latency_p95":
      return {
        total: "sum(sign * isNotNull(latency_ms))",
        good: "sum(sign * (isNotNull(latency_ms) AND assumeNotNull(latency_ms) <= {thr_ms:UInt32}))",
        params: { thr_ms: Number(slo.threshold) },
      };
    case "error_rate":
      return { total: "sum(sign)", good: "sum(sign * (status != 'error'))", params: {} };
    case "cache_hit_rate":
      return { total: "sum(sign * (app_cache != ''))", good: "sum(sign * (app_cache = 'hit'))", params: {} };
    case "cost_per_action":
      throw new Error("cost_per_action is measured in slices, see actionSliceSql");
  }
}

/** `AND dim = {s_dim:String}` for each scope entry; dimension names come from the fixed list only. */
export function scopeSql(scope: Record<string, string>): { sql: string; params: Record<string, string> } {
  const parts: string[] = [];
  const params: Record<string, string> = {};
  for (const dim of DIMENSIONS) {
    if (scope[dim] === undefined) continue;
    parts.push(`AND ${dim} = {s_${dim}:String}`);
    params[`s_${dim}`] = scope[dim];
  }
  return { sql: parts.join(" "), params };
}
