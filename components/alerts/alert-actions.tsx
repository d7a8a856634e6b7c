"use client";

import { useActionState, useState } from "react";
import type { AlertActionState } from "./action-state";

type Action = (prev: AlertActionState, form: FormData) => Promise<AlertActionState>;

function Status({ state }: { state: AlertActionState }) {
  if (!state.message) return null;
  return (
    <p role="status" className={`text-sm ${state.ok ? "text-emerald-700" : "text-red-700"}`}>
      {state.message} {state.errors?.join("; ")}
    </p>
  );
}

function OneClick({ action, id, label }: { action: Action; id: string; label: string }) {
  const [state, run, pending] = useActionState(action, { ok: true, message: "" });
  return (
    <form action={run} className="flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
        {label}
      </button>
      <Status state={state} />
    </form>
  );
}

/** Shown only to roles with alerts.act; the server actions check it again. */
export function AlertActions({
  id,
  state,
  acknowledge,
  resolve,
  snooze,
}: {
  id: string;
  state: string;
  acknowledge: Action;
  resolve: Action;
  snooze: Action;
}) {
  const [snoozeState, runSnooze, snoozing] = useActionState(snooze, { ok: true, message: "" });
  const [local, setLocal] = useState("");
  if (state === "resolved") return null;
  // datetime-local has no zone: send the instant the person meant in their own time zone.
  const until = local ? new Date(local).toISOString() : "";
  return (
    <section data-testid="alert-actions" className="flex flex-wrap items-start gap-4 rounded-xl border border-slate-200 bg-white p-4">
      {state === "open" && <OneClick action={acknowledge} id={id} label="Acknowledge" />}
      <OneClick action={resolve} id={id} label="Resolve" />
      <form action={runSnooze} className="flex flex-wrap items-end gap-2 text-sm">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="until" value={until} />
        <label className="flex flex-col">
          <span className="text-xs text-slate-500">Snooze until</span>
          <input type="datetime-local" value={local} onChange={(e) => setLocal(e.target.value)} className="rounded border border-slate-300 px-2 py-1" />
        </label>
        <label className="flex flex-col">
          <span className="text-xs text-slate-500">Reason</span>
          <input name="reason" maxLength={500} className="rounded border border-slate-300 px-2 py-1" />
        </label>
        <button type="submit" disabled={snoozing} className="rounded-md border border-slate-300 px-3 py-1.5">
          Snooze
        </button>
        <Status state={snoozeState} />
      </form>
    </section>
  );
}
