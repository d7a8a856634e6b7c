import type { AlertEvent, AlertPayload } from "@/lib/alert-contract/condition";

/** One outbox row as senders see it. `id` is the idempotency key (the Standard Webhooks `webhook-id`). */
export type OutgoingMessage = { id: string; event: AlertEvent; alert: AlertPayload; createdAt: Date };

export const EVENT_WORDS: Record<AlertEvent, string> = {
  "alert.opened": "Opened",
  "alert.updated": "Updated",
  "alert.acknowledged": "Acknowledged",
  "alert.resolved": "Resolved",
};
