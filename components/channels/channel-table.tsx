import { ConfirmForm } from "@/components/confirm-form";
import { formatDateTime } from "@/components/format";
import type { ChannelView } from "@/lib/delivery/types";
import type { DeliveryRow } from "@/lib/delivery/log";
import type { FormState } from "./action-state";
import { SendTestButton } from "./send-test-button";

const STATUS_CLASS = { sent: "text-emerald-700", pending: "text-amber-700", failed: "text-red-700" } as const;

type Log = (DeliveryRow & { alertTitle: string })[];

/** The server actions a channel's row runs, passed down from the page. */
export type ChannelRowActions = {
  testChannelAction: (prev: FormState, form: FormData) => Promise<FormState>;
  toggleChannelAction: (form: FormData) => Promise<void>;
  deleteChannelAction: (form: FormData) => Promise<void>;
};

/** Channels with their last outcome, and each one's delivery log folded under it. */
export function ChannelTable({
  channels,
  logs,
  canManage,
  actions: { testChannelAction, toggleChannelAction, deleteChannelAction },
}: {
  channels: ChannelView[];
  logs: Record<string, Log>;
  canManage: boolean;
  actions: ChannelRowActions;
}) {
  if (channels.length === 0) return <p className="mt-2 text-sm text-slate-500">No channels yet. Without one, alerts are shown in the product only.</p>;
  return (
    <table data-testid="channels" className="mt-3 w-full text-sm">
      <thead>
        <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
          <th className="px-2 py-1 font-medium">Type</th>
          <th className="px-2 py-1 font-medium">Name</th>
          <th className="px-2 py-1 font-medium">Destination</th>
          <th className="px-2 py-1 font-medium">State</th>
          <th className="px-2 py-1 font-medium">Last delivery</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {channels.map((c) => (
          <tr key={c.id} data-channel={c.name} className="border-t border-slate-100 align-top">
            <td className="px-2 py-1.5">{c.type}</td>
            <td className="px-2 py-1.5">
              {c.name}
              <details className="mt-1 text-xs">
                <summary className="cursor-pointer text-slate-500">Delivery log</summary>
                <DeliveryLog rows={logs[c.id] ?? []} />
              </details>
            </td>
            <td className="px-2 py-1.5 font-mono text-xs">{c.display}</td>
            <td className="px-2 py-1.5">{c.enabled ? "enabled" : "disabled"}</td>
            <td className="px-2 py-1.5">
              {c.lastDelivery ? (
                <span className={STATUS_CLASS[c.lastDelivery.status]} title={c.lastDelivery.error ?? undefined}>
                  {c.lastDelivery.status} {formatDateTime(c.lastDelivery.at)}
                </span>
              ) : (
                <span className="text-slate-400">never</span>
              )}
            </td>
            <td className="space-y-1 px-2 py-1.5 text-right">
              {canManage && (
                <>
                  <SendTestButton id={c.id} testChannelAction={testChannelAction} />
                  <form action={toggleChannelAction}>
                    <input type="hidden" name="id" value={c.id} />
                    <input type="hidden" name="enabled" value={c.enabled ? "false" : "true"} />
                    <button type="submit" className="hover:underline">
                      {c.enabled ? "Disable" : "Enable"}
                    </button>
                  </form>
                  <ConfirmForm action={deleteChannelAction} id={c.id} question={`Delete channel "${c.name}"? Its routing rules go with it.`}>
                    Delete
                  </ConfirmForm>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DeliveryLog({ rows }: { rows: Log }) {
  if (rows.length === 0) return <p className="mt-1 text-slate-500">Nothing sent yet.</p>;
  return (
    <table className="mt-1 w-full">
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-t border-slate-100">
            <td className="pr-2">{formatDateTime(r.createdAt)}</td>
            <td className="pr-2">{r.event}</td>
            <td className="pr-2">{r.alertTitle}</td>
            <td className={`pr-2 ${STATUS_CLASS[r.status]}`}>
              {r.status}
              {r.attempts > 1 ? ` after ${r.attempts} attempts` : ""}
            </td>
            <td className="text-slate-500">{r.lastError}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
