import { describeCatalogPrice } from "@/lib/pricing/catalog";
import { compileOverride } from "@/lib/pricing/overrides-match";
import { rateCardFor } from "@/lib/pricing/price-event";
import type { Rate } from "@/lib/pricing/rates";
import type { ModelSeen } from "@/lib/analytics/models-seen";
import { formatCompact, formatInt, formatUsd } from "@/components/format";
import { picoPerTokenToPerMtok } from "@/lib/money/pico";

type OverrideRow = Parameters<typeof compileOverride>[0];

/** USD per 1M tokens as the pricer applies it, tiers included (e.g. "$3, $6 above 200K input tokens"). */
function showRate(rate: Rate | null): string {
  if (rate === null) return "—";
  if (typeof rate === "number") return `$${picoPerTokenToPerMtok(rate)}`;
  const tiers = rate.tiers.map((t) => `$${picoPerTokenToPerMtok(t.price)} above ${formatCompact(t.start)}`);
  return [`$${picoPerTokenToPerMtok(rate.base)}`, ...tiers].join(", ");
}

/** Every model seen, the price that applies to it now and where it comes from; unpriced ones first. */
export function ModelsTable({ models, overrides, editable = false }: { models: ModelSeen[]; overrides: OverrideRow[]; editable?: boolean }) {
  const compiled = overrides.map(compileOverride);
  const now = new Date();
  const unpriced = models.filter((m) => m.unpricedRequests > 0);
  return (
    <section className="space-y-4">
      {unpriced.length > 0 && (
        <div id="unpriced" data-testid="unpriced-models" className="scroll-mt-6 rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          <h2 className="font-semibold">Unpriced models</h2>
          <p>
            These have usage with no price in the catalog or your overrides, so their cost is unknown (not $0) and left out of spend.
            {editable ? " Add an override to price them; saving it re-costs their past usage." : " Someone with the admin or finance role can add a price."}
          </p>
          <ul className="mt-2 space-y-1">
            {unpriced.map((m) => (
              <li key={`${m.provider}/${m.model}`} className="flex flex-wrap items-baseline gap-x-2">
                <code className="font-medium">
                  {m.provider}/{m.model}
                </code>
                <span>
                  {formatInt(m.unpricedRequests)} unpriced {m.unpricedRequests === 1 ? "request" : "requests"}, {formatInt(m.unpricedTokens)} tokens
                </span>
                {editable && (
                  <a
                    href={`?${new URLSearchParams({ provider: m.provider, model: m.model })}#add-override`}
                    className="font-medium underline"
                  >
                    Add a price
                  </a>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white p-4">
        <h2 className="font-semibold">Every model seen</h2>
        <table className="mt-3 w-full text-sm">
          <thead>
            <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
              <th className="px-2 py-1 font-medium">Provider / model</th>
              <th className="px-2 py-1 font-medium">Price source now</th>
              <th className="px-2 py-1 text-right font-medium">Input</th>
              <th className="px-2 py-1 text-right font-medium">Cache read</th>
              <th className="px-2 py-1 text-right font-medium">Cache write 5m / 1h</th>
              <th className="px-2 py-1 text-right font-medium">Output</th>
              <th className="px-2 py-1 text-right font-medium">Requests</th>
              <th className="px-2 py-1 text-right font-medium">Cost</th>
            </tr>
          </thead>
          <tbody>
            {models.map((m) => {
              // The same lookup the pricer does, so the page shows exactly the price new events get.
              const found = rateCardFor(compiled, m.provider, m.model, now);
              const card = found?.card;
              const source =
                found?.source === "override"
                  ? "override"
                  : found
                    ? `catalog (${describeCatalogPrice(m.provider, m.model, now)?.modelId ?? found.ref.replace(/^catalog:/, "")})`
                    : "none: unpriced";
              return (
                <tr key={`${m.provider}/${m.model}`} className={`border-t border-slate-100 align-top ${m.unpricedRequests > 0 ? "bg-amber-50/60" : ""}`}>
                  <td className="px-2 py-1.5">
                    <code>
                      {m.provider}/{m.model}
                    </code>
                  </td>
                  <td className={`px-2 py-1.5 ${!found ? "font-medium text-amber-700" : ""}`}>
                    {source}
                    {m.unpricedRequests > 0 && found && (
                      // Priced now but stored unpriced: the price came later and those events were not re-costed yet.
                      <span className="block text-xs text-amber-700">
                        {formatInt(m.unpricedRequests)} requests stored unpriced; a re-cost of their range applies this price
                      </span>
                    )}
                  </td>
                  <td className="px-2 py-1.5 text-right tabular-nums">{showRate(card?.input ?? null)}</td>
                  <td className="px-2 py-1.5 text-right tabular-nums">{showRate(card?.cacheRead ?? null)}</td>
                  <td className="px-2 py-1.5 text-right tabular-nums">
                    {showRate(card?.cacheWrite5m ?? null)} / {showRate(card?.cacheWrite1h ?? null)}
                  </td>
                  <td className="px-2 py-1.5 text-right tabular-nums">{showRate(card?.output ?? null)}</td>
                  <td className="px-2 py-1.5 text-right tabular-nums">{formatInt(m.requests)}</td>
                  <td className="px-2 py-1.5 text-right tabular-nums">
                    {m.requests === m.unpricedRequests ? <span className="text-amber-700">unknown</span> : formatUsd(m.costUsd)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="mt-2 text-xs text-slate-500">USD per 1M tokens, as new events are priced today. An override replaces only the buckets it sets; the rest come from the
          catalog, and a cache bucket with no price of its own is billed at the input price.</p>
      </div>
    </section>
  );
}
