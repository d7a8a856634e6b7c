import type { TimelineEntry } from "@/lib/recommendations/store";

const text = (e: TimelineEntry) =>
  e.type === "opened" ? "found" : e.type === "stale" ? "no longer found" : e.type === "refound" ? "found again" : `${e.from_status} → ${e.to_status}`;

export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <section className="space-y-2">
      <h2 className="text-lg font-semibold">Timeline</h2>
      <ol className="space-y-1 rounded-xl border border-slate-200 bg-white p-4 text-sm" data-testid="timeline">
        {entries.map((e, i) => (
          <li key={i}>
            <span className="tabular-nums text-slate-500">{e.at.slice(0, 16).replace("T", " ")} UTC</span> · {text(e)} · {e.actor}
            {e.note && <span className="text-slate-500"> — {e.note}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
