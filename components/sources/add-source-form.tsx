"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useActionState, useEffect, useState } from "react";
import { FormMessage } from "@/components/channels/form-state";
import { FORM_FIELDS, TYPE_LABELS } from "@/lib/sources/form-fields";
import { SOURCE_TYPES, type SourceType } from "@/lib/source-contract/collector";
import type { SourceFormState } from "./action-state";

const INPUT = "mt-1 rounded-md border border-slate-300 px-2 py-1 text-sm";
const LABEL = "flex flex-col text-xs text-slate-600";

/** Fields per type from lib/sources/form-fields; the server validates with the collector's own schema. */
export function AddSourceForm({ createSourceAction }: { createSourceAction: (prev: SourceFormState, form: FormData) => Promise<SourceFormState> }) {
  const [state, action, pending] = useActionState<SourceFormState, FormData>(createSourceAction, { ok: true, message: "" });
  const [type, setType] = useState<SourceType>("openai");
  const qc = useQueryClient();
  useEffect(() => {
    if (state.ok && state.id) void qc.invalidateQueries({ queryKey: ["sources"] });
  }, [state, qc]);
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">Add source</h2>
      <form action={action} className="mt-3 flex flex-wrap items-end gap-3 text-sm">
        <label className={LABEL}>
          Type
          <select name="type" value={type} onChange={(e) => setType(e.target.value as SourceType)} className={INPUT}>
            {SOURCE_TYPES.map((t) => (
              <option key={t} value={t}>
                {TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <label className={LABEL}>
          Name
          <input name="name" required maxLength={100} className={`${INPUT} w-48`} />
        </label>
        {FORM_FIELDS[type].map((f) => (
          <label key={`${type}-${f.name}`} className={LABEL} title={f.help}>
            {f.label}
            {f.kind === "select" ? (
              <select name={f.name} required={f.required} className={INPUT}>
                {f.options?.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            ) : (
              <input
                name={f.name}
                type={f.kind === "number" ? "text" : f.kind}
                inputMode={f.kind === "number" ? "numeric" : undefined}
                required={f.required}
                placeholder={f.placeholder}
                autoComplete={f.kind === "password" ? "new-password" : "off"}
                className={`${INPUT} ${f.kind === "number" ? "w-24" : "w-64"}`}
              />
            )}
          </label>
        ))}
        <button type="submit" disabled={pending} className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
          {pending ? "Adding…" : "Add source"}
        </button>
      </form>
      <FormMessage state={state} />
    </section>
  );
}
