import { calcPrice, type ModelInfo, type ModelPrice, type TieredPrices } from "@pydantic/genai-prices";
import { floatPerMtokToPicoPerToken, picoPerTokenToPerMtok } from "@/lib/money/pico";
import type { Rate, RateCard } from "./rates";

/**
 * Prices from @pydantic/genai-prices (bundled, maintained catalog with dated and tiered prices).
 * The catalog finds the model; the arithmetic is ours, in integer pico-dollars, so costs are exact.
 */
type Found = { providerId: string; model: ModelInfo } | null;
const modelCache = new Map<string, Found>();

function findModel(provider: string, model: string): Found {
  const key = `${provider}\u0000${model}`;
  if (modelCache.has(key)) return modelCache.get(key)!;
  let found: Found = null;
  try {
    const r = calcPrice({ input_tokens: 1, output_tokens: 1 }, model, { providerId: provider });
    if (r) found = { providerId: r.provider.id, model: r.model };
  } catch {
    found = null;
  }
  if (modelCache.size > 50_000) modelCache.clear();
  modelCache.set(key, found);
  return found;
}

function secondsOfDay(t: Date): number {
  return t.getUTCHours() * 3600 + t.getUTCMinutes() * 60 + t.getUTCSeconds();
}

function hms(s: string): number {
  const [h, m, sec] = s.split(":").map(Number);
  return h * 3600 + (m || 0) * 60 + (sec || 0);
}

/** The catalog's price list in force at `at` (dated changes, off-peak windows). */
function pricesAt(model: ModelInfo, at: Date): ModelPrice {
  if (!Array.isArray(model.prices)) return model.prices;
  for (let i = model.prices.length - 1; i >= 0; i--) {
    const { constraint, prices } = model.prices[i];
    if (!constraint) return prices;
    if (constraint.type === "start_date" && at >= new Date(constraint.start_date)) return prices;
    if (constraint.type === "time_of_date") {
      const now = secondsOfDay(at);
      const from = hms(constraint.start_time);
      const to = hms(constraint.end_time);
      if (to < from ? now >= from || now < to : now >= from && now < to) return prices;
    }
  }
  return model.prices[0].prices;
}

function toRate(value: number | TieredPrices | undefined): Rate | null {
  if (value === undefined) return null;
  if (typeof value === "number") return floatPerMtokToPicoPerToken(value);
  return {
    base: floatPerMtokToPicoPerToken(value.base),
    tiers: [...value.tiers].sort((a, b) => a.start - b.start).map((t) => ({ start: t.start, price: floatPerMtokToPicoPerToken(t.price) })),
  };
}

export type CatalogPrice = { ref: string; card: RateCard };

/**
 * Rate card for a model at a time, or null when the catalog does not know the model.
 * Missing cache prices fall back the way providers bill: a cache read or write with no separate
 * price is billed as ordinary input (OpenAI charges no write premium), a 1 h write with no price
 * of its own as the 5 min write.
 */
// Converting a price list to exact integer rates is the costly part of pricing an event; each
// catalog price list converts once (ingestion prices tens of thousands of events a second).
const cardCache = new WeakMap<ModelPrice, CatalogPrice>();

export function catalogPrice(provider: string, model: string, at: Date): CatalogPrice | null {
  const found = findModel(provider, model);
  if (!found) return null;
  const p = pricesAt(found.model, at);
  let hit = cardCache.get(p);
  if (!hit) {
    hit = buildCard(found, p);
    cardCache.set(p, hit);
  }
  return hit;
}

function buildCard(found: NonNullable<Found>, p: ModelPrice): CatalogPrice {
  const input = toRate(p.input_mtok);
  const cacheWrite5m = toRate(p.cache_write_mtok) ?? input;
  return {
    ref: `catalog:${found.providerId}/${found.model.id}`,
    card: {
      input,
      cacheRead: toRate(p.cache_read_mtok) ?? input,
      cacheWrite5m,
      cacheWrite1h: toRate(p.cache_write_1h_mtok) ?? cacheWrite5m,
      output: toRate(p.output_mtok),
    },
  };
}

function describe(rate: Rate | null): string | null {
  if (rate === null) return null;
  if (typeof rate === "number") return picoPerTokenToPerMtok(rate);
  const tiers = rate.tiers.map((t) => `${picoPerTokenToPerMtok(t.price)} above ${t.start.toLocaleString("en-US")} input tokens`);
  return [picoPerTokenToPerMtok(rate.base), ...tiers].join("; ");
}

/** Human-readable USD per 1M tokens for the price page. */
export function describeCatalogPrice(provider: string, model: string, at: Date) {
  const c = catalogPrice(provider, model, at);
  if (!c) return null;
  return {
    modelId: c.ref.replace(/^catalog:/, ""),
    inputPerMtok: describe(c.card.input),
    cacheReadPerMtok: describe(c.card.cacheRead),
    cacheWrite5mPerMtok: describe(c.card.cacheWrite5m),
    cacheWrite1hPerMtok: describe(c.card.cacheWrite1h),
    outputPerMtok: describe(c.card.output),
  };
}
