import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { authOptions, sessionUserFrom } from "./options";
import { can, type Permission } from "./roles";
import { pagePermission } from "./page-rules";
import { REQUEST_PATH_HEADER } from "./security-headers";
import { safeCallbackPath } from "./safe-redirect";
import type { SessionUser } from "./sessions";

export type PageUser = SessionUser;

/**
 * Current signed-in user, or null; the session and the role are read from the database on every
 * request (once per server render: layout, page and the forbidden view share the answer).
 */
export const currentUser = cache(async (): Promise<PageUser | null> => sessionUserFrom(await getServerSession(authOptions)));

/** The path and query this request asked for (set by proxy.ts), so sign-in can come back to it. */
export async function requestPath(): Promise<string> {
  return safeCallbackPath((await headers()).get(REQUEST_PATH_HEADER));
}

async function signInUrl(): Promise<string> {
  const path = await requestPath();
  return path === "/" ? "/signin" : `/signin?callbackUrl=${encodeURIComponent(path)}`;
}

function refusedPage(permission: Permission): never {
  redirect(`/forbidden?need=${encodeURIComponent(permission)}`);
}

/** For pages: signs in when needed (coming back to the same page), and refuses a role without the permission. */
export async function requirePermission(permission: Permission): Promise<PageUser> {
  const user = await currentUser();
  if (!user) redirect(await signInUrl());
  if (!can(user.role, permission)) refusedPage(permission);
  return user;
}

/**
 * For the (app) layout, which renders before any page content streams: applies the page rule of the
 * requested path, so a refused request gets a real redirect status rather than a 200 with a
 * client-side redirect inside.
 */
export async function requirePageAccess(): Promise<PageUser> {
  const user = await currentUser();
  if (!user) redirect(await signInUrl());
  const permission = pagePermission(await requestPath());
  if (permission && !can(user.role, permission)) refusedPage(permission);
  return user;
}

/**
 * For server actions: a refusal answers 403 (Next.js `forbidden()`, no stack trace) and logs one line.
 * A signed-out caller is refused the same way: an action cannot send anyone to sign in.
 */
export async function assertPermission(permission: Permission): Promise<PageUser> {
  const user = await currentUser();
  if (!user || !can(user.role, permission)) {
    console.warn(`[auth] refused ${permission} to ${user ? `${user.email} (${user.role})` : "a signed-out caller"}`);
    forbidden();
  }
  return user;
}
