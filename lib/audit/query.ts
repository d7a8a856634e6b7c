import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { AUDIT_TARGETS } from "./record";

export type AuditRow = {
  id: string;
  at: string;
  actor: string;
  action: string;
  target_type: string;
  target_id: string;
  before: unknown;
  after: unknown;
};

const TARGETS = AUDIT_TARGETS;

/** Query of the audit API and page: newest first, paged by the `before` cursor (an entry id). */
export const auditQuerySchema = z.object({
  target_type: z.enum(TARGETS, { error: `target_type: expected one of ${TARGETS.join(", ")}` }).optional(),
  target_id: z.string().max(200, "target_id: at most 200 characters").optional(),
  actor: z.string().max(200, "actor: at most 200 characters").optional(),
  from: z.coerce.date({ error: "from: expected an ISO date" }).optional(),
  to: z.coerce.date({ error: "to: expected an ISO date" }).optional(),
  limit: z.coerce.number({ error: "limit: expected a number" }).int("limit: expected a whole number").min(1, "limit: at least 1").max(500, "limit: at most 500").default(100),
  cursor: z.string().max(100, "cursor: at most 100 characters").optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export async function listAudit(orgId: string, q: AuditQuery): Promise<{ rows: AuditRow[]; next_cursor: string | null }> {
  const cursorRow = q.cursor ? await db().auditEntry.findFirst({ where: { id: q.cursor, orgId }, select: { at: true, id: true } }) : null;
  const rows = await db().auditEntry.findMany({
    where: {
      orgId,
      ...(q.target_type ? { targetType: q.target_type } : {}),
      ...(q.target_id ? { targetId: q.target_id } : {}),
      ...(q.actor ? { actor: q.actor } : {}),
      ...(q.from || q.to ? { at: { ...(q.from ? { gte: q.from } : {}), ...(q.to ? { lt: q.to } : {}) } } : {}),
      // (at, id) descending: entries written in the same millisecond still page without gaps
      ...(cursorRow ? { OR: [{ at: { lt: cursorRow.at } }, { at: cursorRow.at, id: { lt: cursorRow.id } }] } : {}),
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  return {
    rows: page.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actor,
      action: r.action,
      target_type: r.targetType,
      target_id: r.targetId,
      before: r.before === null ? null : JSON.parse(r.before),
      after: r.after === null ? null : JSON.parse(r.after),
    })),
    next_cursor: rows.length > q.limit ? page[page.length - 1].id : null,
  };
}
