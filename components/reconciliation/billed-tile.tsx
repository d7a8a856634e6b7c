import Link from "next/link";
import type { BilledSummary } from "@/lib/provider-billing/providers";
import { formatUsd } from "@/components/format";
import { CoverageBar } from "./coverage-bar";

/**
 * "Billed" beside "attributed" on the overview, once a provider source has delivered data. The
 * figures come from the provider tables and never change the overview's own (ledger) numbers.
 */
export async function BilledTile({ summary }: { summary: Promise<BilledSummary | null> }) {
  const s = await summary;
  if (!s) return null;
  return (
    <Link href="/reconciliation" className="block rounded-xl border border-slate-200 bg-white p-4 hover:border-indigo-300" data-testid="billed-tile">
      <div className="text-xs uppercase tracking-wide text-slate-500">Billed by {s.providers.join(" and ")} vs attributed (whole UTC days)</div>
      <div className="mt-1 flex flex-wrap items-baseline gap-x-6 gap-y-1">
        <span>
          <span className="text-xl font-semibold tabular-nums">{s.billedUsd === null ? "unknown" : formatUsd(Number(s.billedUsd))}</span> <span className="text-sm text-slate-500">billed</span>
        </span>
        <span>
          <span className="text-xl font-semibold tabular-nums">{formatUsd(Number(s.attributedUsd))}</span> <span className="text-sm text-slate-500">attributed</span>
        </span>
        <CoverageBar coverage={s.coverage} />
      </div>
    </Link>
  );
}
