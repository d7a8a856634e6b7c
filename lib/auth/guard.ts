import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions, sessionUserFrom, type SessionUser } from "./options";
import { can, type Permission, type Role } from "./roles";

export type PageUser = SessionUser & { role: Role };

/** Current signed-in user, or null. Re-reads the role from the token on every request. */
export async function currentUser(): Promise<PageUser | null> {
  return sessionUserFrom(await getServerSession(authOptions)) as PageUser | null;
}

/** For pages and server actions: signs in when needed, and refuses a role without the permission. */
export async function requirePermission(permission: Permission): Promise<PageUser> {
  const user = await currentUser();
  if (!user) redirect("/signin");
  if (!can(user.role, permission)) redirect(`/forbidden?need=${encodeURIComponent(permission)}`);
  return user;
}

export class ForbiddenError extends Error {
  constructor(public readonly permission: Permission) {
    super(`Your role may not do this (needs ${permission}).`);
  }
}

/** For server actions, which must throw rather than redirect mid-mutation. */
export async function assertPermission(permission: Permission): Promise<PageUser> {
  const user = await currentUser();
  if (!user || !can(user.role, permission)) throw new ForbiddenError(permission);
  return user;
}
