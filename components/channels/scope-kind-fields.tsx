import { ALERT_KINDS } from "@/lib/alert-contract/condition";
import { INPUT, LABEL } from "./form-state";

/** The scope and alert-kind fields that routing rules and silences both match alerts by. */
export function ScopeAndKindFields({ scopeLabel }: { scopeLabel: string }) {
  return (
    <>
      <fieldset className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
        <legend className="sr-only">Kinds (none = any)</legend>
        {ALERT_KINDS.map((k) => (
          <label key={k} className="flex items-center gap-1">
            <input type="checkbox" name="kinds" value={k} /> {k}
          </label>
        ))}
      </fieldset>
      <label className={LABEL}>
        {scopeLabel}
        <input name="scope" className={`${INPUT} w-56`} />
      </label>
    </>
  );
}
