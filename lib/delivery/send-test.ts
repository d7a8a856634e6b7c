import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/prisma";
import type { AlertPayload } from "@/lib/alert-contract/condition";
import { openChannelConfig, scrub, secretsOf } from "./channel-config";
import { getChannel } from "./channels";
import { sendOn } from "./senders";

export type TestOutcome = { ok: boolean; status: number | null; message: string; notificationId: string };

function productUrl(path: string): string {
  return new URL(path, process.env.NEXTAUTH_URL ?? "http://localhost:3000").toString();
}

function testAlert(id: string): AlertPayload {
  const now = new Date().toISOString();
  return {
    id,
    kind: "anomaly",
    severity: "info",
    state: "open",
    title: "Test notification from LLM FinOps (no action needed)",
    scope: { feature: "example" },
    numbers: { value: 42.5, expected: 10, band: [7.5, 12.5], impact_usd: 32.5 },
    cause: [{ dimension: "model", value: "example-model", impact_usd: 32.5, share: 1, volume_usd: 2.5, mix_usd: 30, size_usd: 0, url: "/?feature=example" }],
    url: productUrl("/settings/channels"),
    dedup_key: `test:${id}`,
    opened_at: now,
    updated_at: now,
    acknowledged_by: null,
    resolved_at: null,
  };
}

/**
 * "Send test": one real send of a sample alert, now, with its outcome returned and written to the
 * channel's delivery log. It bypasses the outbox on purpose: the person clicking wants the answer,
 * not a retry schedule. Works on a disabled channel too (checking it before enabling it).
 */
export async function sendTestNotification(orgId: string, channelId: string): Promise<TestOutcome | null> {
  const channel = await getChannel(orgId, channelId);
  if (!channel) return null;
  const id = `test_${randomUUID()}`;
  const alert = testAlert(id);
  const createdAt = new Date();
  let ok = false;
  let status: number | null = null;
  let message: string;
  try {
    const config = openChannelConfig(channel.type, channel.configEnc);
    const outcome = await sendOn(config, { id, event: "alert.opened", alert, createdAt });
    ok = outcome.ok;
    status = outcome.status;
    message = outcome.ok ? `Delivered${outcome.status ? ` (${outcome.status})` : ""}.` : scrub(outcome.error.replace(/; (will retry|not retried)$/, ""), secretsOf(config));
  } catch {
    message = "The channel's settings could not be decrypted (was SECRETS_KEY changed?).";
  }
  await db().notification.create({
    data: { id, orgId, alertId: id, channelId, event: "alert.opened", payload: JSON.stringify(alert), status: ok ? "sent" : "failed", attempts: 1, lastStatus: status, lastError: ok ? null : message, createdAt, sentAt: ok ? new Date() : null },
  });
  return { ok, status, message, notificationId: id };
}
