import type { ApiTimelineEntry } from "@/lib/alerts/api-view";
import type { AlertDelivery } from "@/lib/alerts/queries";
import { formatDateTime } from "@/components/format";

type Row = { at: string; what: string; who: string; note: string; tone: string };

const LABEL: Record<string, string> = {
  opened: "Opened",
  escalated: "Escalated",
  renotified: "Sent again (not acknowledged)",
  acknowledged: "Acknowledged",
  resolved: "Resolved",
  auto_resolved: "Resolved: condition cleared",
  snoozed: "Snoozed",
  unsnoozed: "Snooze ended",
  reopened: "Reopened",
};

function note(t: ApiTimelineEntry): string {
  const d = t.detail;
  if (t.type === "snoozed") return `until ${formatDateTime(String(d.until))}: ${String(d.reason ?? "")}`;
  if (t.type === "escalated") {
    const to = d.to as { severity?: string; level?: number } | undefined;
    return to ? `to ${to.severity} (level ${to.level})` : "";
  }
  if (t.type === "opened" && d.previous_alert_id) return `again after alert ${String(d.previous_alert_id)}`;
  return "";
}

/** What happened to the alert and which notifications went where, in one list, oldest first. */
export function Timeline({ entries, deliveries }: { entries: ApiTimelineEntry[]; deliveries: AlertDelivery[] }) {
  const rows: Row[] = [
    ...entries.map((t) => ({ at: t.at, what: LABEL[t.type] ?? t.type, who: t.actor, note: note(t), tone: "text-slate-900" })),
    ...deliveries.map((d) => ({
      // Dates or ISO strings: delivery's log answers either, and both read the same here.
      at: new Date(d.sentAt ?? d.createdAt).toISOString(),
      what: `${d.event} → ${d.channelName} (${d.channelType})`,
      who: "delivery",
      note: `${d.status}${d.attempts > 1 ? ` after ${d.attempts} attempts` : ""}${d.lastError ? `: ${d.lastError}` : ""}`,
      tone: d.status === "failed" ? "text-red-700" : d.status === "pending" ? "text-amber-700" : "text-emerald-700",
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <ol data-testid="alert-timeline" className="mt-3 space-y-2 text-sm">
      {rows.map((r, i) => (
        <li key={i} className="flex flex-wrap gap-x-3">
          <span className="w-44 shrink-0 text-slate-500">{formatDateTime(r.at)}</span>
          <span className={`font-medium ${r.tone}`}>{r.what}</span>
          <span className="text-slate-600">{r.who}</span>
          {r.note && <span className="text-slate-500">{r.note}</span>}
        </li>
      ))}
    </ol>
  );
}
