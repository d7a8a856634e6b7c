"use client";

import { useActionState } from "react";
import { ROLES, type Role } from "@/lib/auth/roles";
import type { UserActionState } from "./action-state";
import { OneTimeLink } from "./one-time-link";

type Action = (prev: UserActionState, form: FormData) => Promise<UserActionState>;

/** The server actions a user's row runs, passed down from the page. */
export type UserRowActions = { setRoleAction: Action; setDisabledAction: Action; resetLinkAction: Action };

const idle: UserActionState = { ok: true, message: "" };

function Outcome({ state }: { state: UserActionState }) {
  if (!state.message || state.link) return null;
  return (
    <p role={state.ok ? "status" : "alert"} className={`mt-1 text-xs ${state.ok ? "text-emerald-700" : "text-red-700"}`}>
      {state.message}
    </p>
  );
}

/** Role, status and password reset for one user; every rule is enforced again by the server action. */
export function UserActions({
  id,
  email,
  role,
  disabled,
  actions: { setRoleAction, setDisabledAction, resetLinkAction },
}: {
  id: string;
  email: string;
  role: Role;
  disabled: boolean;
  actions: UserRowActions;
}) {
  const [roleState, roleAction, rolePending] = useActionState(setRoleAction, idle);
  const [statusState, statusAction, statusPending] = useActionState(setDisabledAction, idle);
  const [resetState, resetAction, resetPending] = useActionState(resetLinkAction, idle);
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center justify-end gap-2">
        <form action={roleAction} className="flex items-center gap-1">
          <input type="hidden" name="id" value={id} />
          <select name="role" defaultValue={role} aria-label={`Role of ${email}`} className="rounded-md border border-slate-300 px-1.5 py-0.5 text-sm">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          <button type="submit" disabled={rolePending} className="rounded-md border border-slate-300 px-2 py-0.5 hover:bg-slate-50 disabled:opacity-60">
            Save role
          </button>
        </form>
        <form
          action={statusAction}
          onSubmit={(e) => {
            if (!disabled && !window.confirm(`Disable ${email}? Their sessions end at once.`)) e.preventDefault();
          }}
        >
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="disabled" value={disabled ? "0" : "1"} />
          <button type="submit" disabled={statusPending} className={`rounded-md border px-2 py-0.5 disabled:opacity-60 ${disabled ? "border-emerald-400 text-emerald-800" : "border-red-300 text-red-700"}`}>
            {disabled ? "Enable" : "Disable"}
          </button>
        </form>
        <form action={resetAction}>
          <input type="hidden" name="id" value={id} />
          <button type="submit" disabled={resetPending} className="rounded-md border border-slate-300 px-2 py-0.5 hover:bg-slate-50 disabled:opacity-60">
            Reset password
          </button>
        </form>
      </div>
      <Outcome state={roleState} />
      <Outcome state={statusState} />
      <Outcome state={resetState} />
      {resetState.ok && resetState.link && <OneTimeLink path={resetState.link} message={resetState.message} />}
    </div>
  );
}
