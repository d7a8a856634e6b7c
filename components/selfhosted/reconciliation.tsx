import type { SelfHostedPageData } from "@/lib/selfhosted/page-data";
import { formatUsd } from "@/components/format";

/** The GPU bill split into what requests absorbed (ledger), busy time no event claimed, and idle. */
export function Reconciliation({ r, name }: { r: NonNullable<SelfHostedPageData["reconciliation"]>; name: string }) {
  const line = (label: string, v: string | null, testid: string, note?: string) => (
    <div className="flex justify-between gap-4 py-1" data-testid={testid}>
      <span className="text-slate-600">
        {label}
        {note && <span className="block text-xs text-slate-400">{note}</span>}
      </span>
      <span className="tabular-nums">{v === null ? "unknown" : formatUsd(Number(v))}</span>
    </div>
  );
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4 text-sm" data-testid="reconciliation">
      <h2 className="mb-2 font-medium">GPU bill of {name}</h2>
      {line("Attributed to requests", r.attributedUsd, "rec-attributed", `ledger events with provider "${name}", priced at its measured usage rate per hour`)}
      {line("Busy, not attributed", r.unattributedBusyUsd, "rec-unattributed", "busy GPU time no ledger event (yet) absorbed")}
      {line("Idle", r.idleCostUsd, "rec-idle", "paid GPU time the GPUs were not busy")}
      <div className="mt-1 flex justify-between border-t border-slate-200 pt-2 font-medium" data-testid="rec-total">
        <span>GPU cost (allocation)</span>
        <span className="tabular-nums">{formatUsd(Number(r.gpuCostUsd))}</span>
      </div>
    </div>
  );
}
