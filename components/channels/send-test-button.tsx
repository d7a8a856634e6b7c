"use client";

import { useActionState } from "react";
import type { FormState } from "./action-state";

/** A real send of a sample alert; the outcome (delivered, or the receiver's refusal in words) shows beside it. */
export function SendTestButton({ id, testChannelAction }: { id: string; testChannelAction: (prev: FormState, form: FormData) => Promise<FormState> }) {
  const [state, action, pending] = useActionState<FormState, FormData>(testChannelAction, { ok: true, message: "" });
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="text-slate-900 hover:underline disabled:opacity-60">
        {pending ? "Sending…" : "Send test"}
      </button>
      {state.message && (
        <span role="status" data-testid="test-outcome" className={`text-xs ${state.ok ? "text-emerald-700" : "text-red-700"}`}>
          {state.message}
        </span>
      )}
    </form>
  );
}
