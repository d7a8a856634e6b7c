"use client";

import { startTransition, useActionState, type FormEvent, type ReactNode } from "react";
import type { SloFormState } from "@/lib/slos/form-result";

/**
 * The SLO form's frame: like components/prices/action-form, but submitted through onSubmit so React
 * does not reset the fields after the action: a form refused for one field keeps everything typed,
 * and the objective select stays in step with the fields it shows.
 */
export function SloActionForm({ action, submitLabel, children, className }: { action: (prev: SloFormState, form: FormData) => Promise<SloFormState>; submitLabel: string; children: ReactNode; className?: string }) {
  const [state, formAction, pending] = useActionState(action, { ok: true, message: "" });
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(() => formAction(form));
  };
  return (
    <form onSubmit={onSubmit} className={className} data-testid="slo-form">
      {children}
      <div className="col-span-full flex items-center gap-3">
        <button type="submit" disabled={pending} className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
          {pending ? "Saving…" : submitLabel}
        </button>
        {state.message && (
          <p role="status" className={`text-sm ${state.ok ? "text-emerald-700" : "text-red-700"}`}>
            {state.message}
          </p>
        )}
      </div>
      {state.errors && state.errors.length > 0 && (
        <ul role="alert" className="col-span-full list-disc pl-5 text-sm text-red-700">
          {state.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </form>
  );
}
