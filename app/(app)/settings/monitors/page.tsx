import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { listMonitors, monitorRuns } from "@/lib/monitors/store";
import { ConfirmForm } from "@/components/confirm-form";
import { formatDateTime } from "@/components/format";
import { MonitorForm } from "@/components/monitors/monitor-form";
import { createMonitorAction, deleteMonitorAction, setMonitorEnabledAction, updateMonitorAction } from "./actions";

export const metadata: Metadata = { title: "Monitors" };

const KIND_LABEL: Record<string, string> = { anomaly: "spend anomaly", cost_per_request: "cost per request", runaway: "runaway requests" };

export default async function MonitorsPage() {
  const user = await requirePermission("alerts.view");
  const manage = can(user.role, "alerting.manage");
  const [monitors, runs] = await Promise.all([listMonitors(user.orgId), monitorRuns(user.orgId)]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Monitors</h1>
        <p className="text-sm text-slate-500">
          Monitors watch live spend, the hour in progress included, about every 15 seconds: spend above its expected band, cost per request up
          while traffic is flat, and single requests costing many times their feature&apos;s norm. A monitor on a dimension watches each of its
          values as its own series; series spending less per day than the minimum are ignored.
          {manage ? "" : " Your role can read monitors; admins and engineers change them."}
        </p>
      </div>
      {manage && <MonitorForm mode="create" action={createMonitorAction} />}
      <section className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 className="font-semibold">Monitors</h2>
        {monitors.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">No monitors yet. The defaults are created at the first evaluation.</p>
        ) : (
          <table data-testid="monitors" className="mt-3 w-full text-sm">
            <thead>
              <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
                <th className="px-2 py-1 font-medium">Name</th>
                <th className="px-2 py-1 font-medium">Watches</th>
                <th className="px-2 py-1 font-medium">Kinds</th>
                <th className="px-2 py-1 font-medium">Min spend / day</th>
                <th className="px-2 py-1 font-medium">Sensitivity</th>
                <th className="px-2 py-1 font-medium">State</th>
                <th className="px-2 py-1 font-medium">Series watched</th>
                <th className="px-2 py-1 font-medium">Last evaluated</th>
                {manage && <th />}
              </tr>
            </thead>
            <tbody>
              {monitors.map((m) => {
                const run = runs.get(m.id);
                return (
                  <tr key={m.id} data-monitor={m.name} className="border-t border-slate-100 align-top">
                    <td className="px-2 py-1.5 font-medium">{m.name}</td>
                    <td className="px-2 py-1.5">{m.dimension === "" ? "organization total" : `each ${m.dimension}`}</td>
                    <td className="px-2 py-1.5">{m.kinds.map((k) => KIND_LABEL[k] ?? k).join(", ")}</td>
                    <td className="px-2 py-1.5">${m.minSpendUsdExact}</td>
                    <td className="px-2 py-1.5">{m.sensitivity}</td>
                    <td className={`px-2 py-1.5 ${m.enabled ? "text-emerald-700" : "text-slate-500"}`}>{m.enabled ? "enabled" : "disabled"}</td>
                    <td className="px-2 py-1.5">{run ? run.seriesWatched : "—"}</td>
                    <td className="px-2 py-1.5">
                      {run ? formatDateTime(run.evaluatedAt) : "not yet"}
                      {run?.error && <div className="text-xs text-red-700">failed: {run.error}</div>}
                    </td>
                    {manage && (
                      <td className="space-y-1 px-2 py-1.5 text-right">
                        <form action={setMonitorEnabledAction}>
                          <input type="hidden" name="id" value={m.id} />
                          <input type="hidden" name="enabled" value={m.enabled ? "false" : "true"} />
                          <button type="submit" className="text-slate-700 hover:underline">
                            {m.enabled ? "Disable" : "Enable"}
                          </button>
                        </form>
                        <details className="text-left">
                          <summary className="cursor-pointer text-right text-slate-700 hover:underline">Edit</summary>
                          <MonitorForm mode="edit" monitor={{ id: m.id, name: m.name, dimension: m.dimension, kinds: m.kinds, minSpendUsd: m.minSpendUsdExact, sensitivity: m.sensitivity }} action={updateMonitorAction} />
                        </details>
                        <ConfirmForm action={deleteMonitorAction} id={m.id} question={`Delete the monitor "${m.name}"? Its open alerts clear at the next evaluation.`}>
                          Delete
                        </ConfirmForm>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
