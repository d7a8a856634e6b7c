import "server-only";
import { chQuery } from "@/lib/clickhouse/query";
import { compiledOverrides } from "@/lib/pricing/overrides";
import { rateCardFor } from "@/lib/pricing/price-event";
import type { Rate } from "@/lib/pricing/rates";
import { SPEND_HOURLY } from "@/lib/clickhouse/tables";

/**
 * Provider prompt caching, per provider, model and feature, from the hourly rollup.
 *
 * llm_events.cache_savings_pico (lib/pricing/rates.ts costOf) is GROSS: cache-read tokens times
 * (input price - cache-read price). It does not subtract what writing the cache cost above the plain
 * input price (Anthropic: 1.25x for 5-minute writes, 2x for 1-hour ones). The net figure here takes
 * that premium off: cache-write tokens x (write price - input price) at the price of the day.
 * Approximation: a tiered price (long-context tiers) is read at its base tier, since the rollup
 * no longer knows each request's prompt size.
 */
export type PromptCacheRow = {
  provider: string;
  model: string;
  feature: string;
  /** every input token: uncached + cache read + cache write */
  input_tokens: number;
  cache_read_tokens: number;
  cache_write_tokens: number;
  gross_savings_pico: bigint;
  write_premium_pico: bigint;
  net_savings_pico: bigint;
};

type Raw = {
  provider: string;
  model: string;
  feature: string;
  day: string;
  priced: number;
  input_uncached: string;
  cache_read: string;
  write_5m: string;
  write_1h: string;
  savings: string;
};

const base = (r: Rate | null): number | null => (r === null ? null : typeof r === "number" ? r : r.base);

export async function promptCacheRows(orgId: string, from: Date, to: Date): Promise<PromptCacheRow[]> {
  const raw = await chQuery<Raw>(
    `SELECT provider, model, feature, toString(toDate(hour)) AS day, price_source != 'none' AS priced,
       sum(input_uncached_tokens) AS input_uncached, sum(cache_read_tokens) AS cache_read,
       sum(cache_write_5m_tokens) AS write_5m, sum(cache_write_1h_tokens) AS write_1h,
       sum(cache_savings_pico) AS savings
     FROM ${SPEND_HOURLY}
     WHERE org_id = {org:String} AND hour >= toDateTime({from:UInt32}, 'UTC') AND hour < toDateTime({to:UInt32}, 'UTC')
     GROUP BY provider, model, feature, day, priced
     LIMIT 200000`,
    { tag: "caches.prompt", params: { org: orgId, from: Math.floor(from.getTime() / 1000), to: Math.ceil(to.getTime() / 1000) } },
  );
  const overrides = await compiledOverrides(orgId);
  const premiumRate = new Map<string, { p5m: number; p1h: number }>();
  const rateOf = (provider: string, model: string, day: string) => {
    const key = `${provider}\u0000${model}\u0000${day}`;
    let r = premiumRate.get(key);
    if (!r) {
      const card = rateCardFor(overrides, provider, model, new Date(`${day}T12:00:00Z`))?.card;
      const input = base(card?.input ?? null);
      const w5 = base(card?.cacheWrite5m ?? null);
      const w1 = base(card?.cacheWrite1h ?? null);
      r = { p5m: input !== null && w5 !== null ? w5 - input : 0, p1h: input !== null && w1 !== null ? w1 - input : 0 };
      premiumRate.set(key, r);
    }
    return r;
  };
  const out = new Map<string, PromptCacheRow>();
  for (const r of raw) {
    const key = `${r.provider}\u0000${r.model}\u0000${r.feature}`;
    let row = out.get(key);
    if (!row) {
      row = { provider: r.provider, model: r.model, feature: r.feature, input_tokens: 0, cache_read_tokens: 0, cache_write_tokens: 0, gross_savings_pico: 0n, write_premium_pico: 0n, net_savings_pico: 0n };
      out.set(key, row);
    }
    const w5 = Number(r.write_5m);
    const w1 = Number(r.write_1h);
    row.input_tokens += Number(r.input_uncached) + Number(r.cache_read) + w5 + w1;
    row.cache_read_tokens += Number(r.cache_read);
    row.cache_write_tokens += w5 + w1;
    row.gross_savings_pico += BigInt(r.savings);
    // Unpriced usage has no savings and no premium: its price is unknown.
    if (Number(r.priced) && (w5 || w1)) {
      const p = rateOf(r.provider, r.model, r.day);
      row.write_premium_pico += BigInt(w5) * BigInt(p.p5m) + BigInt(w1) * BigInt(p.p1h);
    }
  }
  const rows = [...out.values()];
  for (const row of rows) row.net_savings_pico = row.gross_savings_pico - row.write_premium_pico;
  return rows.filter((r) => r.input_tokens > 0);
}
