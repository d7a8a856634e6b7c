import "server-only";
/**
 * Self-hosted prefix-cache hit rates for the Caches page, per deployment: the vLLM / SGLang endpoints
 * of each deployment, hits / queries in tokens over the range (vLLM's prefix_cache_* counters;
 * SGLang's cache_hit_rate gauge applied to each interval's prompt tokens). Endpoints in no deployment
 * are listed under their source id.
 */
import { listDeployments } from "./deployments";
import { prefixCacheTotals } from "./serving-samples";

export type PrefixCacheStat = { deployment: string; model: string; engine: string; queries: number; hits: number; hit_rate: number | null };

export async function prefixCacheStats(orgId: string, from: Date, to: Date): Promise<PrefixCacheStat[]> {
  const [rows, deployments] = await Promise.all([prefixCacheTotals(orgId, from.getTime(), to.getTime()), listDeployments(orgId)]);
  const owner = new Map<string, string>();
  for (const d of deployments) for (const e of d.endpoints) if (!owner.has(e)) owner.set(e, d.name);
  const out = new Map<string, PrefixCacheStat>();
  for (const r of rows) {
    const deployment = owner.get(r.source_id) ?? r.source_id;
    const key = `${deployment}|${r.engine}|${r.model}`;
    const s = out.get(key) ?? { deployment, model: r.model, engine: r.engine, queries: 0, hits: 0, hit_rate: null };
    s.queries += Number(r.queries);
    s.hits += Number(r.hits);
    s.hit_rate = s.queries > 0 ? Math.round((s.hits / s.queries) * 1e6) / 1e6 : null;
    out.set(key, s);
  }
  return [...out.values()].sort((a, b) => (a.deployment + a.model < b.deployment + b.model ? -1 : 1));
}
