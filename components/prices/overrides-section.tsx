import { ActionForm } from "./action-form";
import type { OverrideFormState } from "./action-state";
import { ConfirmForm } from "@/components/confirm-form";
import { formatDateTime } from "@/components/format";
import type { OverrideRow } from "@/lib/pricing/overrides-match";

type Override = OverrideRow & { note: string };

const PRICE_FIELDS = [
  ["inputPerMtok", "Input"],
  ["cacheReadPerMtok", "Cache read"],
  ["cacheWrite5mPerMtok", "Cache write 5 min"],
  ["cacheWrite1hPerMtok", "Cache write 1 h"],
  ["outputPerMtok", "Output"],
] as const;

const input = "mt-1 w-full rounded-md border border-slate-300 px-2 py-1 text-sm";

export function OverridesSection({
  overrides,
  editable,
  prefill,
  createOverrideAction,
  deleteOverrideAction,
}: {
  overrides: Override[];
  editable: boolean;
  /** from "Add a price" next to an unpriced model */
  prefill?: { provider?: string; model?: string; effectiveFrom?: string };
  createOverrideAction: (prev: OverrideFormState, form: FormData) => Promise<OverrideFormState>;
  deleteOverrideAction: (form: FormData) => Promise<void>;
}) {
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">Price overrides</h2>
      {overrides.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">No overrides: every price comes from the catalog.</p>
      ) : (
        <table data-testid="overrides" className="mt-3 w-full text-sm">
          <thead>
            <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
              <th className="px-2 py-1 font-medium">Provider / model</th>
              <th className="px-2 py-1 font-medium">Effective from</th>
              {PRICE_FIELDS.map(([, label]) => (
                <th key={label} className="px-2 py-1 text-right font-medium">
                  {label}
                </th>
              ))}
              <th className="px-2 py-1 font-medium">Note</th>
              {editable && <th />}
            </tr>
          </thead>
          <tbody>
            {overrides.map((o) => (
              <tr key={o.id} className="border-t border-slate-100">
                <td className="px-2 py-1.5">
                  <code>
                    {o.provider}/{o.modelPattern}
                  </code>
                </td>
                <td className="px-2 py-1.5">{formatDateTime(o.effectiveFrom)}</td>
                {PRICE_FIELDS.map(([k]) => (
                  <td key={k} className="px-2 py-1.5 text-right tabular-nums">
                    {o[k] === null ? <span className="text-slate-400">catalog</span> : `$${o[k]}`}
                  </td>
                ))}
                <td className="px-2 py-1.5 text-slate-600">{o.note}</td>
                {editable && (
                  <td className="px-2 py-1.5 text-right">
                    <ConfirmForm
                      action={deleteOverrideAction}
                      id={o.id}
                      question={`Delete the override for ${o.provider}/${o.modelPattern}? Stored events from its effective date are re-costed with the catalog price.`}
                      title="Delete it and re-cost stored events from its effective date"
                    >
                      Delete
                    </ConfirmForm>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editable && (
        <>
          <h3 id="add-override" className="mt-6 scroll-mt-6 text-sm font-semibold">
            Add an override
          </h3>
          <p className="text-xs text-slate-500">
            USD per 1M tokens. Leave a bucket empty to keep the catalog&apos;s price for it. The model may use * as a wildcard (e.g.
            gpt-4o*); an exact name wins over a pattern, and the latest effective date wins. Deleting an override re-costs the events
            it priced.
          </p>
          <ActionForm
            key={`${prefill?.provider ?? ""}/${prefill?.model ?? ""}`}
            action={createOverrideAction}
            submitLabel="Save override"
            className="mt-3 grid gap-3 sm:grid-cols-3 lg:grid-cols-6"
          >
            <label className="text-xs text-slate-600">
              Provider
              <input name="provider" required placeholder="openai" defaultValue={prefill?.provider} className={input} />
            </label>
            <label className="text-xs text-slate-600">
              Model
              <input name="modelPattern" required placeholder="gpt-4o*" defaultValue={prefill?.model} className={input} />
            </label>
            <label className="text-xs text-slate-600">
              Effective from
              <input name="effectiveFrom" type="date" required defaultValue={prefill?.effectiveFrom} className={input} />
            </label>
            {PRICE_FIELDS.map(([k, label]) => (
              <label key={k} className="text-xs text-slate-600">
                {label}
                <input name={k} inputMode="decimal" placeholder="catalog" className={input} />
              </label>
            ))}
            <label className="text-xs text-slate-600 sm:col-span-2">
              Note
              <input name="note" placeholder="e.g. enterprise agreement 2026" className={input} />
            </label>
            <label className="flex items-center gap-2 self-end text-xs text-slate-600 sm:col-span-3">
              <input type="checkbox" name="recost" defaultChecked />
              Re-cost stored events from the effective date to now, so past spend uses this price
            </label>
          </ActionForm>
        </>
      )}
    </section>
  );
}
