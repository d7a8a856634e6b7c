import "server-only";
import { db } from "@/lib/db/prisma";
import { redact } from "./redact";

/** What an audit entry can be about; the audit API and page filter by these. */
export const AUDIT_TARGETS = [
  "budget",
  "monitor",
  "channel",
  "routing_rule",
  "silence",
  "price_override",
  "api_key",
  "user",
  "invitation",
  "source",
  "provider_mapping",
  "coverage_alert",
  "otlp_mapping",
  "deployment",
  "provider_health_settings",
  "slo",
  "recommendation",
  "feature_setting",
] as const;
export type AuditTarget = (typeof AUDIT_TARGETS)[number];

export type AuditInput = {
  orgId: string;
  /** "user:<email>", "key:<prefix>" or "cli" */
  actor: string;
  /** <target>.<verb>, e.g. budget.create, channel.delete, user.role */
  action: string;
  targetType: AuditTarget;
  targetId: string;
  before?: unknown;
  after?: unknown;
};

/**
 * Records one change. Called after the change is written: an audit row for a change that failed
 * would be a lie, while a crash between the two loses one row, which is the lesser fault.
 */
export async function recordAudit(input: AuditInput): Promise<void> {
  await db().auditEntry.create({
    data: {
      orgId: input.orgId,
      actor: input.actor,
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId,
      before: input.before === undefined || input.before === null ? null : JSON.stringify(redact(input.before)),
      after: input.after === undefined || input.after === null ? null : JSON.stringify(redact(input.after)),
    },
  });
}

/** The actor string for a signed-in user or an API key principal. */
export function actorOf(p: { kind: "user"; email?: string; userId: string } | { kind: "apiKey"; keyId: string; prefix?: string } | { kind: "cli" }): string {
  if (p.kind === "cli") return "cli";
  if (p.kind === "user") return `user:${p.email ?? p.userId}`;
  return `key:${p.prefix ?? p.keyId}`;
}
