import "server-only";
/**
 * What-if replay: the window's real events re-priced under one change, with the pricing code of
 * ingestion (lib/pricing: the catalog's dated and tiered prices, the organization's overrides,
 * deployments' measured rates). Every savings figure in the product comes from here.
 *
 * before  = the stored cost of the scope's events (equal to the read API's total for the same window
 *           and filters: the window is widened to whole UTC hours as the read API does).
 * after   = the changed events' new cost + the untouched events' stored cost.
 * Scenario semantics (fractions to 1e-6):
 * - route: `share` of the requests priced at the target model with the same token buckets; cache
 *   reads and writes keep their buckets, billed as input where the target has no cache price
 *   (the catalog's fallback).
 * - prompt_cache: for requests whose prompt (all input buckets) reaches the provider's minimum
 *   cacheable size (provider-terms.ts), `hit_rate` of their uncached input is billed at the cache-read
 *   rate and the rest at the 5-minute cache-write rate: every miss writes the prompt to the cache
 *   (Anthropic's premium; OpenAI and Google charge input for it).
 * - app_cache: `hit_rate` of the requests are answered by the application's cache: their stored cost
 *   is removed.
 * - batch: priced at the provider's batch discount (provider-terms.ts); providers without one,
 *   and self-hosted deployments, are unchanged.
 * - max_tokens: each request's output (reasoning included, as providers bill it) capped at `cap`.
 * - trim_input: every input bucket cut by `percent`; a tier is chosen on the trimmed prompt.
 * - self_host: the tokens priced at the deployment's measured input and output rates over the window
 *   (every prompt bucket as input, as vLLM counts them); 422 when it has none.
 * Unknown prices stay unknown: a request stored unpriced, or that the change cannot price, keeps its
 * stored cost on both sides (no saving is claimed for it) and is counted in unpriced_requests.
 */
import { HttpError } from "@/lib/http/body";
import { picoToUsdString } from "@/lib/money/pico";
import { compiledOverrides } from "@/lib/pricing/overrides";
import { listDeployments } from "@/lib/selfhosted/deployments";
import { measuredRates } from "@/lib/selfhosted/hourly-rates";
import { yieldEvery } from "@/lib/scheduling/yield-slices";
import type { ReplayResult, Scenario } from "@/lib/whatif-contract/scenario";
import { eventGroups, pairsInScope, type ReplayWindow } from "./aggregate";
import { priceBoundaries } from "./price-boundaries";
import { DEFAULT_MIN_CACHEABLE_TOKENS, MIN_CACHEABLE_TOKENS } from "./provider-terms";
import { ppm, repriceGroup, type PricingContext } from "./reprice";
import { parseScenario } from "./schema";
import { deploymentRate } from "./self-host-rate";

const HOUR_MS = 3_600_000;
const MONTH_MS = 30 * 86_400_000;

/** The window the replay covers: every UTC hour [from, to) touches, like the read API's rollup. */
export function replayWindow(scenario: Pick<Scenario, "from" | "to">): { fromMs: number; toMs: number } {
  const from = Date.parse(scenario.from);
  const toS = Math.floor(Date.parse(scenario.to) / 1000) * 1000;
  return { fromMs: Math.floor(from / HOUR_MS) * HOUR_MS, toMs: Math.ceil(toS / HOUR_MS) * HOUR_MS };
}

type Sums = { before: bigint; after: bigint; requests: number };
const add = (m: Map<string, Sums>, key: string, b: bigint, a: bigint, r: number) => {
  const s = m.get(key) ?? { before: 0n, after: 0n, requests: 0 };
  s.before += b;
  s.after += a;
  s.requests += r;
  m.set(key, s);
};

export async function replayScenario(orgId: string, scenario: Scenario): Promise<ReplayResult> {
  const parsed = parseScenario(scenario);
  if (!parsed.ok) throw new HttpError(400, "Invalid scenario.", parsed.errors);
  const s = parsed.scenario;
  const { fromMs, toMs } = replayWindow(s);
  const w: ReplayWindow = { orgId, fromMs, toMs, scope: s.scope };
  const change = s.change;

  const [overrides, pairs, deployments] = await Promise.all([compiledOverrides(orgId), pairsInScope(w), listDeployments(orgId)]);
  const names = new Set(deployments.map((d) => d.name));
  const hourlyProviders = [...new Set(pairs.map((p) => p.provider).filter((p) => names.has(p)))];
  const ctx: PricingContext = { overrides, tierStarts: [] };
  if (hourlyProviders.length) ctx.measured = await measuredRates(orgId, fromMs, toMs);
  if (change.kind === "self_host") ctx.selfHost = await deploymentRate(orgId, change.deployment, fromMs, toMs);

  const priced = change.kind === "route" ? [...pairs, { provider: change.to_provider, model: change.to_model }] : pairs;
  // app_cache removes stored cost and prices nothing: no price bounds, no token columns.
  const bounds = change.kind === "app_cache" ? { instants: [], dayOffsets: [], tierStarts: [] } : priceBoundaries(priced, overrides, fromMs, toMs);
  ctx.tierStarts = bounds.tierStarts;
  const groups = await eventGroups(w, {
    hourlyProviders,
    instants: bounds.instants,
    dayOffsets: bounds.dayOffsets,
    tierStarts: bounds.tierStarts,
    tokens: change.kind !== "app_cache",
    keepPpm: change.kind === "trim_input" ? Number(ppm(1 - change.percent / 100)) : 1_000_000,
    cap: change.kind === "max_tokens" ? change.cap : 0,
    minCacheable:
      change.kind === "prompt_cache"
        ? { providers: MIN_CACHEABLE_TOKENS.map((m) => m.provider), tokens: MIN_CACHEABLE_TOKENS.map((m) => m.tokens), fallback: DEFAULT_MIN_CACHEABLE_TOKENS }
        : null,
  });

  const byFeature = new Map<string, Sums>();
  const byMonth = new Map<string, Sums>();
  let unpriced = 0;
  const pause = yieldEvery();
  for (const g of groups) {
    const o = repriceGroup(g, change, ctx);
    add(byFeature, g.feature, o.beforePico, o.afterPico, o.requests);
    add(byMonth, new Date(Number(g.bucket_ms)).toISOString().slice(0, 7), o.beforePico, o.afterPico, o.requests);
    unpriced += o.unpriced;
    await pause();
  }
  return toResult(byFeature, byMonth, unpriced, toMs - fromMs);
}

function toResult(byFeature: Map<string, Sums>, byMonth: Map<string, Sums>, unpriced: number, spanMs: number): ReplayResult {
  const usd = (p: bigint) => picoToUsdString(p);
  let before = 0n;
  let after = 0n;
  let requests = 0;
  for (const v of byFeature.values()) {
    before += v.before;
    after += v.after;
    requests += v.requests;
  }
  const saved = before - after;
  const span = BigInt(spanMs);
  const monthly = (saved * BigInt(MONTH_MS) * 2n + (saved >= 0n ? span : -span)) / (2n * span);
  return {
    before_usd: usd(before),
    after_usd: usd(after),
    saved_usd: usd(saved),
    monthly_saved_usd: usd(monthly),
    by_feature: [...byFeature]
      .sort((a, b) => (a[1].before === b[1].before ? a[0].localeCompare(b[0]) : a[1].before > b[1].before ? -1 : 1))
      .map(([feature, v]) => ({ feature, before_usd: usd(v.before), after_usd: usd(v.after), saved_usd: usd(v.before - v.after), requests: v.requests })),
    by_month: [...byMonth]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([month, v]) => ({ month, before_usd: usd(v.before), after_usd: usd(v.after), saved_usd: usd(v.before - v.after) })),
    unpriced_requests: unpriced,
    requests_in_scope: requests,
  };
}
