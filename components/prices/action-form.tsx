"use client";

import { useActionState, type ReactNode } from "react";

type State = { ok: boolean; message: string; errors?: string[] };

/** A form bound to a server action that answers with a message and per-field errors. */
export function ActionForm({
  action,
  submitLabel,
  children,
  className,
  testId,
}: {
  action: (prev: State, form: FormData) => Promise<State>;
  submitLabel: string;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  const [state, formAction, pending] = useActionState(action, { ok: true, message: "" });
  return (
    <form action={formAction} className={className} data-testid={testId}>
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
