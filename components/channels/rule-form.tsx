"use client";

import { useActionState } from "react";
import type { FormState } from "./action-state";
import { BUTTON, FormMessage, INPUT, LABEL } from "./form-state";
import { ScopeAndKindFields } from "./scope-kind-fields";

export function RuleForm({ channels, createRuleAction }: { channels: { id: string; name: string }[]; createRuleAction: (prev: FormState, form: FormData) => Promise<FormState> }) {
  const [state, action, pending] = useActionState<FormState, FormData>(createRuleAction, { ok: true, message: "" });
  return (
    <div>
      <form action={action} aria-label="Add routing rule" className="mt-3 flex flex-wrap items-end gap-3 text-sm">
        <label className={LABEL}>
          Channel
          <select name="channel_id" className={INPUT}>
            {channels.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className={LABEL}>
          Minimum severity
          <select name="min_severity" defaultValue="info" className={INPUT}>
            <option value="info">info</option>
            <option value="warning">warning</option>
            <option value="critical">critical</option>
          </select>
        </label>
        <ScopeAndKindFields scopeLabel="Scope (e.g. team=support; empty = any)" />
        <button type="submit" disabled={pending || channels.length === 0} className={BUTTON}>
          Add rule
        </button>
      </form>
      <FormMessage state={state} />
    </div>
  );
}
