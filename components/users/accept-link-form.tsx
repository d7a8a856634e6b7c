"use client";

import Link from "next/link";
import { useActionState } from "react";
import type { AcceptState } from "./action-state";

export function AcceptLinkForm({
  token,
  askName,
  acceptLinkAction,
}: {
  token: string;
  askName: boolean;
  acceptLinkAction: (prev: AcceptState, form: FormData) => Promise<AcceptState>;
}) {
  const [state, action, pending] = useActionState<AcceptState, FormData>(acceptLinkAction, { ok: false, message: "" });
  if (state.ok) {
    return (
      <div role="status" className="mt-6 space-y-3 text-sm">
        <p className="rounded-md bg-emerald-50 px-3 py-2 text-emerald-900">{state.message}</p>
        <Link href="/signin" className="inline-block rounded-md bg-slate-900 px-3 py-2 font-medium text-white">
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="mt-6 space-y-4">
      <input type="hidden" name="token" value={token} />
      {askName && (
        <label className="block text-sm font-medium">
          Name
          <input name="name" required maxLength={100} autoComplete="name" className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
        </label>
      )}
      <label className="block text-sm font-medium">
        Password
        <input name="password" type="password" required minLength={8} autoComplete="new-password" className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
      </label>
      <label className="block text-sm font-medium">
        Repeat password
        <input name="confirm" type="password" required minLength={8} autoComplete="new-password" className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
      </label>
      {state.message && (
        <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          <p>{state.message}</p>
          {state.errors?.map((e) => (
            <p key={e}>{e}</p>
          ))}
        </div>
      )}
      <button type="submit" disabled={pending} className="w-full rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white disabled:opacity-60">
        {pending ? "Saving…" : askName ? "Create my account" : "Save the new password"}
      </button>
    </form>
  );
}
