import type { ComponentProps } from "react";
import { ActionForm } from "./action-form";
import { AutoRefresh } from "@/components/auto-refresh";
import { formatDateTime, formatInt } from "@/components/format";

const STATUS_STYLE: Record<string, string> = {
  queued: "bg-slate-100 text-slate-700",
  running: "bg-sky-100 text-sky-800",
  done: "bg-emerald-100 text-emerald-800",
  failed: "bg-red-100 text-red-800",
};

type Job = { id: string; fromTs: Date; toTs: Date; status: string; reason: string; eventsScanned: number; eventsChanged: number; error: string | null; createdAt: Date; finishedAt: Date | null; worker: string | null; attempts: number; nextAttemptAt: Date | null };

type Props = { jobs: Job[]; maxAttempts: number; editable: boolean; recostAction: ComponentProps<typeof ActionForm>["action"] };

export function RecostJobs({ jobs, maxAttempts, editable, recostAction }: Props) {
  const pending = jobs.some((j) => j.status === "queued" || j.status === "running");
  const today = new Date();
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return (
    <section data-testid="recost-jobs" className="rounded-xl border border-slate-200 bg-white p-4">
      <AutoRefresh active={pending} />
      <h2 className="font-semibold">Re-costs</h2>
      <p className="text-xs text-slate-500">
        A re-cost prices stored events again with today&apos;s catalog and overrides; dashboard totals move by exactly the difference.
      </p>
      {editable && (
        <ActionForm action={recostAction} submitLabel="Re-cost this range" className="mt-3 flex flex-wrap items-end gap-3">
          <label className="text-xs text-slate-600">
            From
            <input
              name="from"
              type="date"
              required
              defaultValue={day(new Date(today.getTime() - 29 * 86_400_000))}
              className="mt-1 block rounded-md border border-slate-300 px-2 py-1 text-sm"
            />
          </label>
          <label className="text-xs text-slate-600">
            To (inclusive)
            <input name="to" type="date" required defaultValue={day(today)} className="mt-1 block rounded-md border border-slate-300 px-2 py-1 text-sm" />
          </label>
        </ActionForm>
      )}
      {jobs.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">No re-costs yet.</p>
      ) : (
        <table className="mt-3 w-full text-sm">
          <thead>
            <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
              <th className="px-2 py-1 font-medium">Requested</th>
              <th className="px-2 py-1 font-medium">Range</th>
              <th className="px-2 py-1 font-medium">Status</th>
              <th className="px-2 py-1 text-right font-medium">Events scanned</th>
              <th className="px-2 py-1 text-right font-medium">Re-priced</th>
              <th className="px-2 py-1 font-medium">Why</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((j) => (
              <tr key={j.id} className="border-t border-slate-100">
                <td className="px-2 py-1.5">{formatDateTime(j.createdAt)}</td>
                <td className="px-2 py-1.5">
                  {formatDateTime(j.fromTs)} → {formatDateTime(j.toTs)}
                </td>
                <td className="px-2 py-1.5">
                  <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLE[j.status] ?? ""}`}>{j.status}</span>
                  {j.status === "queued" && j.nextAttemptAt && (
                    <span className="mt-0.5 block text-xs text-amber-700" title="the last run failed; the job runs again from the start of its range, skipping events already re-costed">
                      attempt {j.attempts} failed; retry {j.attempts + 1} of {maxAttempts} at {formatDateTime(j.nextAttemptAt)}
                    </span>
                  )}
                  {j.status === "running" && j.attempts > 1 && <span className="mt-0.5 block text-xs text-slate-500">attempt {j.attempts} of {maxAttempts}</span>}
                  {j.worker && <span className="mt-0.5 block text-xs text-slate-500" title="the worker process holding this organization's re-cost lease">on {j.worker}</span>}
                  {j.error && <span className="mt-0.5 block max-w-xs truncate text-xs text-red-700" title={j.error}>{j.error}</span>}
                </td>
                <td className="px-2 py-1.5 text-right tabular-nums">{formatInt(j.eventsScanned)}</td>
                <td className="px-2 py-1.5 text-right tabular-nums">{formatInt(j.eventsChanged)}</td>
                <td className="px-2 py-1.5 text-slate-600">{j.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
