import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { listChannels } from "@/lib/delivery/channels";
import { listChannelDeliveries } from "@/lib/delivery/log";
import { listRoutingRules } from "@/lib/delivery/routing-rules";
import { listSilences } from "@/lib/delivery/silences";
import { scopeText } from "@/lib/delivery/senders/links";
import { ConfirmForm } from "@/components/confirm-form";
import { formatDateTime } from "@/components/format";
import { ChannelTable } from "@/components/channels/channel-table";
import { CreateChannelForm } from "@/components/channels/create-channel-form";
import { RuleForm } from "@/components/channels/rule-form";
import { SilenceForm } from "@/components/channels/silence-form";
import {
  createChannelAction,
  createRuleAction,
  createSilenceAction,
  deleteChannelAction,
  deleteRuleAction,
  expireSilenceAction,
  testChannelAction,
  toggleChannelAction,
} from "./actions";

export const metadata: Metadata = { title: "Channels and routing" };

export default async function ChannelsPage() {
  const user = await requirePermission("alerts.view");
  const canManage = can(user.role, "alerting.manage");
  const canSilence = can(user.role, "alerts.act");
  const [channels, rules, silences] = await Promise.all([listChannels(user.orgId), listRoutingRules(user.orgId), listSilences(user.orgId)]);
  const logs = Object.fromEntries(await Promise.all(channels.map(async (c) => [c.id, await listChannelDeliveries(user.orgId, c.id, 20)] as const)));
  const nameOf = new Map(channels.map((c) => [c.id, c.name]));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Channels and routing</h1>
        <p className="text-sm text-slate-500">
          Where alerts are sent. Secrets (webhook URLs, routing keys, SMTP passwords, signing secrets) are stored encrypted and never shown
          again. Every notification is recorded before it is sent and retried with backoff; a webhook receiver may see the same{" "}
          <code>webhook-id</code> twice after a crash and should ignore the repeat. A channel with no routing rule receives every alert.
        </p>
      </div>
      {canManage && <CreateChannelForm createChannelAction={createChannelAction} />}
      <section className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 className="font-semibold">Channels</h2>
        <ChannelTable channels={channels} logs={logs} canManage={canManage} actions={{ testChannelAction, toggleChannelAction, deleteChannelAction }} />
      </section>
      <section className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 className="font-semibold">Routing rules</h2>
        {rules.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">No rules: every channel receives every alert.</p>
        ) : (
          <ul data-testid="routing-rules" className="mt-2 space-y-1 text-sm">
            {rules.map((r) => (
              <li key={r.id} className="flex items-center gap-3">
                <span>
                  {r.kinds.length ? r.kinds.join(", ") : "any kind"}, {r.minSeverity} or worse, {scopeText(r.scope)} → <b>{nameOf.get(r.channelId) ?? "?"}</b>
                </span>
                {canManage && (
                  <ConfirmForm action={deleteRuleAction} id={r.id} question="Remove this routing rule?">
                    Remove
                  </ConfirmForm>
                )}
              </li>
            ))}
          </ul>
        )}
        {canManage && <RuleForm channels={channels.map((c) => ({ id: c.id, name: c.name }))} createRuleAction={createRuleAction} />}
      </section>
      <section className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 className="font-semibold">Silences</h2>
        <p className="text-xs text-slate-500">Alerts matching an active silence still open in the product but notify no one until it expires.</p>
        {silences.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">No silences.</p>
        ) : (
          <ul data-testid="silences" className="mt-2 space-y-1 text-sm">
            {silences.map((s) => (
              <li key={s.id} className={`flex items-center gap-3 ${s.active ? "" : "text-slate-400"}`}>
                <span>
                  {s.kinds.length ? s.kinds.join(", ") : "any kind"} in {scopeText(s.scope)}: “{s.reason}” by {s.createdBy}, {s.active ? "until" : "ended"} {formatDateTime(s.expiresAt)}
                </span>
                {canSilence && s.active && (
                  <ConfirmForm action={expireSilenceAction} id={s.id} question="End this silence now?">
                    Expire
                  </ConfirmForm>
                )}
              </li>
            ))}
          </ul>
        )}
        {canSilence && <SilenceForm createSilenceAction={createSilenceAction} />}
      </section>
    </div>
  );
}
