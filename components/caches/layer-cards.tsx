import type { CacheReportRow } from "@/lib/caches/report";
import { formatCompact, formatPercent, formatUsd } from "@/components/format";

const TITLES = { prompt: "Provider prompt caching", prefix: "Self-hosted prefix caching", application: "Application & semantic caches" } as const;
const NOTES = {
  prompt: "Cached input tokens; saved = cheaper reads minus the cache-write premium.",
  prefix: "Prompt tokens served from the KV prefix cache (vLLM, SGLang).",
  application: "Requests answered from your caches; saved = hits × the average cost of a miss (estimate).",
} as const;

/** The three layers side by side: hit rate, volume and dollars saved. */
export function LayerCards({ layers }: { layers: CacheReportRow[] }) {
  return (
    <div className="grid gap-4 md:grid-cols-3" data-testid="cache-layers">
      {layers.map((l) => (
        <section key={l.layer} className="rounded-xl border border-slate-200 bg-white p-4" data-layer={l.layer}>
          <h2 className="text-sm font-medium text-slate-700">{TITLES[l.layer]}</h2>
          <div className="mt-2 text-3xl font-semibold" data-testid="hit-rate">
            {l.hit_rate === null ? <span className="text-slate-400">no data</span> : formatPercent(l.hit_rate)}
          </div>
          <div className="text-xs text-slate-500">hit rate</div>
          <dl className="mt-3 grid grid-cols-2 gap-2 text-sm">
            <div>
              <dt className="text-xs text-slate-500">Volume</dt>
              <dd>
                {formatCompact(l.hits)} of {formatCompact(l.lookups)} {l.unit}
              </dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">Saved{l.saved_is_estimate ? " (estimate)" : ""}</dt>
              <dd data-testid="saved">{l.saved_usd === null ? <span className="text-slate-400">unknown</span> : formatUsd(Number(l.saved_usd))}</dd>
            </div>
          </dl>
          {l.unknown_saving_hits > 0 && l.saved_usd !== null && (
            <p className="mt-2 text-xs text-amber-700">{formatCompact(l.unknown_saving_hits)} hits with no priced miss to compare: not counted.</p>
          )}
          <p className="mt-2 text-xs text-slate-500">{NOTES[l.layer]}</p>
        </section>
      ))}
    </div>
  );
}
