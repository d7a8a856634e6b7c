import Link from "next/link";
import type { CauseItem } from "@/lib/alert-contract/condition";
import { formatPercent, formatUsd } from "@/components/format";
import { safePath } from "./badges";

/** The root cause, ranked by $ impact; each row opens the overview filtered to that value. */
export function CauseTable({ cause }: { cause: CauseItem[] }) {
  if (cause.length === 0) return <p className="mt-2 text-sm text-slate-500">No breakdown for this alert.</p>;
  return (
    <div className="overflow-x-auto">
      <table data-testid="cause-table" className="mt-3 w-full text-sm">
        <thead>
          <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
            <th className="px-2 py-1 font-medium">Dimension</th>
            <th className="px-2 py-1 font-medium">Value</th>
            <th className="px-2 py-1 text-right font-medium">$ impact</th>
            <th className="px-2 py-1 text-right font-medium">Share</th>
            <th className="px-2 py-1 text-right font-medium">Volume</th>
            <th className="px-2 py-1 text-right font-medium">Mix</th>
            <th className="px-2 py-1 text-right font-medium">Size</th>
          </tr>
        </thead>
        <tbody>
          {cause.map((c) => {
            const href = safePath(c.url);
            return (
              <tr key={`${c.dimension}=${c.value}`} className="border-t border-slate-100">
                <td className="px-2 py-1.5 text-slate-600">{c.dimension}</td>
                <td className="px-2 py-1.5">
                  {href ? (
                    <Link href={href} className="text-indigo-700 hover:underline">
                      {c.value}
                    </Link>
                  ) : (
                    c.value
                  )}
                </td>
                <td className="px-2 py-1.5 text-right tabular-nums">{formatUsd(c.impact_usd)}</td>
                <td className="px-2 py-1.5 text-right tabular-nums">{formatPercent(c.share)}</td>
                <td className="px-2 py-1.5 text-right tabular-nums">{formatUsd(c.volume_usd)}</td>
                <td className="px-2 py-1.5 text-right tabular-nums">{formatUsd(c.mix_usd)}</td>
                <td className="px-2 py-1.5 text-right tabular-nums">{formatUsd(c.size_usd)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
