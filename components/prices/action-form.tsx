"use client";

import { startTransition, useActionState, type FormEvent, type ReactNode } from "react";

type State = { ok: boolean; message: string; errors?: string[] };

/**
 * A form bound to a server action that answers with a message and per-field errors.
 *
 * `keepFields`: submit through onSubmit, so React does not reset the fields after the action (it does
 * for a form's `action`): a form refused for one field keeps everything typed, and fields whose
 * visibility follows a select stay in step with it. Forms that start empty again after a success
 * (adding one price after another) keep the default.
 */
export function ActionForm({
  action,
  submitLabel,
  children,
  className,
  testId,
  keepFields = false,
}: {
  action: (prev: State, form: FormData) => Promise<State>;
  submitLabel: string;
  children: ReactNode;
  className?: string;
  testId?: string;
  keepFields?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, { ok: true, message: "" });
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(() => formAction(form));
  };
  return (
    <form {...(keepFields ? { onSubmit } : { action: formAction })} className={className} data-testid={testId}>
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
