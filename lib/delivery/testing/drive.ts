import { db } from "@/lib/db/prisma";
import { runOutboxPass } from "../outbox";
import type { DeliverySettings } from "../settings";

/** Runs outbox passes (as the worker would) until the given notifications are all sent or failed. */
export async function driveUntilSettled(ids: string[], settings: DeliverySettings, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    await runOutboxPass({ settings });
    const open = await db().notification.count({ where: { id: { in: ids }, status: { in: ["pending", "sending"] } } });
    if (open === 0) return;
    if (Date.now() > until) throw new Error(`outbox: ${open} of ${ids.length} notifications still open after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const FAST: DeliverySettings = { retryBaseMs: 300, retryMaxMs: 5_000, maxAttempts: 5, leaseMs: 10_000, batch: 20 };
