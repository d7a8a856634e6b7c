"use client";

import { ActionForm } from "@/components/prices/action-form";
import type { BudgetConfig } from "@/lib/budgets/types";
import type { BudgetFormState } from "@/lib/budgets/form-result";
import { DIMENSIONS, type Dimension } from "@/lib/domain/event";

type Props = {
  action: (prev: BudgetFormState, form: FormData) => Promise<BudgetFormState>;
  budget?: BudgetConfig;
  values: Record<Dimension, string[]>;
  parents: { id: string; name: string }[];
  timezones: string[];
};

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const input = "mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

/** Create and edit a budget; the server validates every field again (lib/budgets/schema.ts). */
export function BudgetForm({ action, budget, values, parents, timezones }: Props) {
  return (
    <ActionForm
      action={action}
      submitLabel={budget ? "Save budget" : "Create budget"}
      className="grid max-w-3xl grid-cols-1 gap-4 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2"
      testId="budget-form"
    >
      {budget && <input type="hidden" name="id" value={budget.id} />}
      <label className="text-sm font-medium sm:col-span-2">
        Name
        <input name="name" required defaultValue={budget?.name} className={input} />
      </label>
      <fieldset className="sm:col-span-2">
        <legend className="text-sm font-medium">Scope (leave all on “any” for the whole organization)</legend>
        <div className="mt-1 grid grid-cols-2 gap-2 sm:grid-cols-4">
          {DIMENSIONS.map((d) => (
            <label key={d} className="text-xs text-slate-600">
              {d}
              <input name={`scope_${d}`} list={`values-${d}`} placeholder="any" defaultValue={budget?.scope[d] ?? ""} className={input} aria-label={`Scope ${d}`} />
              <datalist id={`values-${d}`}>
                {values[d].map((v) => (
                  <option key={v} value={v} />
                ))}
              </datalist>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="text-sm font-medium">
        Amount (USD)
        <input name="amount_usd" required inputMode="decimal" defaultValue={budget?.amountUsd} className={input} />
      </label>
      <label className="text-sm font-medium">
        Period
        <select name="period" defaultValue={budget?.period ?? "month"} className={input}>
          {["day", "week", "month", "quarter", "year"].map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        Time zone
        <input name="timezone" list="timezones" defaultValue={budget?.timezone ?? "UTC"} className={input} />
        <datalist id="timezones">
          {timezones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </label>
      <label className="text-sm font-medium">
        Fiscal year starts in (quarters, years)
        <select name="fiscal_year_start_month" defaultValue={budget?.fiscalYearStartMonth ?? 1} className={input}>
          {MONTHS.map((m, i) => (
            <option key={m} value={i + 1}>
              {m}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        Weeks start on
        <select name="week_starts_on" defaultValue={budget?.weekStartsOn ?? 1} className={input}>
          {WEEKDAYS.map((w, i) => (
            <option key={w} value={i}>
              {w}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        Thresholds (%)
        <input name="thresholds" defaultValue={(budget?.thresholds ?? [50, 75, 90, 100]).join(", ")} className={input} />
      </label>
      <label className="text-sm font-medium">
        Gateway check blocks at (%)
        <input name="block_at_percent" inputMode="numeric" defaultValue={budget?.blockAtPercent ?? 100} className={input} />
      </label>
      <label className="text-sm font-medium">
        Inside budget
        <select name="parent_id" defaultValue={budget?.parentId ?? ""} className={input}>
          <option value="">none</option>
          {parents.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium sm:col-span-2">
        Channels (ids, comma-separated; empty: routing rules decide)
        <input name="channels" defaultValue={budget?.channelIds.join(", ")} className={input} />
      </label>
      <label className="flex items-center gap-2 text-sm font-medium sm:col-span-2">
        <input type="checkbox" name="forecast_alerts" defaultChecked={budget?.forecastAlerts ?? true} />
        Also alert when the forecast crosses a threshold
      </label>
    </ActionForm>
  );
}
