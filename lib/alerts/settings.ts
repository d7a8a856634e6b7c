import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A condition must stay absent this long before its alert resolves itself, so a flapping series does not page twice. */
export const DEFAULT_HOLD_OFF_SECONDS = 10 * 60;
/** An open, unacknowledged alert is sent again this often until someone acknowledges it. */
export const DEFAULT_REPEAT_INTERVAL_SECONDS = 4 * 60 * 60;

export type AlertTiming = { holdOffMs: number; repeatIntervalMs: number };

export const alertSettingsSchema = z.object({
  hold_off_seconds: z.number().int().min(0, "hold_off_seconds: expected 0 or more").max(7 * 86_400, "hold_off_seconds: at most 7 days"),
  repeat_interval_seconds: z
    .number()
    .int()
    .min(60, "repeat_interval_seconds: expected at least 60")
    .max(30 * 86_400, "repeat_interval_seconds: at most 30 days"),
});

type Client = Prisma.TransactionClient | ReturnType<typeof db>;

export async function alertTiming(orgId: string, client: Client = db()): Promise<AlertTiming> {
  const row = await client.alertSettings.findUnique({ where: { orgId } });
  return {
    holdOffMs: (row?.holdOffSeconds ?? DEFAULT_HOLD_OFF_SECONDS) * 1000,
    repeatIntervalMs: (row?.repeatIntervalSeconds ?? DEFAULT_REPEAT_INTERVAL_SECONDS) * 1000,
  };
}

export async function setAlertTiming(orgId: string, input: z.infer<typeof alertSettingsSchema>): Promise<void> {
  const data = { holdOffSeconds: input.hold_off_seconds, repeatIntervalSeconds: input.repeat_interval_seconds };
  await db().alertSettings.upsert({ where: { orgId }, create: { orgId, ...data }, update: data });
}
