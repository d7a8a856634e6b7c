import "server-only";
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import type { SendOutcome, WebhookConfig } from "../types";
import { postJson } from "./http-post";
import type { OutgoingMessage } from "./message";

/** A new endpoint secret: `whsec_` + base64 of 32 random bytes (the spec allows 24 to 64). */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/**
 * The body is fixed by the outbox row (its timestamp is when the event was recorded), so every
 * retry carries the same bytes and the same `webhook-id`; only `webhook-timestamp` and the signature
 * are fresh per attempt, since receivers reject old timestamps.
 */
export function webhookBody(m: OutgoingMessage): string {
  return JSON.stringify({ type: m.event, timestamp: m.createdAt.toISOString(), data: m.alert });
}

export function signedWebhookHeaders(secret: string, id: string, body: string, at: Date): Record<string, string> {
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(id, at, body),
  };
}

export function sendWebhook(config: WebhookConfig, m: OutgoingMessage): Promise<SendOutcome> {
  const body = webhookBody(m);
  return postJson(config.url, body, signedWebhookHeaders(config.secret, m.id, body, new Date()), "Webhook receiver");
}
