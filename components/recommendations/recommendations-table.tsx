import Link from "next/link";
import { formatUsd } from "@/components/format";
import type { RecommendationListItem } from "@/lib/recommendations/api-view";
import { kindLabel } from "./filters";

const scopeText = (s: Record<string, string>) => [s.feature, s.model ?? s.deployment].filter(Boolean).join(" · ") || "organization";

/** One row per recommendation; levers overlapping a larger one on the same spend are marked, not summed. */
export function RecommendationsTable({ items }: { items: RecommendationListItem[] }) {
  if (items.length === 0) return <p className="rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-500">No recommendations match.</p>;
  return (
    <table data-testid="recommendations" className="w-full rounded-xl border border-slate-200 bg-white text-sm">
      <thead>
        <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
          <th className="px-3 py-2 font-medium">Recommendation</th>
          <th className="px-3 py-2 font-medium">Kind</th>
          <th className="px-3 py-2 font-medium">Scope</th>
          <th className="px-3 py-2 text-right font-medium">Savings / month</th>
          <th className="px-3 py-2 font-medium">Confidence</th>
          <th className="px-3 py-2 font-medium">Owner</th>
          <th className="px-3 py-2 font-medium">Status</th>
          <th className="px-3 py-2 text-right font-medium">Realized / month</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <tr key={r.id} className="border-t border-slate-100 align-top">
            <td className="px-3 py-2">
              <Link href={`/recommendations/${r.id}`} className="font-medium text-slate-900 underline-offset-2 hover:underline">{r.title}</Link>
              {r.overlaps_with.length > 0 && !r.counted_in_total && (
                <p className="text-xs text-amber-700">Overlaps a larger lever on the same feature and model: not added to the total.</p>
              )}
            </td>
            <td className="px-3 py-2">{kindLabel(r.kind)}</td>
            <td className="px-3 py-2">{scopeText(r.scope)}</td>
            <td className="px-3 py-2 text-right tabular-nums">{formatUsd(Number(r.monthly_savings_usd))}</td>
            <td className="px-3 py-2">{r.confidence}</td>
            <td className="px-3 py-2">{r.owner_team ?? "unknown"}</td>
            <td className="px-3 py-2" data-testid="status">{r.status}{r.stale ? " (no longer found)" : ""}</td>
            <td className="px-3 py-2 text-right tabular-nums">{r.realized_savings_usd === null ? "" : formatUsd(Number(r.realized_savings_usd))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
