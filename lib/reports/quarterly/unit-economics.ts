import "server-only";
import { querySpend, rollupWhere, type SpendRow } from "@/lib/analytics/spend";
import { chQuery } from "@/lib/clickhouse/query";
import { catalogPrice } from "@/lib/pricing/catalog";
import { benchmark, formatBand, placeInBands, type Benchmark } from "../industry-benchmarks";
import { percent, perUnit, usd, usdToPico } from "../money";
import type { QuarterBounds } from "./quarter";
import type { ActionUnitCost, BenchmarkComparison, TierUnitCost, UnitEconomics } from "./types";
import { LLM_EVENTS, SPEND_HOURLY } from "@/lib/clickhouse/tables";

/**
 * Cost per request, per action, per user and per 1M tokens by model tier, each set against seed 002's
 * industry table where it has a matching row. Definitions (stated in the README too):
 * - per request: spend over priced requests (an unpriced request has no cost to count);
 * - per action: a feature's whole spend over the events of that feature carrying `tags.action` (the
 *   action is the outcome, e.g. a resolved ticket, that all the feature's calls led to);
 * - per user: the spend of events naming a user over the distinct users;
 * - tier: "frontier" (GPT-4 class) when the catalog's input price is at least $1 per 1M tokens,
 *   "small" (GPT-3.5 class) below, "unclassified" when the catalog does not know the model.
 */

const FRONTIER_INPUT_PICO_PER_TOKEN = 1_000_000; // $1 per 1M input tokens

export function compare(bm: Benchmark, value: number, note?: string): BenchmarkComparison {
  return {
    benchmark_id: bm.id,
    metric: bm.metric,
    p50: formatBand(bm, bm.p50),
    p95: formatBand(bm, bm.p95),
    p99: formatBand(bm, bm.p99),
    world_class: formatBand(bm, bm.world_class),
    better: bm.better,
    place: placeInBands(bm, value),
    ...(note ? { note } : {}),
  };
}

export function modelTier(provider: string, model: string, at: Date): TierUnitCost["tier"] {
  const price = catalogPrice(provider, model, at);
  const input = price?.card.input;
  if (input === null || input === undefined) return "unclassified";
  const base = typeof input === "number" ? input : input.base;
  return base >= FRONTIER_INPUT_PICO_PER_TOKEN ? "frontier" : "small";
}

const TIER_LABELS: Record<TierUnitCost["tier"], string> = {
  frontier: "Frontier (GPT-4 class)",
  small: "Small (GPT-3.5 class)",
  unclassified: "Unclassified (not in the catalog: self-hosted or unknown)",
};

const inputTokens = (r: SpendRow) => r.input_uncached_tokens + r.cache_read_tokens + r.cache_write_5m_tokens + r.cache_write_1h_tokens;

export function tierCosts(rows: SpendRow[], at: Date): TierUnitCost[] {
  type Acc = { models: Set<string>; pico: bigint; input: number; output: number; unpriced: number };
  const acc = new Map<TierUnitCost["tier"], Acc>();
  for (const r of rows) {
    const tier = modelTier(r.provider ?? "", r.model ?? "", at);
    const a = acc.get(tier) ?? { models: new Set(), pico: 0n, input: 0, output: 0, unpriced: 0 };
    a.models.add(r.model ?? "");
    a.pico += usdToPico(r.cost_usd_exact);
    a.input += inputTokens(r);
    a.output += r.output_tokens;
    a.unpriced += r.unpriced_tokens;
    acc.set(tier, a);
  }
  return (["frontier", "small", "unclassified"] as const)
    .filter((t) => acc.has(t))
    .map((tier) => {
      const a = acc.get(tier)!;
      const priced = Math.max(0, a.input + a.output - a.unpriced);
      const perMtok = priced > 0 ? (Number(a.pico) / 1e12 / priced) * 1e6 : null;
      return {
        tier,
        label: TIER_LABELS[tier],
        models: [...a.models].sort(),
        cost_usd: usd(a.pico),
        tokens: priced,
        input_tokens: a.input,
        output_tokens: a.output,
        unpriced_tokens: a.unpriced,
        cost_per_mtok_usd: perMtok,
        benchmark: perMtok === null ? null : tierBenchmark(tier, perMtok, a.input, a.output),
      };
    });
}

/**
 * The seed prices GPT-4 class input and output apart; the rollup keeps one cost per row, so the
 * frontier tier is set against the blend of the two rows at the tier's own input/output token mix.
 */
function tierBenchmark(tier: TierUnitCost["tier"], perMtok: number, input: number, output: number): TierUnitCost["benchmark"] {
  if (tier === "small") return { ...compare(benchmark("small_per_mtok"), perMtok), measured_usd_per_mtok: perMtok };
  if (tier !== "frontier" || input + output === 0) return null;
  const inB = benchmark("frontier_input_per_mtok");
  const outB = benchmark("frontier_output_per_mtok");
  const wIn = input / (input + output);
  const mix = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.round((a * wIn + b * (1 - wIn)) * 100) / 100);
  const blend = (k: "p50" | "p95" | "p99" | "world_class") => ({ low: mix(inB[k].low, outB[k].low)!, high: mix(inB[k].high, outB[k].high) });
  const blended: Benchmark = { ...inB, metric: "Cost per 1M tokens (GPT-4 class, input/output blended)", p50: blend("p50"), p95: blend("p95"), p99: blend("p99"), world_class: blend("world_class") };
  const note = `blended from the seed's GPT-4 class input and output rows at this tier's mix (${Math.round(wIn * 100)}% input tokens)`;
  return { ...compare(blended, perMtok, note), measured_usd_per_mtok: perMtok };
}

async function usersAndCost(orgId: string, q: QuarterBounds): Promise<{ users: number; pico: bigint }> {
  const { where, params } = rollupWhere(orgId, q.from, q.to, {});
  const rows = await chQuery<{ users: string; cost_pico: string }>(
    `SELECT uniqExactIf(user, requests != 0) AS users, sum(cost_pico) AS cost_pico FROM ${SPEND_HOURLY} WHERE ${where} AND user != ''`,
    { tag: "reports.quarterly.users", params },
  );
  return { users: Number(rows[0]?.users ?? 0), pico: BigInt(rows[0]?.cost_pico ?? "0") };
}

async function actionCosts(orgId: string, q: QuarterBounds): Promise<ActionUnitCost[]> {
  const params = { org: orgId, from: Math.floor(q.from.getTime() / 1000), to: Math.floor(q.to.getTime() / 1000) };
  // Raw events: the rollup keeps no tags. sum(sign) counts each event once across re-costs.
  const actions = await chQuery<{ feature: string; action: string; n: string }>(
    `SELECT feature, tags['action'] AS action, sum(sign) AS n FROM ${LLM_EVENTS}
     WHERE org_id = {org:String} AND ts >= toDateTime64({from:UInt32}, 3, 'UTC') AND ts < toDateTime64({to:UInt32}, 3, 'UTC') AND tags['action'] != ''
     GROUP BY feature, action HAVING n > 0 ORDER BY n DESC, feature, action LIMIT 100`,
    { tag: "reports.quarterly.actions", params },
  );
  if (actions.length === 0) return [];
  const features = [...new Set(actions.map((a) => a.feature))];
  const spend = await querySpend({ orgId, from: q.from, to: q.to, groupBy: ["feature"], filters: { feature: features } });
  const byFeature = new Map(spend.map((r) => [r.feature ?? "", usdToPico(r.cost_usd_exact)]));
  return actions.map((a) => {
    const pico = byFeature.get(a.feature) ?? 0n;
    const n = Number(a.n);
    return { feature: a.feature, action: a.action, actions: n, feature_cost_usd: usd(pico), cost_per_action_usd: perUnit(pico, n) };
  });
}

export async function unitEconomics(orgId: string, q: QuarterBounds, at: Date): Promise<UnitEconomics> {
  const [byModel, users, actions] = await Promise.all([
    querySpend({ orgId, from: q.from, to: q.to, groupBy: ["provider", "model"], filters: {} }),
    usersAndCost(orgId, q),
    actionCosts(orgId, q),
  ]);
  const sum = (f: (r: SpendRow) => number) => byModel.reduce((s, r) => s + f(r), 0);
  const pico = byModel.reduce((s, r) => s + usdToPico(r.cost_usd_exact), 0n);
  const priced = sum((r) => r.priced_requests);
  const perRequest = perUnit(pico, priced);
  const lookups = sum((r) => r.app_cache_lookups);
  const hitRate = percent(sum((r) => r.app_cache_hits), lookups);
  return {
    requests: sum((r) => r.requests),
    priced_requests: priced,
    cost_per_request_usd: perRequest,
    cost_per_request_benchmark: perRequest === null ? null : compare(benchmark("cost_per_interaction"), perRequest, "a request set against the seed's cost per customer interaction"),
    users: users.users,
    cost_per_user_usd: perUnit(users.pico, users.users),
    actions,
    tiers: tierCosts(byModel, at),
    app_cache_hit_rate_percent: hitRate,
    app_cache_benchmark: hitRate === null ? null : compare(benchmark("cache_hit_rate"), hitRate, "the application's response cache (events with cache hit/miss)"),
  };
}
