"use client";

import { useQuery } from "@tanstack/react-query";
import type { SourceView } from "@/lib/sources/view";
import { BackfillBar, formatSeconds, Relative, SourceStateBadge } from "./source-bits";

async function fetchSource(id: string): Promise<SourceView> {
  const res = await fetch(`/api/v1/sources/${encodeURIComponent(id)}`, { cache: "no-store" });
  if (!res.ok) throw new Error(`source: HTTP ${res.status}`);
  return ((await res.json()) as { source: SourceView }).source;
}

function configText(v: unknown): string {
  if (v && typeof v === "object" && (v as { set?: boolean }).set) return `set ${(v as { hint?: string }).hint ?? ""}`.trim();
  return typeof v === "string" ? v : JSON.stringify(v);
}

/** A source's state, config (secrets only as set) and run history, refreshed every 3 s. */
export function SourceDetail({ initial }: { initial: SourceView }) {
  const { data: s = initial } = useQuery({ queryKey: ["source", initial.id], queryFn: () => fetchSource(initial.id), initialData: initial, refetchInterval: 3000, staleTime: 0 });
  return (
    <div className="space-y-6">
      <section className="rounded-xl border border-slate-200 bg-white p-4 text-sm">
        <div className="flex flex-wrap items-center gap-4">
          <SourceStateBadge state={s.state} running={s.running} />
          {s.worker && <span data-testid="source-worker" className="text-xs text-slate-500" title="the worker process holding this source's lease">on {s.worker}</span>}
          {!s.backfill_done && s.state !== "stopped" && <BackfillBar progress={s.backfill_progress} />}
          <span>
            Last success <Relative iso={s.last_success_at} empty="never" />
          </span>
          <span>Lag {s.lag_seconds === null ? "—" : formatSeconds(s.lag_seconds)}</span>
          <span>
            Next run {s.state === "paused" || s.state === "stopped" ? "—" : <Relative iso={s.next_run_at} />}
          </span>
        </div>
        {s.last_error && (
          <p data-testid="source-error" className="mt-3 rounded-md bg-red-50 p-2 text-red-800">
            {s.last_error}
          </p>
        )}
        <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-xs">
          {Object.entries(s.config).map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-slate-500">{k}</dt>
              <dd className="font-mono">{configText(v)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 className="font-semibold">Runs</h2>
        {!s.runs?.length ? (
          <p className="mt-2 text-sm text-slate-500">No runs yet.</p>
        ) : (
          <table data-testid="source-runs" className="mt-2 w-full text-left text-sm">
            <thead className="text-xs text-slate-500">
              <tr>
                <th className="py-1 pr-3">Started</th>
                <th className="pr-3">Took</th>
                <th className="pr-3">Outcome</th>
                <th className="pr-3">Counts</th>
                <th className="pr-3">Worker</th>
                <th>Error</th>
              </tr>
            </thead>
            <tbody>
              {s.runs.map((r) => (
                <tr key={r.id} className="border-t border-slate-100 align-top">
                  <td className="py-1 pr-3">
                    <Relative iso={r.started_at} />
                  </td>
                  <td className="pr-3">{r.finished_at ? `${((Date.parse(r.finished_at) - Date.parse(r.started_at)) / 1000).toFixed(1)} s` : "…"}</td>
                  <td className="pr-3">{r.outcome}</td>
                  <td className="pr-3 text-xs text-slate-600">{r.stats ? Object.entries(r.stats).map(([k, n]) => `${k} ${n}`).join(", ") : ""}</td>
                  <td className="pr-3 text-xs text-slate-500">{r.worker ?? ""}</td>
                  <td className="text-xs text-red-700">{r.error}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
