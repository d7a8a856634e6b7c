import "server-only";
import { querySpend, type SpendRow } from "@/lib/analytics/spend";
import type { Dimension } from "@/lib/domain/event";
import { picoToUsdString } from "@/lib/money/pico";
import { compiledOverrides } from "@/lib/pricing/overrides";
import { billedPieces, type BilledPiece } from "./billed-pieces";
import { costByDay } from "./cost-table";
import { decimalToScaledInt } from "./decimal";
import { mappingResolver } from "./mappings";
import { modelFamily } from "./model-names";
import type { ReconcileGroup, ReconcileParams } from "./reconcile-params";
import { BILLING_PROVIDERS, zeroTokens, type BilledTokens } from "./types";
import { usageByDay } from "./usage-table";
import { priceUsage } from "./usage-price";

/**
 * Billed (what the providers' usage and cost reports say) against attributed (what the request-level
 * ledger accounts for), per day / provider / model family / product project / team. The billed side
 * is read from the provider tables only and the attributed side from the ledger's rollup only: the
 * two never mix, so connecting a provider changes no figure of the overview.
 */
const BUCKETS = [
  ["input_uncached", "inputUncached"],
  ["cache_read", "cacheRead"],
  ["cache_write_5m", "cacheWrite5m"],
  ["cache_write_1h", "cacheWrite1h"],
  ["output", "output"],
] as const;

export type ReconcileRow = Partial<Record<ReconcileGroup, string>> & {
  billed_usd: string | null;
  attributed_usd: string;
  unattributed_usd: string | null;
  unattributed_percent: number | null;
  coverage: number | null;
  billed_basis: "cost_report" | "usage_x_catalog" | "mixed" | null;
  billed_unpriced_tokens: number;
  attributed_unpriced_tokens: number;
  billed_requests: number;
  attributed_requests: number;
} & Record<`billed_${(typeof BUCKETS)[number][0]}` | `attributed_${(typeof BUCKETS)[number][0]}`, number>;

export type Reconciliation = { from: string; to: string; group_by: ReconcileGroup[]; rows: ReconcileRow[]; totals: ReconcileRow };

type Acc = {
  keys: Partial<Record<ReconcileGroup, string>>;
  billedPico: bigint;
  billedPriced: boolean;
  billedUnpricedTokens: number;
  billedTokens: BilledTokens;
  billedRequests: number;
  bases: Set<BilledPiece["basis"]>;
  attrPico: bigint;
  attrTokens: BilledTokens;
  attrRequests: number;
  attrUnpricedTokens: number;
};

const newAcc = (keys: Acc["keys"]): Acc => ({
  keys,
  billedPico: 0n,
  billedPriced: false,
  billedUnpricedTokens: 0,
  billedTokens: zeroTokens(),
  billedRequests: 0,
  bases: new Set(),
  attrPico: 0n,
  attrTokens: zeroTokens(),
  attrRequests: 0,
  attrUnpricedTokens: 0,
});

const tokenSum = (t: BilledTokens) => t.inputUncached + t.cacheRead + t.cacheWrite5m + t.cacheWrite1h + t.output;

export async function reconcile(orgId: string, p: ReconcileParams): Promise<Reconciliation> {
  const [usage, costs, overrides, resolve] = await Promise.all([usageByDay(orgId, p.from, p.to), costByDay(orgId, p.from, p.to), compiledOverrides(orgId), mappingResolver(orgId)]);
  const pieces = billedPieces(usage, costs, (u) => priceUsage(overrides, u.provider, u.model, u.day, u.tokens), resolve);
  const attributed = await attributedRows(orgId, p);

  const groups = new Map<string, Acc>();
  const total = newAcc({});
  const accFor = (keys: Acc["keys"]) => {
    const k = p.groupBy.map((g) => keys[g] ?? "").join("\u0000");
    let a = groups.get(k);
    if (!a) groups.set(k, (a = newAcc(keys)));
    return a;
  };
  for (const piece of pieces) {
    const keys = pick(p.groupBy, { day: piece.day.toISOString().slice(0, 10), provider: piece.provider, model: piece.model, project: piece.project, team: piece.team });
    for (const a of [accFor(keys), total]) {
      if (piece.pico === null) a.billedUnpricedTokens += tokenSum(piece.tokens);
      else {
        a.billedPico += piece.pico;
        a.billedPriced = true;
      }
      addTokens(a.billedTokens, piece.tokens);
      a.billedRequests += piece.requests;
      a.bases.add(piece.basis);
    }
  }
  for (const r of attributed) {
    const keys = pick(p.groupBy, { day: r.bucket?.slice(0, 10), provider: r.provider, model: modelFamily(r.model ?? ""), project: r.project, team: r.team });
    for (const a of [accFor(keys), total]) {
      a.attrPico += decimalToScaledInt(r.cost_usd_exact, 12);
      a.attrRequests += r.requests;
      a.attrUnpricedTokens += r.unpriced_tokens;
      addTokens(a.attrTokens, {
        inputUncached: r.input_uncached_tokens,
        cacheRead: r.cache_read_tokens,
        cacheWrite5m: r.cache_write_5m_tokens,
        cacheWrite1h: r.cache_write_1h_tokens,
        output: r.output_tokens,
      });
    }
  }
  const rows = [...groups.values()]
    .filter((a) => a.billedPico !== 0n || a.attrPico !== 0n || tokenSum(a.billedTokens) > 0 || tokenSum(a.attrTokens) > 0 || a.attrRequests > 0)
    .map(toRow)
    .sort((x, y) => (x.day ?? "").localeCompare(y.day ?? "") || Number(y.billed_usd ?? 0) - Number(x.billed_usd ?? 0) || rowKey(x).localeCompare(rowKey(y)));
  return { from: p.from.toISOString(), to: p.to.toISOString(), group_by: p.groupBy, rows, totals: toRow(total) };
}

const rowKey = (r: ReconcileRow) => [r.provider, r.model, r.project, r.team].join("|");

function pick(groupBy: ReconcileGroup[], all: Partial<Record<ReconcileGroup, string | undefined>>): Acc["keys"] {
  const out: Acc["keys"] = {};
  for (const g of groupBy) out[g] = all[g] ?? "";
  return out;
}

function addTokens(into: BilledTokens, t: BilledTokens) {
  into.inputUncached += t.inputUncached;
  into.cacheRead += t.cacheRead;
  into.cacheWrite5m += t.cacheWrite5m;
  into.cacheWrite1h += t.cacheWrite1h;
  into.output += t.output;
}

/** The ledger's spend for the billed providers, at the grain the reconciliation asks for. */
async function attributedRows(orgId: string, p: ReconcileParams): Promise<SpendRow[]> {
  const dims = (["provider", "model", "project", "team"] as const).filter((d) => p.groupBy.includes(d)) as Dimension[];
  return querySpend({ orgId, from: p.from, to: p.to, groupBy: dims, filters: { provider: [...BILLING_PROVIDERS] }, interval: p.groupBy.includes("day") ? "day" : undefined });
}

function toRow(a: Acc): ReconcileRow {
  // Unknown only when something was billed that has no price; no billed usage at all is $0 billed.
  const billed = a.billedPriced || a.billedUnpricedTokens === 0 ? a.billedPico : null;
  const un = billed === null ? null : billed - a.attrPico;
  const row = {
    ...a.keys,
    billed_usd: billed === null ? null : picoToUsdString(billed),
    attributed_usd: picoToUsdString(a.attrPico),
    unattributed_usd: un === null ? null : picoToUsdString(un),
    unattributed_percent: billed && un !== null ? round((Number(un) / Number(billed)) * 100, 2) : null,
    coverage: billed ? round(Number(a.attrPico) / Number(billed), 4) : null,
    billed_basis: a.bases.size === 0 ? null : a.bases.size > 1 ? "mixed" : [...a.bases][0],
    billed_unpriced_tokens: a.billedUnpricedTokens,
    attributed_unpriced_tokens: a.attrUnpricedTokens,
    billed_requests: a.billedRequests,
    attributed_requests: a.attrRequests,
  } as ReconcileRow;
  for (const [name, k] of BUCKETS) {
    row[`billed_${name}`] = a.billedTokens[k];
    row[`attributed_${name}`] = a.attrTokens[k];
  }
  return row;
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
