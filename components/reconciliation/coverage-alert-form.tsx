type Action = (form: FormData) => Promise<void>;

/** The organization's coverage alert threshold (empty = off). */
export function CoverageAlertForm({ threshold, editable, save }: { threshold: number | null; editable: boolean; save: Action }) {
  if (!editable) {
    return (
      <p className="text-sm text-slate-500" data-testid="coverage-alert">
        Coverage alert: {threshold === null ? "off" : `below ${threshold}% of the last complete day's bill`}
      </p>
    );
  }
  return (
    <form action={save} className="flex items-end gap-2 text-sm" data-testid="coverage-alert">
      <label className="flex flex-col gap-1">
        Alert when coverage of the last complete day falls below (%)
        <input name="threshold_percent" type="number" min={1} max={100} defaultValue={threshold ?? ""} placeholder="off" className="w-28 rounded-md border border-slate-300 px-2 py-1" />
      </label>
      <button className="rounded-md border border-slate-300 px-3 py-1.5 font-medium">Save</button>
    </form>
  );
}
