import type { NormalizedEvent, PricedEvent } from "@/lib/ingest/types";
import { catalogPrice } from "./catalog";
import { matchOverride, type CompiledOverride } from "./overrides-match";
import { costOf, type CostResult, type Rate, type RateCard } from "./rates";

/** Rate card for a call: the organization's override where it sets a bucket, the catalog elsewhere. */
export function rateCardFor(
  overrides: CompiledOverride[],
  provider: string,
  model: string,
  at: Date,
): { card: RateCard; source: PricedEvent["priceSource"]; ref: string } | null {
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

export function priceEvent(e: NormalizedEvent, overrides: CompiledOverride[]): PricedEvent {
  const found = rateCardFor(overrides, e.provider, e.model, e.timestamp);
  const cost = found ? costOf(e.tokens, found.card) : null;
  return withPrice(e, cost?.priced ? cost : null, cost?.priced ? found!.source : "none", found?.ref ?? "");
}

// Spelled out rather than `{ ...e, ...cost }`: object spread on the ingest hot path cost more than
// the pricing itself (a fresh hidden class per event and twice the garbage).
function withPrice(e: NormalizedEvent, cost: CostResult | null, priceSource: PricedEvent["priceSource"], priceRef: string): PricedEvent {
  return {
    id: e.id,
    timestamp: e.timestamp,
    provider: e.provider,
    model: e.model,
    project: e.project,
    feature: e.feature,
    team: e.team,
    user: e.user,
    customer: e.customer,
    environment: e.environment,
    tokens: e.tokens,
    latencyMs: e.latencyMs,
    status: e.status,
    appCache: e.appCache,
    tags: e.tags,
    source: e.source,
    priced: cost !== null,
    costPico: cost?.costPico ?? 0,
    cacheSavingsPico: cost?.cacheSavingsPico ?? 0,
    priceSource,
    priceRef,
  };
}
