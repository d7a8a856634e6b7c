import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/prisma";

export const DEFAULT_HEADROOM_PERCENT = 10;
export const DEFAULT_HEADROOM_MINUTES = 10;

export type HealthSettings = { headroom_alert_percent: number; headroom_alert_minutes: number };

export const healthSettingsSchema = z
  .object({
    headroom_alert_percent: z
      .number({ error: "headroom_alert_percent: expected a whole percentage from 1 to 99" })
      .int("headroom_alert_percent: expected a whole percentage from 1 to 99")
      .min(1, "headroom_alert_percent: expected a whole percentage from 1 to 99")
      .max(99, "headroom_alert_percent: expected a whole percentage from 1 to 99")
      .optional(),
    headroom_alert_minutes: z
      .number({ error: "headroom_alert_minutes: expected whole minutes from 1 to 1440" })
      .int("headroom_alert_minutes: expected whole minutes from 1 to 1440")
      .min(1, "headroom_alert_minutes: expected whole minutes from 1 to 1440")
      .max(1440, "headroom_alert_minutes: expected whole minutes from 1 to 1440")
      .optional(),
  })
  .strict();

/** The organization's settings; absent = the defaults (alert under 10% for 10 minutes). */
export async function readHealthSettings(orgId: string): Promise<HealthSettings> {
  const row = await db().providerHealthSetting.findUnique({ where: { orgId } });
  return {
    headroom_alert_percent: row?.headroomAlertPercent ?? DEFAULT_HEADROOM_PERCENT,
    headroom_alert_minutes: row?.headroomAlertMinutes ?? DEFAULT_HEADROOM_MINUTES,
  };
}

export async function saveHealthSettings(orgId: string, input: z.infer<typeof healthSettingsSchema>): Promise<HealthSettings> {
  const current = await readHealthSettings(orgId);
  const next = { ...current, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as HealthSettings;
  const data = { headroomAlertPercent: next.headroom_alert_percent, headroomAlertMinutes: next.headroom_alert_minutes };
  await db().providerHealthSetting.upsert({ where: { orgId }, create: { orgId, ...data }, update: data });
  return next;
}
