import type { Metadata } from "next";
import Link from "next/link";
import { currentUser } from "@/lib/auth/guard";
import { PERMISSIONS, type Permission } from "@/lib/auth/roles";
import { SignOutButton } from "@/components/sign-out-button";

export const metadata: Metadata = { title: "Not allowed" };

function isPermission(p: string | undefined): p is Permission {
  return p !== undefined && Object.hasOwn(PERMISSIONS, p);
}

function whoHas(roles: readonly string[]): string {
  if (roles.length === 1) return `only the ${roles[0]} role has`;
  return `the ${roles.slice(0, -1).join(", ")} and ${roles[roles.length - 1]} roles have`;
}

/** Where requirePermission() sends a signed-in user whose role lacks a page's permission. */
export default async function ForbiddenPage({ searchParams }: { searchParams: Promise<{ need?: string }> }) {
  const { need } = await searchParams;
  const user = await currentUser();
  const permission = isPermission(need) ? need : null;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div data-testid="forbidden" className="max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
        <h1 className="text-xl font-semibold">Your role can&apos;t open this page</h1>
        <p className="mt-2 text-sm text-slate-600">
          {permission ? (
            <>
              It needs the <code className="rounded bg-slate-100 px-1">{permission}</code> permission, which {whoHas(PERMISSIONS[permission])}.{" "}
            </>
          ) : null}
          {user ? (
            <>
              You are signed in as {user.email} with the <strong>{user.role}</strong> role.{" "}
            </>
          ) : null}
          Ask an administrator if you need access.
        </p>
        <div className="mt-6 flex items-center justify-center gap-3 text-sm">
          <Link href="/" className="rounded-md bg-slate-900 px-4 py-2 font-medium text-white">
            Back to the overview
          </Link>
          {user && <SignOutButton label="Sign in as someone else" />}
        </div>
      </div>
    </main>
  );
}
