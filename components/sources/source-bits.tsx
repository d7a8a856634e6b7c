"use client";

const STATE_STYLE: Record<string, string> = {
  ok: "bg-emerald-50 text-emerald-700",
  backfilling: "bg-sky-50 text-sky-700",
  retrying: "bg-amber-50 text-amber-800",
  stopped: "bg-red-50 text-red-700",
  paused: "bg-slate-100 text-slate-600",
};

export function SourceStateBadge({ state, running }: { state: string; running?: boolean }) {
  return (
    <span data-testid="source-state" className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATE_STYLE[state] ?? "bg-slate-100"}`}>
      {state}
      {running ? " · running" : ""}
    </span>
  );
}

export function BackfillBar({ progress }: { progress: number }) {
  const pct = Math.round(Math.min(1, Math.max(0, progress)) * 100);
  return (
    <div className="flex items-center gap-2" title={`backfill ${pct}%`}>
      <div role="progressbar" aria-label="Backfill progress" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100} className="h-1.5 w-24 rounded bg-slate-200">
        <div className="h-1.5 rounded bg-sky-500" style={{ width: `${pct}%` }} />
      </div>
      <span className="text-xs text-slate-500">{pct}%</span>
    </div>
  );
}

export function formatSeconds(s: number): string {
  if (s < 90) return `${Math.round(s)} s`;
  if (s < 90 * 60) return `${Math.round(s / 60)} min`;
  if (s < 48 * 3600) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86400)} d`;
}

/** "3 min ago" / "in 20 s"; the server and the browser render it at different instants, hence the warning switch. */
export function Relative({ iso, empty = "—" }: { iso: string | null; empty?: string }) {
  if (!iso) return <span className="text-slate-400">{empty}</span>;
  const diff = (Date.parse(iso) - Date.now()) / 1000;
  const text = Math.abs(diff) < 2 ? "now" : diff < 0 ? `${formatSeconds(-diff)} ago` : `in ${formatSeconds(diff)}`;
  return (
    <time dateTime={iso} title={iso} suppressHydrationWarning>
      {text}
    </time>
  );
}
