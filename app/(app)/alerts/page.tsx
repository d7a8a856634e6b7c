import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/guard";
import { toApiAlert } from "@/lib/alerts/api-view";
import { parseAlertListParams } from "@/lib/alerts/params";
import { countAlertsByState, listAlerts } from "@/lib/alerts/queries";
import { AutoRefresh } from "@/components/auto-refresh";
import { AlertsTable } from "@/components/alerts/alerts-table";
import { AlertFilters } from "@/components/alerts/alert-filters";

export const metadata: Metadata = { title: "Alerts" };

const TABS = ["open", "acknowledged", "resolved"] as const;

export default async function AlertsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("alerts.view");
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(await searchParams)) if (typeof v === "string" && v && ["state", "kind", "severity", "cursor"].includes(k)) sp.set(k, v);
  if (!sp.has("state")) sp.set("state", "open");
  const parsed = parseAlertListParams(sp);
  const query = parsed.ok ? parsed.value : { state: "open" as const, limit: 50 };
  const [{ alerts, nextCursor }, counts] = await Promise.all([listAlerts(user.orgId, query), countAlertsByState(user.orgId)]);
  const link = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(sp);
    next.delete("cursor");
    for (const [k, v] of Object.entries(changes)) if (v === null) next.delete(k); else next.set(k, v);
    return `/alerts?${next.toString()}`;
  };
  return (
    <div className="space-y-4">
      <AutoRefresh active everyMs={15_000} />
      <div>
        <h1 className="text-2xl font-semibold">Alerts</h1>
        <p className="text-sm text-slate-500">Budgets and monitors open alerts here; the list refreshes itself every 15 seconds.</p>
      </div>
      <nav className="flex gap-1 border-b border-slate-200" aria-label="Alert state">
        {TABS.map((t) => (
          <Link
            key={t}
            href={link({ state: t })}
            aria-current={query.state === t ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-1.5 text-sm capitalize ${query.state === t ? "border-indigo-600 font-medium text-indigo-700" : "border-transparent text-slate-600"}`}
          >
            {t} ({counts[t]})
          </Link>
        ))}
      </nav>
      {!parsed.ok && <p className="text-sm text-red-700">{parsed.errors.join("; ")}</p>}
      <AlertFilters state={query.state ?? "open"} kind={query.kind ?? ""} severity={query.severity ?? ""} />
      <section className="rounded-xl border border-slate-200 bg-white p-4">
        <AlertsTable alerts={alerts.map((a) => toApiAlert(a))} now={new Date()} />
        {nextCursor && (
          <Link href={`${link({})}&cursor=${encodeURIComponent(nextCursor)}`} className="mt-3 inline-block text-sm text-indigo-700 hover:underline">
            Older alerts →
          </Link>
        )}
      </section>
    </div>
  );
}
