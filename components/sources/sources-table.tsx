"use client";

import Link from "next/link";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { SourceView } from "@/lib/sources/view";
import { BackfillBar, formatSeconds, Relative, SourceStateBadge } from "./source-bits";

async function fetchSources(): Promise<SourceView[]> {
  const res = await fetch("/api/v1/sources", { cache: "no-store" });
  if (!res.ok) throw new Error(`sources: HTTP ${res.status}`);
  return ((await res.json()) as { sources: SourceView[] }).sources;
}

/** Refreshes every 3 s (against the API with the session), so a backfill's bar and a retry's countdown move. */
export function SourcesTable({
  initial,
  canManage,
  sourceCommandAction,
  deleteSourceAction,
}: {
  initial: SourceView[];
  canManage: boolean;
  sourceCommandAction: (form: FormData) => Promise<{ ok: boolean; message: string }>;
  deleteSourceAction: (form: FormData) => Promise<void>;
}) {
  const qc = useQueryClient();
  const { data = initial } = useQuery({ queryKey: ["sources"], queryFn: fetchSources, initialData: initial, refetchInterval: 3000, staleTime: 0 });
  const [message, setMessage] = useState("");
  const command = async (form: FormData) => {
    const r = await sourceCommandAction(form);
    setMessage(r.ok ? "" : r.message);
    await qc.invalidateQueries({ queryKey: ["sources"] });
  };
  const remove = async (form: FormData) => {
    await deleteSourceAction(form);
    await qc.invalidateQueries({ queryKey: ["sources"] });
  };
  if (data.length === 0) return <p className="mt-2 text-sm text-slate-500">No sources yet.</p>;
  return (
    <>
      {message && <p role="alert" className="mt-2 text-sm text-red-700">{message}</p>}
      <table data-testid="sources-table" className="mt-3 w-full text-left text-sm">
        <thead className="text-xs text-slate-500">
          <tr>
            <th className="py-1 pr-3">Name</th>
            <th className="pr-3">Type</th>
            <th className="pr-3">State</th>
            <th className="pr-3">Last success</th>
            <th className="pr-3">Lag</th>
            <th className="pr-3">Next run</th>
            <th className="pr-3">Last error</th>
            {canManage && <th />}
          </tr>
        </thead>
        <tbody>
          {data.map((s) => (
            <tr key={s.id} data-testid={`source-${s.id}`} className="border-t border-slate-100 align-top">
              <td className="py-2 pr-3">
                <Link href={`/sources/${s.id}`} className="font-medium text-slate-900 hover:underline">
                  {s.name}
                </Link>
              </td>
              <td className="pr-3 text-slate-600">{s.type}</td>
              <td className="space-y-1 pr-3">
                <SourceStateBadge state={s.state} running={s.running} />
                {!s.backfill_done && s.state !== "stopped" && <BackfillBar progress={s.backfill_progress} />}
              </td>
              <td className="pr-3">
                <Relative iso={s.last_success_at} empty="never" />
              </td>
              <td className="pr-3">{s.lag_seconds === null ? <span className="text-slate-400">—</span> : formatSeconds(s.lag_seconds)}</td>
              <td className="pr-3">{s.state === "paused" || s.state === "stopped" ? <span className="text-slate-400">—</span> : <Relative iso={s.next_run_at} />}</td>
              <td data-testid="source-error" className="max-w-md pr-3 text-xs text-red-700">{s.last_error}</td>
              {canManage && (
                <td className="whitespace-nowrap text-xs">
                  <RowButtons s={s} command={command} remove={remove} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function RowButtons({ s, command, remove }: { s: SourceView; command: (f: FormData) => Promise<void>; remove: (f: FormData) => Promise<void> }) {
  const verb = s.state === "paused" ? "resume" : "pause";
  return (
    <div className="flex gap-3">
      <form action={command}>
        <input type="hidden" name="id" value={s.id} />
        <input type="hidden" name="verb" value={verb} />
        <button type="submit" className="text-slate-700 hover:underline">
          {verb === "pause" ? "Pause" : "Resume"}
        </button>
      </form>
      {s.state !== "paused" && (
        <form action={command}>
          <input type="hidden" name="id" value={s.id} />
          <input type="hidden" name="verb" value="run" />
          <button type="submit" className="text-slate-700 hover:underline">
            Run now
          </button>
        </form>
      )}
      <form action={remove}>
        <input type="hidden" name="id" value={s.id} />
        <button
          type="submit"
          className="text-red-700 hover:underline"
          onClick={(e) => {
            if (!window.confirm(`Delete the source "${s.name}"? Data it already collected stays.`)) e.preventDefault();
          }}
        >
          Delete
        </button>
      </form>
    </div>
  );
}
