import "server-only";

export type PrefixCacheStat = { deployment: string; model: string; engine: string; queries: number; hits: number; hit_rate: number | null };

/**
 * PLACEHOLDER on the caches branch: the self-hosted part provides the real one (vLLM / SGLang prefix
 * cache hit rates per deployment). Same signature, so the Caches page and API compile before the merge.
 */
export async function prefixCacheStats(orgId: string, from: Date, to: Date): Promise<PrefixCacheStat[]> {
  void orgId;
  void from;
  void to;
  return [];
}
