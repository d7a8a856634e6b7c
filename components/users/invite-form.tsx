"use client";

import { useActionState } from "react";
import type { UserActionState } from "./action-state";
import { ROLES } from "@/lib/auth/roles";
import { OneTimeLink } from "./one-time-link";

export function InviteForm({ inviteAction }: { inviteAction: (prev: UserActionState, form: FormData) => Promise<UserActionState> }) {
  const [state, action, pending] = useActionState<UserActionState, FormData>(inviteAction, { ok: true, message: "" });
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">Invite someone</h2>
      <p className="text-xs text-slate-500">They get a one-time link where they choose their name and password. There is no email delivery: send the link yourself.</p>
      <form action={action} className="mt-3 flex flex-wrap items-end gap-4 text-sm">
        <label className="flex flex-col text-xs text-slate-600">
          Email
          <input name="email" type="email" required placeholder="ana@example.com" className="mt-1 w-64 rounded-md border border-slate-300 px-2 py-1 text-sm" />
        </label>
        <label className="flex flex-col text-xs text-slate-600">
          Role
          <select name="role" defaultValue="viewer" aria-label="Role of the invitee" className="mt-1 rounded-md border border-slate-300 px-2 py-1 text-sm">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={pending} className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white disabled:opacity-60">
          {pending ? "Creating…" : "Create invitation link"}
        </button>
      </form>
      {!state.ok && (
        <div role="alert" className="mt-2 text-sm text-red-700">
          <p>{state.message}</p>
          {state.errors && (
            <ul className="list-disc pl-5">
              {state.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {state.ok && state.link && <OneTimeLink path={state.link} message={state.message} />}
    </section>
  );
}
