import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AlertEvent, AlertPayload } from "@/lib/alert-contract/condition";
import { routeToChannels, silenceMatches } from "./matching";
import { storedKinds, storedScope, storedSeverity, storedSilenceMatcher } from "./stored";

/**
 * Records the notifications for one alert event in the outbox, inside the caller's transaction (the
 * alert store's), so an alert's state change and its notifications commit together or not at all.
 * Channels: the explicit `channelIds` when given (a budget's own channels), else the routing rules.
 * Disabled or deleted channels are skipped; an alert matched by an unexpired silence enqueues nothing.
 * Returns how many notifications were recorded.
 */
export async function enqueueAlertNotifications(
  tx: Prisma.TransactionClient,
  input: { orgId: string; alert: AlertPayload; event: AlertEvent; channelIds: string[] },
): Promise<number> {
  const { orgId, alert, event } = input;
  const now = new Date();
  const silences = await tx.silence.findMany({ where: { orgId, expiresAt: { gt: now } } });
  if (silences.some((s) => silenceMatches({ ...storedSilenceMatcher(s.matcher), expiresAt: s.expiresAt }, alert, now))) return 0;

  const explicit = input.channelIds.length > 0;
  const channels = await tx.channel.findMany({
    where: { orgId, enabled: true, deletedAt: null, ...(explicit ? { id: { in: input.channelIds } } : {}) },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  let targets = channels.map((c) => c.id);
  if (!explicit) {
    const rules = await tx.routingRule.findMany({ where: { orgId, channelId: { in: targets } } });
    const parsed = rules.map((r) => ({ channelId: r.channelId, kinds: storedKinds(r.kinds), minSeverity: storedSeverity(r.minSeverity), scope: storedScope(r.scope) }));
    targets = routeToChannels(targets, parsed, alert);
  }
  if (targets.length === 0) return 0;
  const payload = JSON.stringify(alert);
  await tx.notification.createMany({
    data: targets.map((channelId) => ({ orgId, alertId: alert.id, channelId, event, payload, status: "pending", nextAttemptAt: now })),
  });
  return targets.length;
}
