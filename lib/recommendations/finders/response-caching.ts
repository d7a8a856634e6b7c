import "server-only";
import type { Candidate, Confidence, Evidence, Finder } from "@/lib/recommendation-contract/candidate";
import { appCacheRows } from "@/lib/caches/app-cache";
import { REPLAY_METHOD, candidate, int, pct, scenarioFor, worthIt } from "../candidate-parts";
import { replayedMonthlySavings } from "../replay-savings";
import { trafficProfile, type TrafficRow } from "../traffic-profile";

export const MIN_REQUESTS = 200;
/** A tenth of requests repeating an earlier one is where an exact-match cache starts to pay its upkeep. */
export const MIN_REPEAT_SHARE = 0.1;
/** Without hashes: a cache that answers at least this share of its lookups, measured on enough of them... */
export const MIN_CACHE_HIT_RATE = 0.1;
export const MIN_CACHE_LOOKUPS = 100;
/** ...and at least this share of the feature's calls not going through it. */
export const MIN_UNCOVERED_SHARE = 0.2;

type Estimate = { hitRate: number; confidence: Confidence; evidence: Evidence[] };

/**
 * Repeated requests. Exact when events carry `tags.request_hash` (stored in the events' tags map): a
 * request whose hash was seen before could have been answered from a cache. Otherwise from an
 * application cache's own statistics (lib/caches): the hit rate it reaches where it is used, applied to
 * the feature's calls that bypass it (an estimate, low confidence).
 */
function fromHashes(r: TrafficRow): Estimate | null {
  if (r.hashed < MIN_REQUESTS) return null;
  const repeatShare = 1 - r.distinctHashes / r.hashed;
  if (repeatShare < MIN_REPEAT_SHARE) return null;
  const coverage = r.hashed / r.requests;
  return {
    hitRate: Math.min(1, repeatShare * coverage),
    confidence: "high",
    evidence: [
      { label: "Requests with a request_hash", value: int(r.hashed) },
      { label: "Distinct request hashes", value: int(r.distinctHashes) },
      { label: "Repeated requests", value: pct(repeatShare) },
    ],
  };
}

function fromCacheStats(r: TrafficRow, hitRateByFeature: Map<string, { hits: number; lookups: number }>): Estimate | null {
  const stats = hitRateByFeature.get(`${r.feature}\u0000${r.model}`) ?? hitRateByFeature.get(`${r.feature}\u0000`);
  if (!stats || stats.lookups < MIN_CACHE_LOOKUPS) return null;
  const hitRate = stats.hits / stats.lookups;
  const uncovered = Math.max(0, r.requests - r.appCacheLookups) / r.requests;
  if (hitRate < MIN_CACHE_HIT_RATE || uncovered < MIN_UNCOVERED_SHARE) return null;
  // The replay takes the hit rate off the scope's whole stored cost, where hits already cost nothing:
  // expressed over the calls that paid, so the replayed saving is the bypassing calls' share of hits.
  const paid = r.requests - r.appCacheHits;
  return {
    hitRate: paid > 0 ? Math.min(1, (hitRate * (r.requests - r.appCacheLookups)) / paid) : 0,
    confidence: "low",
    evidence: [
      { label: "Application cache hit rate where used", value: pct(hitRate) },
      { label: "Calls not going through the cache", value: pct(uncovered) },
    ],
  };
}

export const findResponseCaching: Finder = async (ctx) => {
  const rows = (await trafficProfile(ctx)).filter((r) => r.requests >= MIN_REQUESTS);
  const byFeature = new Map<string, { hits: number; lookups: number }>();
  if (rows.some((r) => r.hashed < MIN_REQUESTS)) {
    for (const c of await appCacheRows(ctx.orgId, ctx.from, ctx.to)) {
      if (!c.feature) continue;
      for (const k of [`${c.feature}\u0000${c.model}`, `${c.feature}\u0000`]) {
        const prev = byFeature.get(k) ?? { hits: 0, lookups: 0 };
        byFeature.set(k, { hits: prev.hits + c.hits, lookups: prev.lookups + c.lookups });
      }
    }
  }
  const out: Candidate[] = [];
  for (const r of rows) {
    const est = fromHashes(r) ?? fromCacheStats(r, byFeature);
    if (!est) continue;
    const hitRate = Math.round(est.hitRate * 1000) / 1000;
    const scenario = scenarioFor(r, ctx, { kind: "app_cache", hit_rate: hitRate });
    const { monthlyUsd } = await replayedMonthlySavings(ctx.orgId, scenario);
    if (!worthIt(monthlyUsd)) continue;
    out.push(
      candidate({
        kind: "response_caching",
        row: r,
        ctx,
        title: `Cache responses of ${r.feature} (${pct(hitRate)} of calls repeat)`,
        evidence: [{ label: "Requests in window", value: int(r.requests) }, ...est.evidence],
        monthly: monthlyUsd,
        scenario,
        method: `${REPLAY_METHOD} ${pct(hitRate)} of calls answered by the cache at no cost.`,
        confidence: est.confidence,
        risk: "A cached answer can be stale or wrong for a request that only looks the same: key the cache on everything that changes the answer (user, documents, model, parameters), set a lifetime, and start with exact matches before semantic ones.",
      }),
    );
  }
  return out;
};
