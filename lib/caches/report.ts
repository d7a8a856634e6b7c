import "server-only";
import { picoToUsdString } from "@/lib/money/pico";
import { prefixCacheStats } from "@/lib/selfhosted/prefix-cache";
import { appCacheRows } from "./app-cache";
import { promptCacheRows } from "./prompt-cache";

export const CACHE_GROUPS = ["layer", "feature", "model", "cache"] as const;
export type CacheGroup = (typeof CACHE_GROUPS)[number];
export const LAYERS = ["prompt", "prefix", "application"] as const;
export type Layer = (typeof LAYERS)[number];

/** One line of the Caches page and of GET /api/v1/caches. */
export type CacheReportRow = {
  layer: Layer;
  /** the group's key: set for the dimension grouped by, null otherwise */
  feature: string | null;
  provider: string | null;
  model: string | null;
  cache: string | null;
  kind: string | null;
  /** what hits and lookups count: prompt and prefix caches in tokens, application caches in requests */
  unit: "tokens" | "requests";
  hits: number;
  lookups: number;
  /** hits / lookups; null when nothing was looked up */
  hit_rate: number | null;
  /** exact USD; prompt layer: net of the cache-write premium; application layer: an estimate; null = unknown */
  saved_usd: string | null;
  saved_is_estimate: boolean;
  /** hits whose saving is unknown (no priced miss to compare with, or a self-hosted prefix cache) */
  unknown_saving_hits: number;
  cache_write_tokens: number | null;
  gross_savings_usd: string | null;
  write_premium_usd: string | null;
  latency_ms_p50: number | null;
  latency_ms_p95: number | null;
  bytes_stored: number | null;
};

type Part = {
  layer: Layer;
  feature: string | null;
  provider: string | null;
  model: string | null;
  cache: string | null;
  kind: string | null;
  hits: number;
  lookups: number;
  saved: bigint | null;
  gross: bigint | null;
  premium: bigint | null;
  writes: number | null;
  p50: number | null;
  p95: number | null;
  bytes: number | null;
};

async function parts(orgId: string, from: Date, to: Date): Promise<Part[]> {
  const [prompt, prefix, app] = await Promise.all([promptCacheRows(orgId, from, to), prefixCacheStats(orgId, from, to), appCacheRows(orgId, from, to)]);
  return [
    ...prompt.map((p): Part => ({
      layer: "prompt", feature: p.feature, provider: p.provider, model: p.model, cache: `${p.provider} prompt cache`, kind: "prompt",
      hits: p.cache_read_tokens, lookups: p.input_tokens, saved: p.net_savings_pico, gross: p.gross_savings_pico, premium: p.write_premium_pico,
      writes: p.cache_write_tokens, p50: null, p95: null, bytes: null,
    })),
    ...prefix.map((p): Part => ({
      layer: "prefix", feature: null, provider: null, model: p.model, cache: p.deployment, kind: p.engine,
      hits: p.hits, lookups: p.queries, saved: null, gross: null, premium: null, writes: null, p50: null, p95: null, bytes: null,
    })),
    ...app.map((a): Part => ({
      layer: "application", feature: a.feature, provider: null, model: a.model, cache: a.cache, kind: a.kind,
      hits: a.hits, lookups: a.lookups, saved: a.saved_pico, gross: null, premium: null, writes: null,
      p50: a.latency_ms_p50, p95: a.latency_ms_p95, bytes: a.bytes_stored,
    })),
  ];
}

function keyOf(p: Part, by: CacheGroup): Pick<Part, "feature" | "provider" | "model" | "cache" | "kind"> {
  const none = { feature: null, provider: null, model: null, cache: null, kind: null };
  if (by === "feature") return { ...none, feature: p.feature };
  if (by === "model") return { ...none, provider: p.provider, model: p.model };
  if (by === "cache") return { ...none, cache: p.cache, kind: p.kind };
  return none;
}

const usd = (v: bigint | null) => (v === null ? null : picoToUsdString(v));
const addN = (a: bigint | null, b: bigint | null) => (a === null ? b : b === null ? a : a + b);

/** Every layer's figures for [from, to), grouped by layer, feature, model or cache (always within a layer). */
export async function cacheReport(orgId: string, from: Date, to: Date, by: CacheGroup): Promise<CacheReportRow[]> {
  const all = await parts(orgId, from, to);
  // The prefix layer has no feature: grouped by feature it has nothing to say.
  const relevant = by === "feature" ? all.filter((p) => p.layer !== "prefix") : all;
  const groups = new Map<string, { key: ReturnType<typeof keyOf>; layer: Layer; items: Part[] }>();
  for (const p of relevant) {
    const key = keyOf(p, by);
    const id = JSON.stringify([p.layer, key]);
    const g = groups.get(id) ?? { key, layer: p.layer, items: [] };
    g.items.push(p);
    groups.set(id, g);
  }
  // Grouped by layer, every layer answers, also with nothing to show: "no data" is itself an answer.
  if (by === "layer") for (const layer of LAYERS) if (![...groups.values()].some((g) => g.layer === layer)) groups.set(layer, { key: keyOf(all[0] ?? ({} as Part), "layer"), layer, items: [] });
  const rows = [...groups.values()].map(({ key, layer, items }) => summarize(layer, key, items));
  return rows.sort((a, b) => LAYERS.indexOf(a.layer) - LAYERS.indexOf(b.layer) || b.lookups - a.lookups);
}

function summarize(layer: Layer, key: ReturnType<typeof keyOf>, items: Part[]): CacheReportRow {
  let hits = 0, lookups = 0, unknownHits = 0, writes: number | null = null;
  let saved: bigint | null = null, gross: bigint | null = null, premium: bigint | null = null;
  let bytes: number | null = null;
  let p50w = 0, p50n = 0, p95w = 0, p95n = 0;
  for (const p of items) {
    hits += p.hits;
    lookups += p.lookups;
    if (p.saved === null) unknownHits += p.hits;
    saved = addN(saved, p.saved);
    gross = addN(gross, p.gross);
    premium = addN(premium, p.premium);
    if (p.writes !== null) writes = (writes ?? 0) + p.writes;
    if (p.bytes !== null) bytes = (bytes ?? 0) + p.bytes;
    // Quantiles do not add: a lookup-weighted mean of the reported ones, shown as such.
    if (p.p50 !== null) (p50w += p.p50 * p.lookups), (p50n += p.lookups);
    if (p.p95 !== null) (p95w += p.p95 * p.lookups), (p95n += p.lookups);
  }
  return {
    layer,
    ...key,
    unit: layer === "application" ? "requests" : "tokens",
    hits,
    lookups,
    hit_rate: lookups > 0 ? hits / lookups : null,
    saved_usd: usd(saved),
    saved_is_estimate: layer === "application",
    unknown_saving_hits: unknownHits,
    cache_write_tokens: writes,
    gross_savings_usd: usd(gross),
    write_premium_usd: usd(premium),
    latency_ms_p50: p50n ? Math.round((p50w / p50n) * 10) / 10 : null,
    latency_ms_p95: p95n ? Math.round((p95w / p95n) * 10) / 10 : null,
    bytes_stored: bytes,
  };
}
