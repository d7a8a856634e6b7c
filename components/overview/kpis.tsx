import type { SpendSummary } from "@/lib/analytics/overview";
import { formatInt, formatPercent, formatSignedPercent, formatUnitUsd, formatUsd } from "@/components/format";

function Card({ label, children, hint }: { label: string; children: React.ReactNode; hint?: React.ReactNode }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
      <div className="mt-1 text-2xl font-semibold tabular-nums">{children}</div>
      {hint && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
    </div>
  );
}

/** Headline numbers; every one states what it is measured against so nobody has to guess. */
export function Kpis({ summary }: { summary: SpendSummary }) {
  const { current: c, previous: p } = summary;
  const change = p.cost_usd > 0 ? (c.cost_usd - p.cost_usd) / p.cost_usd : null;
  const perRequest = c.priced_requests > 0 ? c.cost_usd / c.priced_requests : null;
  const prevPerRequest = p.priced_requests > 0 ? p.cost_usd / p.priced_requests : null;
  const perRequestChange = perRequest !== null && prevPerRequest ? (perRequest - prevPerRequest) / prevPerRequest : null;
  const hitRate = c.app_cache_lookups > 0 ? c.app_cache_hits / c.app_cache_lookups : null;
  // Savings next to spend, so "is prompt caching worth it" reads at a glance.
  const savingsShare = c.cache_savings_usd > 0 && c.cost_usd > 0 ? c.cache_savings_usd / c.cost_usd : null;
  return (
    <section className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
      <Card
        label="Spend"
        hint={
          <>
            {change === null ? (
              "no spend in the previous period"
            ) : (
              <span className={change > 0 ? "text-red-700" : "text-emerald-700"}>
                {formatSignedPercent(change)} vs previous period ({formatUsd(p.cost_usd)})
              </span>
            )}
            {c.unpriced_requests > 0 && <span className="block text-amber-700">excludes {formatInt(c.unpriced_requests)} unpriced requests</span>}
          </>
        }
      >
        <span data-testid="total-spend">{formatUsd(c.cost_usd)}</span>
      </Card>
      <Card label="Requests" hint={c.unpriced_requests > 0 ? `${formatInt(c.unpriced_requests)} unpriced` : `${formatInt(c.errors)} errors`}>
        {formatInt(c.requests)}
      </Card>
      <Card
        label="Cost per request"
        hint={perRequestChange === null ? "priced requests only" : `${formatSignedPercent(perRequestChange)} vs previous period; priced requests only`}
      >
        <span data-testid="cost-per-request">{perRequest === null ? "—" : formatUnitUsd(perRequest)}</span>
      </Card>
      <Card
        label="Prompt-cache savings"
        hint={savingsShare === null ? "no cached prompt reads in this view" : `cached reads vs full input price; ${formatPercent(savingsShare)} of spend`}
      >
        <span data-testid="cache-savings">{formatUsd(c.cache_savings_usd)}</span>
      </Card>
      <Card
        label="App cache hit rate"
        hint={hitRate === null ? "no calls reported a cache hit or miss" : `${formatInt(c.app_cache_hits)} of ${formatInt(c.app_cache_lookups)} lookups answered from cache`}
      >
        <span data-testid="app-cache-hit-rate">{hitRate === null ? "—" : formatPercent(hitRate)}</span>
      </Card>
    </section>
  );
}
