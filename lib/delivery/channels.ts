import "server-only";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record";
import { buildChannelConfig, displayOf, sealChannelConfig, type ChannelInput } from "./channel-config";
import type { ChannelType, ChannelView } from "./types";

type ChannelRow = { id: string; name: string; type: string; display: string; enabled: boolean; createdAt: Date };

/** What the audit log keeps of a channel: never its config (that is the secret part). */
function auditView(c: ChannelRow) {
  return { id: c.id, name: c.name, type: c.type, display: c.display, enabled: c.enabled };
}

export type CreatedChannel = { channel: ChannelView; secret: string | null };

/**
 * Creates a channel; its config is stored sealed. A webhook channel's signing secret is generated
 * here and returned once (the caller shows it to the user); it is never readable afterwards.
 */
export async function createChannel(orgId: string, actor: string, input: ChannelInput): Promise<{ ok: true; created: CreatedChannel } | { ok: false; details: string[] }> {
  const built = buildChannelConfig(input.type, input.config);
  if (!built.ok) return built;
  const row = await db().channel.create({
    data: { orgId, name: input.name, type: input.type, configEnc: sealChannelConfig(built.channel), display: displayOf(built.channel), enabled: input.enabled },
  });
  await recordAudit({ orgId, actor, action: "channel.create", targetType: "channel", targetId: row.id, after: auditView(row) });
  const secret = built.channel.type === "webhook" ? built.channel.config.secret : null;
  return { ok: true, created: { channel: toView(row, null), secret } };
}

function toView(c: ChannelRow, last: ChannelView["lastDelivery"]): ChannelView {
  return { id: c.id, name: c.name, type: c.type as ChannelType, display: c.display, enabled: c.enabled, createdAt: c.createdAt.toISOString(), lastDelivery: last };
}

export async function listChannels(orgId: string): Promise<ChannelView[]> {
  const rows = await db().channel.findMany({ where: { orgId, deletedAt: null }, orderBy: { createdAt: "asc" } });
  return Promise.all(
    rows.map(async (c) => {
      const n = await db().notification.findFirst({ where: { orgId, channelId: c.id }, orderBy: { createdAt: "desc" }, select: { status: true, createdAt: true, sentAt: true, lastError: true } });
      const last: ChannelView["lastDelivery"] = n
        ? { status: n.status === "sent" ? "sent" : n.status === "failed" ? "failed" : "pending", at: (n.sentAt ?? n.createdAt).toISOString(), error: n.lastError }
        : null;
      return toView(c, last);
    }),
  );
}

export async function getChannel(orgId: string, id: string) {
  return db().channel.findFirst({ where: { orgId, id, deletedAt: null } });
}

/**
 * Deletes a channel (kept as a tombstone so delivery logs still name it) with its routing rules;
 * notifications not yet sent to it are marked failed by the outbox when their turn comes.
 */
export async function deleteChannel(orgId: string, actor: string, id: string): Promise<boolean> {
  const row = await getChannel(orgId, id);
  if (!row) return false;
  await db().$transaction([
    db().channel.update({ where: { id }, data: { deletedAt: new Date(), enabled: false } }),
    db().routingRule.deleteMany({ where: { orgId, channelId: id } }),
  ]);
  await recordAudit({ orgId, actor, action: "channel.delete", targetType: "channel", targetId: id, before: auditView(row) });
  return true;
}

export async function setChannelEnabled(orgId: string, actor: string, id: string, enabled: boolean): Promise<boolean> {
  const row = await getChannel(orgId, id);
  if (!row) return false;
  const after = await db().channel.update({ where: { id }, data: { enabled } });
  await recordAudit({ orgId, actor, action: enabled ? "channel.enable" : "channel.disable", targetType: "channel", targetId: id, before: auditView(row), after: auditView(after) });
  return true;
}
