import "server-only";
import type { AlertEvent } from "@/lib/alert-contract/condition";

/** TEMP stub (lib/delivery is built on its own branch): no deliveries. */
export async function listDeliveries(
  orgId: string,
  alertId: string,
): Promise<
  {
    id: string;
    channelId: string;
    channelName: string;
    channelType: string;
    event: AlertEvent;
    status: "pending" | "sent" | "failed";
    attempts: number;
    lastError: string | null;
    createdAt: Date;
    sentAt: Date | null;
  }[]
> {
  void orgId;
  void alertId;
  return [];
}
