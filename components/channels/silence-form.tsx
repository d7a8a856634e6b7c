"use client";

import { useActionState } from "react";
import { createSilenceAction, type FormState } from "@/app/(app)/settings/channels/actions";
import { ALERT_KINDS } from "@/lib/alert-contract/condition";
import { BUTTON, FormMessage, INPUT, LABEL } from "./form-state";

export function SilenceForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(createSilenceAction, { ok: true, message: "" });
  return (
    <div>
      <form action={action} aria-label="Add silence" className="mt-3 flex flex-wrap items-end gap-3 text-sm">
        <label className={LABEL}>
          Scope (e.g. feature=search; empty = all)
          <input name="scope" className={`${INPUT} w-56`} />
        </label>
        <fieldset className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
          <legend className="sr-only">Kinds (none = any)</legend>
          {ALERT_KINDS.map((k) => (
            <label key={k} className="flex items-center gap-1">
              <input type="checkbox" name="kinds" value={k} /> {k}
            </label>
          ))}
        </fieldset>
        <label className={LABEL}>
          Reason
          <input name="reason" required className={`${INPUT} w-56`} />
        </label>
        <label className={LABEL}>
          For (hours)
          <input name="hours" required inputMode="decimal" defaultValue="4" className={`${INPUT} w-20`} />
        </label>
        <button type="submit" disabled={pending} className={BUTTON}>
          Add silence
        </button>
      </form>
      <FormMessage state={state} />
    </div>
  );
}
