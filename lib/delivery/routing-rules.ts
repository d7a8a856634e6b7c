import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record";
import { storedKinds, storedScope, storedSeverity } from "./stored";
import { kindsSchema, scopeMatcherSchema, severitySchema, type RuleView } from "./types";

export const routingRuleInputSchema = z.strictObject({
  channel_id: z.string({ error: "expected the id of a channel" }).min(1, "expected the id of a channel"),
  kinds: kindsSchema.default([]),
  min_severity: severitySchema.default("info"),
  scope: scopeMatcherSchema.default({}),
});
export type RoutingRuleInput = z.infer<typeof routingRuleInputSchema>;

type Row = { id: string; channelId: string; kinds: string; minSeverity: string; scope: string; position: number; createdAt: Date };

export function ruleView(r: Row): RuleView {
  return { id: r.id, channelId: r.channelId, kinds: storedKinds(r.kinds), minSeverity: storedSeverity(r.minSeverity), scope: storedScope(r.scope), position: r.position, createdAt: r.createdAt.toISOString() };
}

export async function listRoutingRules(orgId: string): Promise<RuleView[]> {
  const rows = await db().routingRule.findMany({ where: { orgId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] });
  return rows.map(ruleView);
}

export async function createRoutingRule(orgId: string, actor: string, input: RoutingRuleInput): Promise<{ ok: true; rule: RuleView } | { ok: false; details: string[] }> {
  const channel = await db().channel.findFirst({ where: { orgId, id: input.channel_id, deletedAt: null }, select: { id: true } });
  if (!channel) return { ok: false, details: [`channel_id: expected the id of one of this organization's channels, got "${input.channel_id}"`] };
  const position = await db().routingRule.count({ where: { orgId } });
  const row = await db().routingRule.create({
    data: { orgId, channelId: input.channel_id, kinds: JSON.stringify(input.kinds), minSeverity: input.min_severity, scope: JSON.stringify(input.scope), position },
  });
  const rule = ruleView(row);
  await recordAudit({ orgId, actor, action: "routing_rule.create", targetType: "routing_rule", targetId: row.id, after: rule });
  return { ok: true, rule };
}

export async function deleteRoutingRule(orgId: string, actor: string, id: string): Promise<boolean> {
  const row = await db().routingRule.findFirst({ where: { orgId, id } });
  if (!row) return false;
  await db().routingRule.delete({ where: { id } });
  await recordAudit({ orgId, actor, action: "routing_rule.delete", targetType: "routing_rule", targetId: id, before: ruleView(row) });
  return true;
}
