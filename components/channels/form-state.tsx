"use client";

import type { FormState } from "./action-state";

export const INPUT = "mt-1 rounded-md border border-slate-300 px-2 py-1 text-sm";
export const LABEL = "flex flex-col text-xs text-slate-600";
export const BUTTON = "rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60";

export function FormMessage({ state }: { state: FormState }) {
  if (!state.message && !state.errors) return null;
  return (
    <div role="status" className={`mt-2 text-sm ${state.ok ? "text-emerald-700" : "text-red-700"}`}>
      {state.message}
      {state.errors && (
        <ul className="list-disc pl-5">
          {state.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
