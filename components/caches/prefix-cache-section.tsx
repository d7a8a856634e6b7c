import { prefixCacheStats } from "@/lib/selfhosted/prefix-cache";
import { formatInt, formatPercent } from "@/components/format";

/** Self-hosted prefix caching (vLLM / SGLang) per deployment, for the Caches page. */
export async function PrefixCacheSection({ orgId, from, to }: { orgId: string; from: Date; to: Date }) {
  const stats = await prefixCacheStats(orgId, from, to);
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4" data-testid="prefix-cache-section">
      <h2 className="font-medium">Self-hosted prefix cache</h2>
      <p className="mb-2 text-xs text-slate-500">Prompt tokens served from the engine&apos;s prefix cache (vLLM prefix_cache_hits / queries; SGLang cache_hit_rate), per deployment.</p>
      {stats.length === 0 ? (
        <p className="text-sm text-slate-500">No vLLM or SGLang endpoints scraped in this range.</p>
      ) : (
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
              <th className="py-1 font-medium">Deployment</th>
              <th className="py-1 font-medium">Model</th>
              <th className="py-1 font-medium">Engine</th>
              <th className="py-1 text-right font-medium">Tokens looked up</th>
              <th className="py-1 text-right font-medium">Hits</th>
              <th className="py-1 text-right font-medium">Hit rate</th>
            </tr>
          </thead>
          <tbody>
            {stats.map((s) => (
              <tr key={`${s.deployment}|${s.engine}|${s.model}`} className="border-t border-slate-100" data-prefix-deployment={s.deployment}>
                <td className="py-1">{s.deployment}</td>
                <td className="py-1">{s.model}</td>
                <td className="py-1">{s.engine}</td>
                <td className="py-1 text-right tabular-nums">{formatInt(s.queries)}</td>
                <td className="py-1 text-right tabular-nums">{formatInt(s.hits)}</td>
                <td className="py-1 text-right tabular-nums">{s.hit_rate === null ? "–" : formatPercent(s.hit_rate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
