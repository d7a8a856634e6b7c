import "server-only";
import { db } from "@/lib/db/prisma";
import { takeWriteLock } from "@/lib/db/write-lock";
import { hashPassword } from "./password";
import { revokeUserSessions } from "./sessions";
import { isRole, type Role } from "./roles";

export class UserChangeError extends Error {}

export type UserRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: Date;
  lastSignInAt: Date | null;
};

export async function listUsers(orgId: string): Promise<UserRow[]> {
  const rows = await db().user.findMany({ where: { orgId }, orderBy: { email: "asc" } });
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: isRole(u.role) ? u.role : "viewer",
    disabled: u.disabledAt !== null,
    createdAt: u.createdAt,
    lastSignInAt: u.lastSignInAt,
  }));
}

async function findUser(orgId: string, userId: string) {
  const user = await db().user.findFirst({ where: { id: userId, orgId } });
  if (!user) throw new UserChangeError("No such user in this organization.");
  return user;
}

/**
 * The organization must keep at least one active admin: nobody (the last admin included) may demote
 * or disable the last one, or the users page and the keys would have no one left to manage them.
 * Runs inside the same transaction as the change, so two admins demoting each other cannot both win.
 */
async function assertAnotherActiveAdmin(tx: Pick<ReturnType<typeof db>, "user">, orgId: string, userId: string) {
  const others = await tx.user.count({ where: { orgId, role: "admin", disabledAt: null, id: { not: userId } } });
  if (others === 0) throw new UserChangeError("This is the last active admin: make someone else an admin first.");
}

export async function setUserRole(orgId: string, userId: string, role: Role): Promise<{ email: string; changed: boolean; previousRole: string }> {
  if (!isRole(role)) throw new UserChangeError(`role: expected one of admin, finance, engineer, oncall, viewer`);
  return db().$transaction(async (tx) => {
    await takeWriteLock(tx, `admins:${orgId}`);
    const user = await tx.user.findFirst({ where: { id: userId, orgId } });
    if (!user) throw new UserChangeError("No such user in this organization.");
    if (user.role === role) return { email: user.email, changed: false, previousRole: user.role };
    if (user.role === "admin" && !user.disabledAt) await assertAnotherActiveAdmin(tx, orgId, userId);
    await tx.user.update({ where: { id: userId }, data: { role } });
    return { email: user.email, changed: true, previousRole: user.role };
  });
}

/** Disabling ends the user's sessions at once; enabling lets them sign in again. */
export async function setUserDisabled(orgId: string, userId: string, disabled: boolean): Promise<{ email: string; changed: boolean }> {
  const result = await db().$transaction(async (tx) => {
    await takeWriteLock(tx, `admins:${orgId}`);
    const user = await tx.user.findFirst({ where: { id: userId, orgId } });
    if (!user) throw new UserChangeError("No such user in this organization.");
    if ((user.disabledAt !== null) === disabled) return { email: user.email, changed: false };
    if (disabled && user.role === "admin") await assertAnotherActiveAdmin(tx, orgId, userId);
    await tx.user.update({ where: { id: userId }, data: { disabledAt: disabled ? new Date() : null } });
    return { email: user.email, changed: true };
  });
  if (disabled) await revokeUserSessions(userId);
  return result;
}

/** A new password ends every existing session of the user. */
export async function setUserPassword(orgId: string, userId: string, password: string): Promise<void> {
  if (password.length < 8 || password.length > 512) throw new UserChangeError("password: 8 to 512 characters");
  await findUser(orgId, userId);
  await db().user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(password) } });
  await revokeUserSessions(userId);
}

export async function userIdByEmail(orgId: string | null, email: string): Promise<{ id: string; orgId: string }> {
  const user = await db().user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user || (orgId && user.orgId !== orgId)) throw new UserChangeError(`--email: no user ${email}`);
  return { id: user.id, orgId: user.orgId };
}
