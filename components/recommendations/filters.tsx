import { RECOMMENDATION_KINDS, RECOMMENDATION_STATUSES } from "@/lib/recommendation-contract/candidate";
import type { ListFilter } from "@/lib/recommendations/store";

export const kindLabel = (k: string) => k.replace(/_/g, " ");

/** Plain GET form: the filters live in the URL, so a filtered view can be shared. */
export function RecommendationFilters({ filter }: { filter: ListFilter }) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-3 text-sm" aria-label="Filters">
      <label className="flex flex-col gap-1">
        <span className="text-xs text-slate-500">Kind</span>
        <select name="kind" defaultValue={filter.kind ?? ""} className="rounded-md border border-slate-300 px-2 py-1">
          <option value="">all</option>
          {RECOMMENDATION_KINDS.map((k) => (
            <option key={k} value={k}>{kindLabel(k)}</option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs text-slate-500">Status</span>
        <select name="status" defaultValue={filter.status ?? ""} className="rounded-md border border-slate-300 px-2 py-1">
          <option value="">all</option>
          {RECOMMENDATION_STATUSES.map((s) => (
            <option key={s} value={s}>{s}</option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs text-slate-500">Feature</span>
        <input name="feature" defaultValue={filter.feature ?? ""} className="rounded-md border border-slate-300 px-2 py-1" />
      </label>
      <button className="rounded-md border border-slate-300 px-3 py-1">Apply</button>
    </form>
  );
}
