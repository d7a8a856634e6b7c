import { catalogPrice } from "@/lib/pricing/catalog";
import type { Rate } from "@/lib/pricing/rates";

/**
 * Frontier vs cheaper tier, read from the price catalog. A model is "frontier" when its output price
 * is at least FRONTIER_OUTPUT_USD_PER_MTOK: every flagship of the big providers (gpt-4.1 $8, gpt-4o $10,
 * Claude Sonnet $15, Gemini Pro $10) is above it and every small tier (mini, nano, haiku, flash, $0.4-5)
 * is below it. The cheaper tier is the first of the provider's small models the catalog prices that is
 * at most MAX_PRICE_RATIO of the current model's price on the feature's own token mix; a small model of
 * the same family comes first (gpt-4.1 -> gpt-4.1-mini), then the list order, then other providers.
 */
export const FRONTIER_OUTPUT_USD_PER_MTOK = 8;
/** A downgrade that saves less than half is not worth its quality risk. */
export const MAX_PRICE_RATIO = 0.5;

const SMALL_TIERS: Record<string, string[]> = {
  openai: ["gpt-4.1-mini", "gpt-4o-mini", "gpt-5-mini", "gpt-4.1-nano"],
  anthropic: ["claude-haiku-4-5", "claude-3-5-haiku-latest"],
  google: ["gemini-2.5-flash"],
};

const base = (r: Rate | null): number | null => (r === null ? null : typeof r === "number" ? r : r.base);

export function isFrontier(provider: string, model: string, at: Date): boolean {
  const out = base(catalogPrice(provider, model, at)?.card.output ?? null);
  return out !== null && out >= FRONTIER_OUTPUT_USD_PER_MTOK * 1_000_000;
}

/** pico-dollars of the given mix at a model's base rates, or null when the catalog does not price it */
function mixCost(provider: string, model: string, at: Date, input: number, output: number): number | null {
  const card = catalogPrice(provider, model, at)?.card;
  const i = base(card?.input ?? null);
  const o = base(card?.output ?? null);
  return i === null || o === null ? null : i * input + o * output;
}

export type Tier = { provider: string; model: string; ratio: number };

export function cheaperTier(provider: string, model: string, at: Date, input: number, output: number): Tier | null {
  const current = mixCost(provider, model, at, input, output);
  if (current === null || current <= 0) return null;
  const family = model.split("-").slice(0, 2).join("-");
  const own = [...(SMALL_TIERS[provider] ?? [])].sort((a, b) => Number(b.startsWith(family)) - Number(a.startsWith(family)));
  const others = Object.entries(SMALL_TIERS).filter(([p]) => p !== provider).flatMap(([p, ms]) => ms.map((m) => [p, m] as const));
  for (const [p, m] of [...own.map((m) => [provider, m] as const), ...others]) {
    if (m === model) continue;
    const cost = mixCost(p, m, at, input, output);
    if (cost !== null && cost <= current * MAX_PRICE_RATIO) return { provider: p, model: m, ratio: cost / current };
  }
  return null;
}
