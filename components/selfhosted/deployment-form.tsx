"use client";

import { useActionState } from "react";
import type { DeploymentFormState } from "@/lib/selfhosted/form";

const input = "mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

/** Adds a deployment; the server validates every field again (lib/selfhosted/deployment-schema.ts). */
export function DeploymentForm({ action }: { action: (prev: DeploymentFormState, form: FormData) => Promise<DeploymentFormState> }) {
  const [state, formAction, pending] = useActionState(action, { ok: true, message: "" });
  const v = state.values ?? {};
  return (
    <form action={formAction} className="grid grid-cols-1 gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-3" data-testid="deployment-form">
      <label className="text-sm font-medium">
        Name (the ledger provider of its events)
        <input name="name" defaultValue={v.name} required placeholder="llama-70b-prod" className={input} />
      </label>
      <label className="text-sm font-medium">
        Served model
        <input name="model" defaultValue={v.model} required placeholder="meta-llama/Llama-3.3-70B-Instruct" className={input} />
      </label>
      <label className="text-sm font-medium">
        USD per GPU-hour
        <input name="gpu_price_per_hour_usd" defaultValue={v.gpu_price_per_hour_usd} required inputMode="decimal" placeholder="2.49" className={input} />
      </label>
      <label className="text-sm font-medium">
        GPUs: DCGM label matchers
        <input name="match" defaultValue={v.match} required placeholder="hostname=gpu-node-1, pod=llama-0" className={input} />
      </label>
      <label className="text-sm font-medium">
        Serving endpoints (scrape source ids)
        <input name="endpoints" defaultValue={v.endpoints} placeholder="src_abc, src_def" className={input} />
      </label>
      <label className="text-sm font-medium">
        Pricing
        <select name="pricing_kind" className={input} defaultValue={v.pricing_kind || "on_demand"}>
          <option value="on_demand">on-demand</option>
          <option value="reserved">reserved</option>
          <option value="spot">spot</option>
        </select>
      </label>
      <label className="text-sm font-medium sm:col-span-3">
        Price per GPU model (optional JSON)
        <textarea name="gpu_pricing" defaultValue={v.gpu_pricing} rows={2} placeholder='{"NVIDIA H100 80GB HBM3": {"on_demand": "2.49", "reserved": "1.80", "spot": "1.10"}}' className={input} />
      </label>
      <div className="flex items-center gap-3 sm:col-span-3">
        <button type="submit" disabled={pending} className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
          Add deployment
        </button>
        {state.message && <span className={`text-sm ${state.ok ? "text-emerald-700" : "text-red-700"}`}>{state.message}</span>}
      </div>
      {state.errors && (
        <ul className="list-disc pl-5 text-sm text-red-700 sm:col-span-3" data-testid="form-errors">
          {state.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </form>
  );
}
