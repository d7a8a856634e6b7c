import "server-only";
import { db } from "@/lib/db/prisma";
import type { AlertEvent, AlertPayload } from "@/lib/alert-contract/condition";
import { openChannelConfig, scrub, secretsOf } from "./channel-config";
import { sendOn } from "./senders";
import { deliverySettings, retryDelayMs, type DeliverySettings } from "./settings";
import type { SendOutcome } from "./types";

export type PassResult = { claimed: number; sent: number; retrying: number; failed: number };

/**
 * Claims due notifications. Each claim is one conditional UPDATE that names the row's current status
 * and lease, so when several processes race for a row exactly one update matches. A row left
 * "sending" by a process that died (lease expired) is claimed again and re-sent with the same id:
 * receivers dedupe on `webhook-id`, and that is the only way a crash between send and mark can end
 * without losing the notification.
 */
async function claimDue(now: Date, s: DeliverySettings): Promise<{ id: string; leaseUntil: Date }[]> {
  const candidates = await db().notification.findMany({
    where: { nextAttemptAt: { lte: now }, OR: [{ status: "pending" }, { status: "sending", leaseUntil: { lt: now } }] },
    // First attempts before retries: a backlog of retries to a broken channel (each can take the
    // whole send timeout) must not delay a fresh alert to the channels that work. Retries wait at
    // most while more than a batch of fresh notifications arrives every pass.
    orderBy: [{ attempts: "asc" }, { nextAttemptAt: "asc" }],
    take: s.batch,
    select: { id: true, status: true, leaseUntil: true },
  });
  const claimed: { id: string; leaseUntil: Date }[] = [];
  for (const c of candidates) {
    const leaseUntil = new Date(now.getTime() + s.leaseMs);
    const won = await db().notification.updateMany({
      where: { id: c.id, status: c.status, leaseUntil: c.leaseUntil },
      data: { status: "sending", leaseUntil, attempts: { increment: 1 } },
    });
    if (won.count === 1) claimed.push({ id: c.id, leaseUntil });
  }
  return claimed;
}

/** One pass of the outbox: claim what is due, send it, record each outcome. */
export async function runOutboxPass(opts: { log?: (line: string) => void; settings?: DeliverySettings } = {}): Promise<PassResult> {
  const s = opts.settings ?? deliverySettings();
  const claimed = await claimDue(new Date(), s);
  const result: PassResult = { claimed: claimed.length, sent: 0, retrying: 0, failed: 0 };
  await Promise.all(
    claimed.map(async (c) => {
      const verdict = await deliverOne(c.id, c.leaseUntil, s);
      result[verdict]++;
    }),
  );
  if (claimed.length && opts.log) opts.log(`deliveries: ${result.sent} sent, ${result.retrying} to retry, ${result.failed} failed`);
  return result;
}

async function deliverOne(id: string, leaseUntil: Date, s: DeliverySettings): Promise<"sent" | "retrying" | "failed"> {
  const n = await db().notification.findUniqueOrThrow({ where: { id } });
  const channel = await db().channel.findUnique({ where: { id: n.channelId } });
  const mark = (data: Parameters<ReturnType<typeof db>["notification"]["updateMany"]>[0]["data"]) =>
    db().notification.updateMany({ where: { id, status: "sending", leaseUntil }, data: { ...data, leaseUntil: null } });

  if (!channel || channel.deletedAt) {
    await mark({ status: "failed", lastError: "the channel was deleted before this was sent; not retried" });
    return "failed";
  }
  if (!channel.enabled) {
    await mark({ status: "failed", lastError: "the channel was disabled before this was sent; not retried" });
    return "failed";
  }
  let config;
  try {
    config = openChannelConfig(channel.type, channel.configEnc);
  } catch {
    await mark({ status: "failed", lastError: "the channel's settings could not be decrypted (was SECRETS_KEY changed without SECRETS_KEY_PREVIOUS?); not retried" });
    return "failed";
  }
  let outcome: SendOutcome;
  try {
    outcome = await sendOn(config, { id: n.id, event: n.event as AlertEvent, alert: JSON.parse(n.payload) as AlertPayload, createdAt: n.createdAt });
  } catch (err) {
    outcome = { ok: false, retry: true, status: null, error: `sending failed unexpectedly: ${err instanceof Error ? err.message : String(err)}; will retry` };
  }
  if (outcome.ok) {
    await mark({ status: "sent", sentAt: new Date(), lastStatus: outcome.status, lastError: null });
    return "sent";
  }
  const error = scrub(outcome.error, secretsOf(config));
  if (outcome.retry && n.attempts < s.maxAttempts) {
    const delay = retryDelayMs(n.attempts, s, outcome.retryAfterMs);
    await mark({ status: "pending", nextAttemptAt: new Date(Date.now() + delay), lastStatus: outcome.status, lastError: error });
    return "retrying";
  }
  const final = outcome.retry ? `gave up after ${n.attempts} attempts; last: ${error.replace(/; will retry$/, "")}` : error;
  await mark({ status: "failed", lastStatus: outcome.status, lastError: final });
  return "failed";
}
