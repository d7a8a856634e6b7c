import { ALERT_KINDS, SEVERITIES } from "@/lib/alert-contract/condition";
import { KIND_LABEL } from "./badges";

/** A plain GET form: the filters live in the URL, so a view can be shared and survives the auto-refresh. */
export function AlertFilters({ state, kind, severity }: { state: string; kind: string; severity: string }) {
  return (
    <form method="get" action="/alerts" className="flex flex-wrap items-end gap-3 text-sm">
      <input type="hidden" name="state" value={state} />
      <label className="flex flex-col">
        <span className="text-xs text-slate-500">Severity</span>
        <select name="severity" defaultValue={severity} className="rounded border border-slate-300 px-2 py-1">
          <option value="">any</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        <span className="text-xs text-slate-500">Kind</span>
        <select name="kind" defaultValue={kind} className="rounded border border-slate-300 px-2 py-1">
          <option value="">any</option>
          {ALERT_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded-md border border-slate-300 px-3 py-1">
        Filter
      </button>
    </form>
  );
}
