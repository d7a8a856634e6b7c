"use client";

import { useActionState, useState } from "react";
import type { FormState } from "./action-state";
import { BUTTON, FormMessage, INPUT, LABEL } from "./form-state";

/** Fields per type; the server validates them with the same schema as the API. */
export function CreateChannelForm({ createChannelAction }: { createChannelAction: (prev: FormState, form: FormData) => Promise<FormState> }) {
  const [state, action, pending] = useActionState<FormState, FormData>(createChannelAction, { ok: true, message: "" });
  const [type, setType] = useState("slack");
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">Add a channel</h2>
      <form action={action} className="mt-3 flex flex-wrap items-end gap-3 text-sm">
        <label className={LABEL}>
          Type
          <select name="type" value={type} onChange={(e) => setType(e.target.value)} className={INPUT}>
            <option value="slack">Slack incoming webhook</option>
            <option value="pagerduty">PagerDuty (Events API v2)</option>
            <option value="webhook">Webhook (Standard Webhooks, signed)</option>
            <option value="email">Email (SMTP)</option>
          </select>
        </label>
        <label className={LABEL}>
          Name
          <input name="name" required className={`${INPUT} w-48`} />
        </label>
        {(type === "slack" || type === "webhook") && (
          <label className={LABEL}>
            URL
            <input name="url" required type="url" placeholder={type === "slack" ? "https://hooks.slack.com/services/…" : "https://…"} className={`${INPUT} w-80`} />
          </label>
        )}
        {type === "pagerduty" && (
          <>
            <label className={LABEL}>
              Routing key
              <input name="routing_key" required autoComplete="off" className={`${INPUT} w-64`} />
            </label>
            <label className={LABEL}>
              Events URL (optional)
              <input name="url" type="url" placeholder="https://events.pagerduty.com/v2/enqueue" className={`${INPUT} w-72`} />
            </label>
          </>
        )}
        {type === "email" && (
          <>
            <label className={LABEL}>
              SMTP host
              <input name="host" required className={`${INPUT} w-40`} />
            </label>
            <label className={LABEL}>
              Port
              <input name="port" inputMode="numeric" placeholder="587" className={`${INPUT} w-20`} />
            </label>
            <label className="flex items-center gap-1 text-xs text-slate-600">
              <input type="checkbox" name="secure" /> TLS from the start (465)
            </label>
            <label className={LABEL}>
              User
              <input name="user" autoComplete="off" className={`${INPUT} w-32`} />
            </label>
            <label className={LABEL}>
              Password
              <input name="password" type="password" autoComplete="new-password" className={`${INPUT} w-32`} />
            </label>
            <label className={LABEL}>
              From
              <input name="from" required type="email" className={`${INPUT} w-48`} />
            </label>
            <label className={LABEL}>
              To (comma-separated)
              <input name="to" required className={`${INPUT} w-64`} />
            </label>
          </>
        )}
        <button type="submit" disabled={pending} className={BUTTON}>
          {pending ? "Adding…" : "Add channel"}
        </button>
      </form>
      <FormMessage state={state} />
      {state.secret && (
        <div className="mt-3 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm">
          <p className="font-medium text-emerald-900">Signing secret: copy it now, it will not be shown again. Receivers verify <code>webhook-signature</code> with it.</p>
          <code data-testid="new-signing-secret" className="mt-2 block select-all break-all rounded bg-white px-2 py-1 font-mono">
            {state.secret}
          </code>
        </div>
      )}
    </section>
  );
}
