import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db/prisma";
import { hashPassword } from "./password";
import { revokeUserSessions } from "./sessions";
import { isRole, type Role } from "./roles";
import { UserChangeError } from "./users";

/**
 * One-time links: an invitation (an email and a role; the invitee chooses a name and password) or a
 * password reset for an existing user. There is no mail delivery, so the link is shown once to the
 * admin who made it; only the SHA-256 of its token is stored.
 */
export const INVITE_TTL_MS = 7 * 86_400_000;
export const RESET_TTL_MS = 24 * 3_600_000;

export type LinkKind = "invite" | "reset";
export type PendingLink = { id: string; kind: LinkKind; email: string; role: Role; createdBy: string; createdAt: Date; expiresAt: Date };

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

export function linkPath(token: string): string {
  return `/invite/${token}`;
}

async function issue(data: { orgId: string; kind: LinkKind; email: string; role: Role; createdBy: string; ttlMs: number }) {
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  // A new link replaces any earlier pending one for the same person and purpose.
  await db().invitation.updateMany({
    where: { orgId: data.orgId, kind: data.kind, email: data.email, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  const row = await db().invitation.create({
    data: { orgId: data.orgId, kind: data.kind, email: data.email, role: data.role, createdBy: data.createdBy, tokenHash: sha256(token), expiresAt: new Date(now.getTime() + data.ttlMs) },
  });
  return { id: row.id, token, path: linkPath(token), expiresAt: row.expiresAt };
}

export async function createInvitation(input: { orgId: string; email: string; role: Role; createdBy: string }) {
  const email = input.email.trim().toLowerCase();
  if (!isRole(input.role)) throw new UserChangeError("role: expected one of admin, finance, engineer, oncall, viewer");
  if (await db().user.findUnique({ where: { email } })) throw new UserChangeError(`email: ${email} already has an account; reset its password instead`);
  return issue({ orgId: input.orgId, kind: "invite", email, role: input.role, createdBy: input.createdBy, ttlMs: INVITE_TTL_MS });
}

export async function createResetLink(input: { orgId: string; userId: string; createdBy: string }) {
  const user = await db().user.findFirst({ where: { id: input.userId, orgId: input.orgId } });
  if (!user) throw new UserChangeError("No such user in this organization.");
  return issue({ orgId: input.orgId, kind: "reset", email: user.email, role: isRole(user.role) ? user.role : "viewer", createdBy: input.createdBy, ttlMs: RESET_TTL_MS });
}

export async function listPendingLinks(orgId: string): Promise<PendingLink[]> {
  const rows = await db().invitation.findMany({
    where: { orgId, usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((r) => ({ id: r.id, kind: r.kind === "reset" ? "reset" : "invite", email: r.email, role: isRole(r.role) ? r.role : "viewer", createdBy: r.createdBy, createdAt: r.createdAt, expiresAt: r.expiresAt }));
}

export async function revokeLink(orgId: string, id: string): Promise<boolean> {
  const res = await db().invitation.updateMany({ where: { id, orgId, usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
  return res.count > 0;
}

/** The pending link for a token, or null when it is unknown, used, revoked or expired. */
export async function findLink(token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const row = await db().invitation.findUnique({ where: { tokenHash: sha256(token) }, include: { org: true } });
  if (!row || row.usedAt || row.revokedAt || row.expiresAt.getTime() <= Date.now()) return null;
  return { id: row.id, kind: (row.kind === "reset" ? "reset" : "invite") as LinkKind, email: row.email, role: row.role, orgName: row.org.name };
}

/**
 * Uses a link: creates the invited user, or sets the reset user's password and ends their sessions.
 * The link is marked used in the same transaction, conditionally, so it works exactly once.
 */
export async function redeemLink(token: string, input: { name: string; password: string }): Promise<{ email: string; kind: LinkKind }> {
  const link = await findLink(token);
  if (!link) throw new UserChangeError("This link is invalid, already used, revoked or expired. Ask an admin for a new one.");
  const passwordHash = await hashPassword(input.password);
  const userId = await db().$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({ where: { id: link.id, usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } }, data: { usedAt: new Date() } });
    if (claimed.count !== 1) throw new UserChangeError("This link was used a moment ago. Ask an admin for a new one.");
    const row = await tx.invitation.findUniqueOrThrow({ where: { id: link.id } });
    if (link.kind === "reset") {
      const user = await tx.user.update({ where: { email: row.email }, data: { passwordHash } });
      return user.id;
    }
    if (await tx.user.findUnique({ where: { email: row.email } })) throw new UserChangeError(`${row.email} already has an account.`);
    const role = isRole(row.role) ? row.role : "viewer";
    await tx.user.create({ data: { orgId: row.orgId, email: row.email, name: input.name || row.email, role, passwordHash } });
    return null;
  });
  if (userId) await revokeUserSessions(userId);
  return { email: link.email, kind: link.kind };
}
