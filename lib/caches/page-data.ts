import "server-only";
import { picoToUsdString } from "@/lib/money/pico";
import { parseCachesQuery } from "./params";
import { cacheReport } from "./report";
import { promptCacheRows } from "./prompt-cache";
import { cacheStorageSeries } from "./cache-stats-store";

export const CACHE_PRESETS = [
  { key: "7d", label: "7 days" },
  { key: "30d", label: "30 days" },
  { key: "90d", label: "90 days" },
];

/** What the Caches page shows, from the same functions as GET /api/v1/caches. */
export async function loadCachesPage(orgId: string, rangeParam: string | undefined) {
  const range = CACHE_PRESETS.some((p) => p.key === rangeParam) ? rangeParam! : "30d";
  const q = parseCachesQuery(new URLSearchParams({ range }));
  if (!q.ok) throw new Error(q.errors.join("; "));
  const { from, to } = q.value;
  const [layers, caches, prompt, storage] = await Promise.all([
    cacheReport(orgId, from, to, "layer"),
    cacheReport(orgId, from, to, "cache"),
    promptCacheRows(orgId, from, to),
    cacheStorageSeries(orgId, from, to),
  ]);
  return {
    range,
    from,
    to,
    layers,
    appCaches: caches.filter((c) => c.layer === "application"),
    prompt: prompt
      .filter((p) => p.cache_read_tokens > 0 || p.cache_write_tokens > 0)
      .sort((a, b) => (b.net_savings_pico > a.net_savings_pico ? 1 : b.net_savings_pico < a.net_savings_pico ? -1 : 0))
      .slice(0, 50)
      .map((p) => ({
        provider: p.provider,
        model: p.model,
        feature: p.feature,
        hit_rate: p.input_tokens ? p.cache_read_tokens / p.input_tokens : null,
        cache_read_tokens: p.cache_read_tokens,
        cache_write_tokens: p.cache_write_tokens,
        gross_usd: picoToUsdString(p.gross_savings_pico),
        premium_usd: picoToUsdString(p.write_premium_pico),
        net_usd: picoToUsdString(p.net_savings_pico),
      })),
    storage,
  };
}
export type CachesPageData = Awaited<ReturnType<typeof loadCachesPage>>;
