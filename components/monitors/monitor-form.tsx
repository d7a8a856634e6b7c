"use client";

import { useActionState } from "react";
import type { MonitorFormState } from "./action-state";

const DIMENSIONS = ["", "provider", "model", "project", "feature", "team", "user", "customer", "environment"];
const KINDS = [
  ["anomaly", "Spend anomaly"],
  ["cost_per_request", "Cost per request up, traffic flat"],
  ["runaway", "Runaway requests"],
] as const;

type Values = { id: string; name: string; dimension: string; kinds: string[]; minSpendUsd: string; sensitivity: string };

/** Create a monitor, or edit one (the same fields; the server validates both through the API's schema). */
export function MonitorForm({ mode, monitor, action: submit }: { mode: "create" | "edit"; monitor?: Values; action: (prev: MonitorFormState, form: FormData) => Promise<MonitorFormState> }) {
  const [state, action, pending] = useActionState<MonitorFormState, FormData>(submit, { ok: true, message: "" });
  const initial = monitor ?? { id: "", name: "", dimension: "feature", kinds: ["anomaly", "cost_per_request"], minSpendUsd: "1", sensitivity: "medium" };
  // After a refusal the form shows what was typed (React resets a form once its action returns).
  const v = state.values ? { ...initial, ...state.values } : initial;
  const form = (
    <form key={JSON.stringify(state.values ?? null)} action={action} aria-label={mode === "create" ? "Create a monitor" : `Edit ${v.name}`} className="mt-3 flex flex-wrap items-end gap-4 text-sm">
      {mode === "edit" && <input type="hidden" name="id" value={v.id} />}
      <label className="flex flex-col text-xs text-slate-600">
        Name
        <input name="name" required defaultValue={v.name} placeholder="Spend per feature" className="mt-1 w-56 rounded-md border border-slate-300 px-2 py-1 text-sm" />
      </label>
      <label className="flex flex-col text-xs text-slate-600">
        Watch
        <select name="dimension" defaultValue={v.dimension} className="mt-1 rounded-md border border-slate-300 px-2 py-1 text-sm">
          {DIMENSIONS.map((d) => (
            <option key={d} value={d}>
              {d === "" ? "organization total" : `each ${d}`}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="flex flex-col gap-1 text-xs text-slate-600">
        <legend>Alert on</legend>
        {KINDS.map(([k, label]) => (
          <label key={k} className="flex items-center gap-1 text-sm text-slate-800">
            <input type="checkbox" name="kinds" value={k} defaultChecked={v.kinds.includes(k)} /> {label}
          </label>
        ))}
      </fieldset>
      <label className="flex flex-col text-xs text-slate-600">
        Min spend per day (USD)
        <input name="min_spend_usd" inputMode="decimal" defaultValue={v.minSpendUsd} className="mt-1 w-32 rounded-md border border-slate-300 px-2 py-1 text-sm" />
      </label>
      <label className="flex flex-col text-xs text-slate-600">
        Sensitivity
        <select name="sensitivity" defaultValue={v.sensitivity} className="mt-1 rounded-md border border-slate-300 px-2 py-1 text-sm">
          <option value="low">low</option>
          <option value="medium">medium</option>
          <option value="high">high</option>
        </select>
      </label>
      <button type="submit" disabled={pending} className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white disabled:opacity-60">
        {pending ? "Saving…" : mode === "create" ? "Create monitor" : "Save"}
      </button>
      {state.message && (
        <p role={state.ok ? "status" : "alert"} className={`w-full text-sm ${state.ok ? "text-emerald-700" : "text-red-700"}`}>
          {state.message}
        </p>
      )}
      {state.errors && (
        <ul role="alert" className="w-full list-disc pl-5 text-sm text-red-700">
          {state.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </form>
  );
  if (mode === "edit") return form;
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">Create a monitor</h2>
      {form}
    </section>
  );
}
