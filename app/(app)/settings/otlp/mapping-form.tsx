"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/channels/form-state";
import { saveMappingAction, type MappingState } from "./actions";

type Mapping = Record<string, string[]>;

/** The attribute keys per dimension, comma-separated, first present wins. */
export function MappingForm({ mapping, defaults }: { mapping: Mapping; defaults: Mapping }) {
  const [state, action, pending] = useActionState<MappingState, FormData>(saveMappingAction, { ok: true, message: "" });
  return (
    <form action={action} data-testid="otlp-mapping" className="space-y-3">
      {Object.keys(defaults).map((d) => (
        <label key={d} className="grid grid-cols-[8rem_1fr] items-center gap-3 text-sm">
          <span className="font-medium capitalize">{d}</span>
          <span className="flex flex-col">
            <input name={d} defaultValue={mapping[d].join(", ")} className="rounded border border-slate-300 px-2 py-1 font-mono text-xs" aria-label={`${d} attributes`} />
            <span className="text-xs text-slate-500">default: {defaults[d].join(", ") || "none"}</span>
          </span>
        </label>
      ))}
      <button type="submit" disabled={pending} className="rounded bg-slate-900 px-3 py-1.5 text-sm text-white disabled:opacity-60">
        Save mapping
      </button>
      <FormMessage state={state} />
    </form>
  );
}
