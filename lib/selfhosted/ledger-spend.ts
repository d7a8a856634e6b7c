import "server-only";
/** What the ledger attributes to a deployment: the spend of events whose provider is its name. */
import { querySpend } from "@/lib/analytics/spend";
import { PICO_PER_USD } from "@/lib/money/pico";
import { usd } from "./money";

export async function ledgerSpendByProvider(orgId: string, provider: string, fromMs: number, toMs: number): Promise<{ usd: string; unpricedRequests: number; subtractedFrom: (other: string) => string }> {
  const [row] = await querySpend({ orgId, from: new Date(fromMs), to: new Date(toMs), groupBy: [], filters: { provider: [provider] } });
  const exact = row?.cost_usd_exact ?? "0";
  const pico = toPico(exact);
  return { usd: usd(pico), unpricedRequests: row?.unpriced_requests ?? 0, subtractedFrom: (other: string) => usd(toPico(other) - pico) };
}

/** Ledger sums have up to 12 decimals, more than a price string allows. */
function toPico(s: string): bigint {
  const neg = s.startsWith("-");
  const [w, f = ""] = (neg ? s.slice(1) : s).split(".");
  const v = BigInt(w || "0") * PICO_PER_USD + BigInt((f + "000000000000").slice(0, 12));
  return neg ? -v : v;
}
