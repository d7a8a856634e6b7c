import type { RecommendationStatus } from "@/lib/recommendation-contract/candidate";

const LABEL: Record<string, string> = { accepted: "Accept", implemented: "Mark implemented", dismissed: "Dismiss", open: "Reopen" };

/** The status changes allowed from here; dismissing asks why, implementing asks when (default today). */
export function StatusActions({ id, next, action }: { id: string; next: RecommendationStatus[]; action: (f: FormData) => Promise<void> }) {
  if (next.length === 0) return null;
  return (
    <section className="flex flex-wrap items-end gap-4 rounded-xl border border-slate-200 bg-white p-4 text-sm" aria-label="Status actions">
      {next.map((status) => (
        <form key={status} action={action} className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="status" value={status} />
          {status === "dismissed" && (
            <label className="flex flex-col gap-1">
              <span className="text-xs text-slate-500">Reason (required)</span>
              <input name="reason" required maxLength={1000} className="rounded-md border border-slate-300 px-2 py-1" />
            </label>
          )}
          {status === "implemented" && (
            <label className="flex flex-col gap-1">
              <span className="text-xs text-slate-500">Implemented on (UTC, default today)</span>
              <input type="date" name="implemented_on" className="rounded-md border border-slate-300 px-2 py-1" />
            </label>
          )}
          <button className={status === "dismissed" ? "rounded-md border border-slate-300 px-3 py-1" : "rounded-md bg-slate-900 px-3 py-1 font-medium text-white"}>{LABEL[status]}</button>
        </form>
      ))}
    </section>
  );
}
