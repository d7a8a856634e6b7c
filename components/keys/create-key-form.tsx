"use client";

import { useActionState } from "react";
import type { CreateKeyState } from "./action-state";
import { CopyButton } from "./copy-button";
import { DEFAULT_LIMITS } from "@/lib/auth/key-limit-defaults";

export function CreateKeyForm({ createKeyAction }: { createKeyAction: (prev: CreateKeyState, form: FormData) => Promise<CreateKeyState> }) {
  const [state, action, pending] = useActionState<CreateKeyState, FormData>(createKeyAction, { ok: true, message: "" });
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">Create a key</h2>
      <form action={action} className="mt-3 flex flex-wrap items-end gap-4 text-sm">
        <label className="flex flex-col text-xs text-slate-600">
          Name
          <input name="name" required placeholder="support-bot production" className="mt-1 w-64 rounded-md border border-slate-300 px-2 py-1 text-sm" />
        </label>
        <fieldset className="flex flex-wrap items-center gap-3">
          <legend className="sr-only">Scopes</legend>
          <label className="flex items-center gap-1">
            <input type="checkbox" name="scopes" value="ingest" defaultChecked /> Ingest <span className="text-xs text-slate-500">(send usage events)</span>
          </label>
          <label className="flex items-center gap-1">
            <input type="checkbox" name="scopes" value="read" /> Read <span className="text-xs text-slate-500">(query spend, budgets, alerts)</span>
          </label>
          <label className="flex items-center gap-1">
            <input type="checkbox" name="scopes" value="manage" /> Manage <span className="text-xs text-slate-500">(change budgets, monitors, channels)</span>
          </label>
        </fieldset>
        <label className="flex flex-col text-xs text-slate-600">
          Requests per minute
          <input name="requestsPerMinute" inputMode="numeric" placeholder={`default ${DEFAULT_LIMITS.requestsPerMinute.toLocaleString("en-US")}`} className="mt-1 w-40 rounded-md border border-slate-300 px-2 py-1 text-sm" />
        </label>
        <label className="flex flex-col text-xs text-slate-600">
          Events per day
          <input name="eventsPerDay" inputMode="numeric" placeholder={`default ${DEFAULT_LIMITS.eventsPerDay.toLocaleString("en-US")}`} className="mt-1 w-44 rounded-md border border-slate-300 px-2 py-1 text-sm" />
        </label>
        <button type="submit" disabled={pending} className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white disabled:opacity-60">
          {pending ? "Creating…" : "Create key"}
        </button>
      </form>
      {state.errors && (
        <ul role="alert" className="mt-2 list-disc pl-5 text-sm text-red-700">
          {state.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {state.key && (
        <div className="mt-4 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm">
          <p className="font-medium text-emerald-900">{state.message} Copy it now: it will not be shown again.</p>
          <div className="mt-2 flex items-start gap-2">
            {/* Only the key inside this element: scripts and tests read it whole. */}
            <code data-testid="new-api-key" className="block flex-1 select-all break-all rounded bg-white px-2 py-1 font-mono">
              {state.key}
            </code>
            <CopyButton value={state.key} />
          </div>
          <p className="mt-2 text-xs text-emerald-900">
            Send it as <code>Authorization: Bearer &lt;key&gt;</code>. Only a hash is stored, so a lost key cannot be recovered: revoke it and
            create another.
          </p>
        </div>
      )}
    </section>
  );
}
