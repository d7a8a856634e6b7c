import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AlertEvent, AlertPayload } from "@/lib/alert-contract/condition";

/** TEMP stub (lib/delivery is built on its own branch): records nothing. */
export async function enqueueAlertNotifications(
  tx: Prisma.TransactionClient,
  input: { orgId: string; alert: AlertPayload; event: AlertEvent; channelIds: string[] },
): Promise<number> {
  void tx;
  void input;
  return 0;
}
