"use client";

import { useActionState } from "react";
import type { FormState } from "./action-state";
import { BUTTON, FormMessage, INPUT, LABEL } from "./form-state";
import { ScopeAndKindFields } from "./scope-kind-fields";

export function SilenceForm({ createSilenceAction }: { createSilenceAction: (prev: FormState, form: FormData) => Promise<FormState> }) {
  const [state, action, pending] = useActionState<FormState, FormData>(createSilenceAction, { ok: true, message: "" });
  return (
    <div>
      <form action={action} aria-label="Add silence" className="mt-3 flex flex-wrap items-end gap-3 text-sm">
        <ScopeAndKindFields scopeLabel="Scope (e.g. feature=search; empty = all)" />
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
