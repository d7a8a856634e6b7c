import { describeCatalogPrice } from "@/lib/pricing/catalog";
import { compileOverride, matchOverride } from "@/lib/pricing/overrides-match";
import type { ModelSeen } from "@/lib/analytics/models-seen";
import { formatInt, formatUsd } from "@/components/format";
import { picoPerTokenToPerMtok } from "@/lib/money/pico";

type OverrideRow = Parameters<typeof compileOverride>[0];

/** Every model seen, the price that applies to it now and where it comes from; unpriced ones first. */
export function ModelsTable({ models, overrides }: { models: ModelSeen[]; overrides: OverrideRow[] }) {
  const compiled = overrides.map(compileOverride);
  const now = new Date();
  const unpriced = models.filter((m) => m.unpricedRequests > 0);
  return (
    <section className="space-y-4">
      {unpriced.length > 0 && (
        <div data-testid="unpriced-models" className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          <h2 className="font-semibold">Unpriced models</h2>
          <p>These have usage but no price in the catalog or your overrides; their cost is unknown. Add an override below to price them.</p>
          <ul className="mt-2 space-y-0.5">
            {unpriced.map((m) => (
              <li key={`${m.provider}/${m.model}`}>
                <code>
                  {m.provider}/{m.model}
                </code>
                : {formatInt(m.unpricedRequests)} requests, {formatInt(m.tokens)} tokens
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
              <th className="py-1 font-medium">Provider / model</th>
              <th className="py-1 font-medium">Price source now</th>
              <th className="py-1 text-right font-medium">Input</th>
              <th className="py-1 text-right font-medium">Cache read</th>
              <th className="py-1 text-right font-medium">Cache write 5m / 1h</th>
              <th className="py-1 text-right font-medium">Output</th>
              <th className="py-1 text-right font-medium">Requests</th>
              <th className="py-1 text-right font-medium">Cost</th>
            </tr>
          </thead>
          <tbody>
            {models.map((m) => {
              const o = matchOverride(compiled, m.provider, m.model, now.getTime());
              const cat = describeCatalogPrice(m.provider, m.model, now);
              const source = o ? "override" : cat ? `catalog (${cat.modelId})` : "none: unpriced";
              const show = (own: number | null, fromCatalog: string | null | undefined) =>
                own !== null ? `$${picoPerTokenToPerMtok(own)}` : fromCatalog ? `$${fromCatalog}` : "—";
              return (
                <tr key={`${m.provider}/${m.model}`} className="border-t border-slate-100 align-top">
                  <td className="py-1.5">
                    <code>
                      {m.provider}/{m.model}
                    </code>
                  </td>
                  <td className={`py-1.5 ${!o && !cat ? "font-medium text-amber-700" : ""}`}>{source}</td>
                  <td className="py-1.5 text-right tabular-nums">{show(o?.input ?? null, cat?.inputPerMtok)}</td>
                  <td className="py-1.5 text-right tabular-nums">{show(o?.cacheRead ?? null, cat?.cacheReadPerMtok)}</td>
                  <td className="py-1.5 text-right tabular-nums">
                    {show(o?.cacheWrite5m ?? null, cat?.cacheWrite5mPerMtok)} / {show(o?.cacheWrite1h ?? null, cat?.cacheWrite1hPerMtok)}
                  </td>
                  <td className="py-1.5 text-right tabular-nums">{show(o?.output ?? null, cat?.outputPerMtok)}</td>
                  <td className="py-1.5 text-right tabular-nums">{formatInt(m.requests)}</td>
                  <td className="py-1.5 text-right tabular-nums">
                    {m.requests === m.unpricedRequests ? <span className="text-amber-700">unknown</span> : formatUsd(m.costUsd)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="mt-2 text-xs text-slate-500">USD per 1M tokens. An override replaces only the buckets it sets; the rest come from the catalog.</p>
      </div>
    </section>
  );
}
