"use client";

import { useState } from "react";
import { ActionForm } from "@/components/prices/action-form";
import type { SloFormState } from "@/lib/slos/form-result";
import { OBJECTIVE_KINDS, type ObjectiveKind, type SloConfig } from "@/lib/slos/types";
import { KIND_LABELS } from "@/lib/slos/describe";
import { DIMENSIONS } from "@/lib/domain/event";

type Props = { action: (prev: SloFormState, form: FormData) => Promise<SloFormState>; slo?: SloConfig };

const input = "mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";
const THRESHOLD_LABEL: Partial<Record<ObjectiveKind, string>> = {
  cost_per_request: "Threshold: USD per request (a request is good at or under it)",
  cost_per_action: "Threshold: USD per action",
  latency_p95: "Threshold: milliseconds (a request is good at or under it)",
};
const TARGET_HINT: Record<ObjectiveKind, string> = {
  cost_per_request: "Target: % of requests that must be good, e.g. 99",
  cost_per_action: "Target: % of 5-minute slices whose cost per action is within the threshold, e.g. 99",
  latency_p95: "Target: % of requests within the threshold; 95 means p95 ≤ threshold",
  error_rate: "Target: % of requests without error, e.g. 99.5",
  cache_hit_rate: "Target: the application cache hit rate to hold, in %, e.g. 40",
};

/** Create and edit an SLO; the server validates every field again (lib/slos/schema.ts). */
export function SloForm({ action, slo }: Props) {
  const [kind, setKind] = useState<ObjectiveKind>(slo?.kind ?? "cost_per_request");
  return (
    <ActionForm keepFields testId="slo-form" action={action} submitLabel={slo ? "Save SLO" : "Create SLO"} className="grid max-w-3xl grid-cols-1 gap-4 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2">
      {slo && <input type="hidden" name="id" value={slo.id} />}
      <label className="text-sm font-medium sm:col-span-2">
        Name
        <input name="name" required defaultValue={slo?.name} className={input} />
      </label>
      <fieldset className="sm:col-span-2">
        <legend className="text-sm font-medium">Scope (usually a feature; leave all empty for the whole organization)</legend>
        <div className="mt-1 grid grid-cols-2 gap-2 sm:grid-cols-4">
          {DIMENSIONS.map((d) => (
            <label key={d} className="text-xs text-slate-600">
              {d}
              <input name={`scope_${d}`} placeholder="any" defaultValue={slo?.scope[d] ?? ""} className={input} aria-label={`Scope ${d}`} />
            </label>
          ))}
        </div>
      </fieldset>
      <label className="text-sm font-medium">
        Objective
        <select name="objective" value={kind} onChange={(e) => setKind(e.target.value as ObjectiveKind)} className={input}>
          {OBJECTIVE_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      {THRESHOLD_LABEL[kind] ? (
        <label className="text-sm font-medium">
          {THRESHOLD_LABEL[kind]}
          <input name="threshold" inputMode="decimal" defaultValue={slo?.threshold} className={input} />
        </label>
      ) : (
        <div />
      )}
      {kind === "cost_per_action" && (
        <label className="text-sm font-medium sm:col-span-2">
          Action (the tags.action value your application sends, e.g. ticket_resolved)
          <input name="action" defaultValue={slo?.action} className={input} />
        </label>
      )}
      <label className="text-sm font-medium">
        {TARGET_HINT[kind]}
        <input name="target" inputMode="decimal" required defaultValue={slo?.target ?? (kind === "latency_p95" ? 95 : 99)} className={input} />
      </label>
      <label className="text-sm font-medium">
        Window
        <select name="window" defaultValue={slo?.windowType ?? "rolling"} className={input}>
          <option value="rolling">rolling N days</option>
          <option value="calendar_month">calendar month (UTC)</option>
        </select>
      </label>
      <label className="text-sm font-medium">
        Days (rolling window)
        <input name="window_days" inputMode="numeric" defaultValue={slo?.windowDays ?? 30} className={input} />
      </label>
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" name="enabled" defaultChecked={slo?.enabled ?? true} />
        Enabled (evaluated, burn-rate alerts)
      </label>
    </ActionForm>
  );
}
