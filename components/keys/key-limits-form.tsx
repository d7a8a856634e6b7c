"use client";

import { useActionState } from "react";
import type { LimitsState } from "./action-state";

type Limits = { requestsPerMinute: number | null; eventsPerDay: number | null };

/** A key's limits, editable in place; blank means the default. */
export function KeyLimitsForm({
  id,
  custom,
  effective,
  setKeyLimitsAction,
}: {
  id: string;
  custom: Limits;
  effective: { requestsPerMinute: number; eventsPerDay: number };
  setKeyLimitsAction: (prev: LimitsState, form: FormData) => Promise<LimitsState>;
}) {
  const [state, action, pending] = useActionState<LimitsState, FormData>(setKeyLimitsAction, { ok: true, message: "" });
  const fmt = (n: number) => n.toLocaleString("en-US");
  return (
    <details>
      <summary className="cursor-pointer whitespace-nowrap">
        {fmt(effective.requestsPerMinute)}/min · {fmt(effective.eventsPerDay)} events/day
      </summary>
      <form action={action} className="mt-1 flex flex-wrap items-end gap-2 text-xs">
        <input type="hidden" name="id" value={id} />
        <label className="flex flex-col text-slate-600">
          Requests per minute
          <input name="requestsPerMinute" defaultValue={custom.requestsPerMinute ?? ""} placeholder="default" inputMode="numeric" className="w-28 rounded border border-slate-300 px-1 py-0.5" />
        </label>
        <label className="flex flex-col text-slate-600">
          Events per day
          <input name="eventsPerDay" defaultValue={custom.eventsPerDay ?? ""} placeholder="default" inputMode="numeric" className="w-32 rounded border border-slate-300 px-1 py-0.5" />
        </label>
        <button type="submit" disabled={pending} className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-50 disabled:opacity-60">
          Save
        </button>
      </form>
      {state.message && <p className={`mt-1 text-xs ${state.ok ? "text-emerald-700" : "text-red-700"}`}>{state.message}</p>}
    </details>
  );
}
