import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { toApiAlert } from "@/lib/alerts/api-view";
import { isAlertId } from "@/lib/alerts/params";
import { seriesOf } from "@/lib/alerts/payload";
import { alertDeliveries, getAlert } from "@/lib/alerts/queries";
import { AutoRefresh } from "@/components/auto-refresh";
import { formatDateTime } from "@/components/format";
import { AlertActions } from "@/components/alerts/alert-actions";
import { KIND_LABEL, SeverityBadge, StateBadge, safePath, scopeText } from "@/components/alerts/badges";
import { CauseTable } from "@/components/alerts/cause-table";
import { Numbers } from "@/components/alerts/numbers";
import { SeriesChart } from "@/components/alerts/series-chart";
import { Timeline } from "@/components/alerts/timeline";
import { acknowledgeAction, resolveAction, snoozeAction } from "../actions";

export const metadata: Metadata = { title: "Alert" };

export default async function AlertPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("alerts.view");
  const { id } = await params;
  const found = isAlertId(id) ? await getAlert(user.orgId, id) : null;
  if (!found) notFound();
  const alert = toApiAlert(found.alert, found.timeline);
  const deliveries = await alertDeliveries(user.orgId, id);
  const series = seriesOf(found.alert);
  const source = safePath(alert.source.url);
  return (
    <div className="space-y-4">
      <AutoRefresh active={alert.state !== "resolved"} everyMs={15_000} />
      <Link href="/alerts" className="text-sm text-indigo-700 hover:underline">
        ← Alerts
      </Link>
      <div className="space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <SeverityBadge severity={alert.severity} />
          <StateBadge state={alert.state} />
          <span className="text-sm text-slate-500">{KIND_LABEL[alert.kind] ?? alert.kind}</span>
        </div>
        <h1 className="text-2xl font-semibold">{alert.title}</h1>
        <p className="text-sm text-slate-600">
          {scopeText(alert.scope)} · opened {formatDateTime(alert.opened_at)}
          {alert.acknowledged_by && ` · acknowledged by ${alert.acknowledged_by}`}
          {alert.resolved_at && ` · resolved ${formatDateTime(alert.resolved_at)}${alert.resolution === "auto" ? " (condition cleared)" : ` by ${alert.resolved_by}`}`}
          {alert.snoozed_until && ` · snoozed until ${formatDateTime(alert.snoozed_until)}: ${alert.snooze_reason}`}
          {source && (
            <>
              {" · "}
              <Link href={source} className="text-indigo-700 hover:underline">
                source
              </Link>
            </>
          )}
        </p>
      </div>
      {can(user.role, "alerts.act") && (
        <AlertActions id={alert.id} state={alert.state} acknowledge={acknowledgeAction} resolve={resolveAction} snooze={snoozeAction} />
      )}
      <Numbers numbers={alert.numbers} />
      {series.length > 0 && (
        <section className="rounded-xl border border-slate-200 bg-white p-4">
          <h2 className="font-semibold">Series and expected band</h2>
          <SeriesChart series={series} />
        </section>
      )}
      <section className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 className="font-semibold">Cause</h2>
        <CauseTable cause={alert.cause} />
      </section>
      <section className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 className="font-semibold">Timeline and deliveries</h2>
        <Timeline entries={alert.timeline ?? []} deliveries={deliveries} />
      </section>
    </div>
  );
}
