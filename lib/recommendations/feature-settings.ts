import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record";
import { MAX_DIMENSION_VALUE_LENGTH } from "@/lib/domain/event";

/** Per-feature settings: interactive or not (batch needs "not"), and an owner team override. */
export type FeatureSettingView = { feature: string; interactive: boolean; owner_team: string | null };

export async function listFeatureSettings(orgId: string): Promise<FeatureSettingView[]> {
  const rows = await db().featureSetting.findMany({ where: { orgId }, orderBy: { feature: "asc" } });
  return rows.map((r) => ({ feature: r.feature, interactive: r.interactive, owner_team: r.ownerTeam }));
}

export const featureSettingSchema = z.object({
  feature: z.string({ error: "feature: expected the feature's name" }).trim().min(1, "feature: expected the feature's name").max(MAX_DIMENSION_VALUE_LENGTH, `feature: at most ${MAX_DIMENSION_VALUE_LENGTH} characters`),
  interactive: z.boolean({ error: "interactive: expected true or false" }),
  owner_team: z
    .string({ error: "owner_team: expected a team name or null" })
    .trim()
    .max(MAX_DIMENSION_VALUE_LENGTH, `owner_team: at most ${MAX_DIMENSION_VALUE_LENGTH} characters`)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
});
export type FeatureSettingInput = z.infer<typeof featureSettingSchema>;

export async function saveFeatureSetting(orgId: string, actor: string, input: FeatureSettingInput): Promise<FeatureSettingView> {
  const where = { orgId_feature: { orgId, feature: input.feature } };
  const before = await db().featureSetting.findUnique({ where });
  const row = await db().featureSetting.upsert({
    where,
    create: { orgId, feature: input.feature, interactive: input.interactive, ownerTeam: input.owner_team },
    update: { interactive: input.interactive, ownerTeam: input.owner_team },
  });
  const after = { feature: row.feature, interactive: row.interactive, owner_team: row.ownerTeam };
  await recordAudit({ orgId, actor, action: "feature_setting.update", targetType: "feature_setting", targetId: row.feature, before: before && { interactive: before.interactive, owner_team: before.ownerTeam }, after });
  return after;
}
