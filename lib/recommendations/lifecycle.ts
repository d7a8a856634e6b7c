import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record";
import { HttpError } from "@/lib/http/body";
import type { RecommendationStatus } from "@/lib/recommendation-contract/candidate";
import { updateRealized } from "./recompute";
import { toView, type RecommendationView } from "./store";

/**
 * Status changes a person makes: open -> accepted -> implemented (-> verified by the product once the
 * realized savings show), or dismissed with a reason from any status before verified; a dismissed one
 * can be reopened. "verified" is never set by hand: it is the product's finding.
 */
export const ALLOWED: Record<string, RecommendationStatus[]> = {
  accepted: ["open"],
  implemented: ["open", "accepted"],
  dismissed: ["open", "accepted", "implemented"],
  open: ["dismissed", "accepted"],
};

export const MAX_REASON = 1000;

export const statusBodySchema = z
  .object({
    status: z.enum(["open", "accepted", "implemented", "dismissed"], { error: 'status: expected "open", "accepted", "implemented" or "dismissed"' }),
    reason: z.string({ error: "reason: expected text" }).trim().max(MAX_REASON, `reason: at most ${MAX_REASON} characters`).optional(),
    implemented_at: z.iso.datetime({ offset: true, error: "implemented_at: expected an RFC 3339 instant, e.g. 2026-11-20T10:00:00Z" }).optional(),
  })
  .strict();
export type StatusBody = z.infer<typeof statusBodySchema>;

export function parseStatusBody(raw: unknown, now: Date): StatusBody {
  const r = statusBodySchema.safeParse(raw);
  if (!r.success) throw new HttpError(422, "Invalid status change.", r.error.issues.map((i) => (i.code === "unrecognized_keys" ? `${i.keys.join(", ")}: not a known field` : i.message)));
  const b = r.data;
  if (b.status === "dismissed" && !b.reason) throw new HttpError(422, "Invalid status change.", ["reason: required when dismissing (why this does not apply)"]);
  if (b.implemented_at && b.status !== "implemented") throw new HttpError(422, "Invalid status change.", ["implemented_at: only with status implemented"]);
  if (b.implemented_at && new Date(b.implemented_at).getTime() > now.getTime()) throw new HttpError(422, "Invalid status change.", ["implemented_at: must not be in the future"]);
  return b;
}

export async function changeStatus(orgId: string, actor: string, id: string, raw: unknown, now = new Date()): Promise<RecommendationView | null> {
  const body = parseStatusBody(raw, now);
  const rec = await db().recommendation.findFirst({ where: { orgId, id } });
  if (!rec) return null;
  if (!ALLOWED[body.status].includes(rec.status as RecommendationStatus)) {
    throw new HttpError(409, `Cannot go from ${rec.status} to ${body.status}.`, [`status: from ${rec.status} the allowed changes are ${allowedFrom(rec.status).join(", ") || "none"}`]);
  }
  const implementedAt = body.status === "implemented" ? (body.implemented_at ? new Date(body.implemented_at) : now) : body.status === "dismissed" ? rec.implementedAt : null;
  const updated = await db().recommendation.update({
    where: { id },
    data: {
      status: body.status,
      dismissReason: body.status === "dismissed" ? body.reason! : null,
      implementedAt,
      ...(body.status === "implemented" ? {} : { realizedSavingsUsd: null, realizedDetail: null }),
    },
  });
  await db().recommendationEvent.create({ data: { orgId, recommendationId: id, at: now, actor, type: "status", fromStatus: rec.status, toStatus: body.status, note: body.reason ?? (body.implemented_at ? `implemented at ${body.implemented_at}` : null) } });
  await recordAudit({ orgId, actor, action: `recommendation.${body.status}`, targetType: "recommendation", targetId: id, before: { status: rec.status }, after: { status: body.status, reason: body.reason ?? null, implemented_at: implementedAt?.toISOString() ?? null } });
  if (body.status === "implemented") await updateRealized(orgId, now);
  const fresh = await db().recommendation.findFirst({ where: { orgId, id } });
  return toView(fresh ?? updated);
}

export function allowedFrom(status: string): RecommendationStatus[] {
  return (Object.keys(ALLOWED) as RecommendationStatus[]).filter((to) => ALLOWED[to].includes(status as RecommendationStatus));
}
