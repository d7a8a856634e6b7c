import type { EventPrice, NormalizedEvent, TokenBuckets } from "@/lib/domain/event";
import { catalogPrice } from "./catalog";
import { matchOverride, type CompiledOverride } from "./overrides-match";
import { costOf, type Rate, type RateCard } from "./rates";
import { measuredPrice, measuredRateFor, type MeasuredRates } from "@/lib/selfhosted/measured-rate";

/** Rate card for a call: the organization's override where it sets a bucket, the catalog elsewhere. */
export function rateCardFor(
  overrides: CompiledOverride[],
  provider: string,
  model: string,
  at: Date,
): { card: RateCard; source: EventPrice["priceSource"]; ref: string } | null {
  const catalog = catalogPrice(provider, model, at);
  const o = matchOverride(overrides, provider, model, at.getTime());
  if (!o) return catalog ? { card: catalog.card, source: "catalog", ref: catalog.ref } : null;
  const base = catalog?.card;
  const pick = (own: number | null, fromCatalog: Rate | null | undefined): Rate | null => own ?? fromCatalog ?? null;
  const input = pick(o.input, base?.input);
  const cacheWrite5m = pick(o.cacheWrite5m, base?.cacheWrite5m) ?? input;
  return {
    source: "override",
    ref: `override:${o.id}`,
    card: {
      input,
      cacheRead: pick(o.cacheRead, base?.cacheRead) ?? input,
      cacheWrite5m,
      cacheWrite1h: pick(o.cacheWrite1h, base?.cacheWrite1h) ?? cacheWrite5m,
      output: pick(o.output, base?.output),
    },
  };
}

export function priceEvent(e: NormalizedEvent, overrides: CompiledOverride[]): EventPrice {
  return priceTokens(overrides, e.provider, e.model, e.timestamp, e.tokens);
}

/**
 * The price of a call's tokens at its time; shared by ingestion and re-costing so both agree. A
 * deployment's measured cost for the call's hour (closed hours only, known at re-cost time) comes first:
 * it is what that call cost. Ingestion passes none, so a self-hosted call is unpriced until its hour closes.
 */
export function priceTokens(overrides: CompiledOverride[], provider: string, model: string, at: Date, tokens: TokenBuckets, measured?: MeasuredRates): EventPrice {
  const rate = measuredRateFor(measured, provider, at);
  if (rate) return measuredPrice(tokens, rate);
  const found = rateCardFor(overrides, provider, model, at);
  const cost = found ? costOf(tokens, found.card) : null;
  if (!found || !cost?.priced) return { priced: false, costPico: 0, cacheSavingsPico: 0, priceSource: "none", priceRef: found?.ref ?? "" };
  return { priced: true, costPico: cost.costPico, cacheSavingsPico: cost.cacheSavingsPico, priceSource: found.source, priceRef: found.ref };
}
