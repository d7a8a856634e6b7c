import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record";
import { storedSilenceMatcher } from "./stored";
import { kindsSchema, scopeMatcherSchema, type SilenceView } from "./types";

const MAX_SILENCE_MS = 366 * 24 * 3600 * 1000;

export const silenceInputSchema = z.strictObject({
  scope: scopeMatcherSchema.default({}),
  kinds: kindsSchema.default([]),
  reason: z.string({ error: "expected a reason (text)" }).trim().min(1, "expected a reason of 1 to 500 characters").max(500, "expected a reason of 1 to 500 characters"),
  expires_at: z.iso.datetime({ offset: true, error: "expected an ISO 8601 time with a zone, e.g. 2026-12-03T18:00:00Z" }),
});
export type SilenceInput = z.infer<typeof silenceInputSchema>;

type Row = { id: string; matcher: string; reason: string; createdBy: string; expiresAt: Date; createdAt: Date };

function view(r: Row, now = new Date()): SilenceView {
  const m = storedSilenceMatcher(r.matcher);
  return { id: r.id, scope: m.scope, kinds: m.kinds, reason: r.reason, createdBy: r.createdBy, expiresAt: r.expiresAt.toISOString(), createdAt: r.createdAt.toISOString(), active: r.expiresAt > now };
}

/** Active silences first, then the 50 most recently expired (for the record). */
export async function listSilences(orgId: string): Promise<SilenceView[]> {
  const now = new Date();
  const active = await db().silence.findMany({ where: { orgId, expiresAt: { gt: now } }, orderBy: { expiresAt: "asc" } });
  const expired = await db().silence.findMany({ where: { orgId, expiresAt: { lte: now } }, orderBy: { expiresAt: "desc" }, take: 50 });
  return [...active, ...expired].map((r) => view(r, now));
}

export async function createSilence(orgId: string, actor: string, input: SilenceInput): Promise<{ ok: true; silence: SilenceView } | { ok: false; details: string[] }> {
  const expiresAt = new Date(input.expires_at);
  const now = Date.now();
  if (expiresAt.getTime() <= now) return { ok: false, details: ["expires_at: expected a time in the future"] };
  if (expiresAt.getTime() - now > MAX_SILENCE_MS) return { ok: false, details: ["expires_at: expected at most one year from now (a silence must end)"] };
  const row = await db().silence.create({
    data: { orgId, matcher: JSON.stringify({ scope: input.scope, kinds: input.kinds }), reason: input.reason, createdBy: actor, expiresAt },
  });
  const silence = view(row);
  await recordAudit({ orgId, actor, action: "silence.create", targetType: "silence", targetId: row.id, after: silence });
  return { ok: true, silence };
}

/** Ends a silence now; the row stays so the record shows who silenced what and until when. */
export async function expireSilence(orgId: string, actor: string, id: string): Promise<boolean> {
  const row = await db().silence.findFirst({ where: { orgId, id } });
  if (!row) return false;
  const now = new Date();
  const after = row.expiresAt > now ? await db().silence.update({ where: { id }, data: { expiresAt: now } }) : row;
  await recordAudit({ orgId, actor, action: "silence.expire", targetType: "silence", targetId: id, before: view(row), after: view(after, new Date(now.getTime() + 1)) });
  return true;
}
