import Link from "next/link";
import type { AuditRow } from "@/lib/audit/query";

/** The fields that differ between before and after, so a reader sees the change, not two blobs. */
function changes(before: unknown, after: unknown): { field: string; from: string; to: string }[] {
  const b = (before && typeof before === "object" ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === "object" ? after : {}) as Record<string, unknown>;
  const show = (v: unknown) => (v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => ({ field: k, from: before === null ? "" : show(b[k]), to: after === null ? "" : show(a[k]) }));
}

export function AuditTable({ rows, nextHref }: { rows: AuditRow[]; nextHref: string | null }) {
  if (rows.length === 0) return <p className="rounded border border-dashed border-slate-300 p-6 text-sm text-slate-500">No changes recorded for this filter.</p>;
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="min-w-full text-sm" data-testid="audit-table">
          <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
            <tr>
              <th className="px-3 py-2">When (UTC)</th>
              <th className="px-3 py-2">Who</th>
              <th className="px-3 py-2">What</th>
              <th className="px-3 py-2">Target</th>
              <th className="px-3 py-2">Change</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-t border-slate-100 align-top">
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">{r.at.replace("T", " ").slice(0, 19)}</td>
                <td className="px-3 py-2">{r.actor}</td>
                <td className="px-3 py-2 font-mono text-xs">{r.action}</td>
                <td className="px-3 py-2 text-xs">
                  {r.target_type} <span className="font-mono text-slate-500">{r.target_id}</span>
                </td>
                <td className="px-3 py-2 text-xs">
                  <ul className="space-y-0.5">
                    {changes(r.before, r.after).map((c) => (
                      <li key={c.field} className="break-all">
                        <span className="font-medium">{c.field}</span>: {c.from && <span className="text-rose-700 line-through">{c.from}</span>} {c.to && <span className="text-emerald-700">{c.to}</span>}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {nextHref && (
        <Link href={nextHref} className="text-sm text-sky-700 underline">
          Older entries
        </Link>
      )}
    </div>
  );
}
