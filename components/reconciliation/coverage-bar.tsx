/** Attributed share of the bill as a bar; over 100% (the ledger counts more than was billed) is capped and marked. */
export function CoverageBar({ coverage }: { coverage: number | null }) {
  if (coverage === null) return <span className="text-xs text-slate-400">n/a</span>;
  const pct = Math.round(coverage * 1000) / 10;
  const color = coverage >= 0.9 ? "bg-emerald-500" : coverage >= 0.7 ? "bg-amber-500" : "bg-red-500";
  return (
    <div className="flex items-center gap-2" title={`${pct}% of the billed amount is attributed to request-level events`}>
      <div className="h-2 w-24 overflow-hidden rounded bg-slate-100">
        <div className={`h-2 ${color}`} style={{ width: `${Math.min(100, Math.max(0, pct))}%` }} />
      </div>
      <span className="text-xs tabular-nums">{pct}%</span>
    </div>
  );
}
