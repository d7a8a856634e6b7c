import Link from "next/link";
import { currentUser, requestPath } from "@/lib/auth/guard";
import { pagePermission } from "@/lib/auth/page-rules";
import { PERMISSIONS, type Permission } from "@/lib/auth/roles";
import { SignOutButton } from "@/components/sign-out-button";

function isPermission(p: string | null): p is Permission {
  return p !== null && Object.hasOwn(PERMISSIONS, p);
}

function whoHas(roles: readonly string[]): string {
  if (roles.length === 1) return `only the ${roles[0]} role has`;
  return `the ${roles.slice(0, -1).join(", ")} and ${roles[roles.length - 1]} roles have`;
}

/** What a refused user sees: which permission was missing, who has it, and who they are signed in as. */
export async function ForbiddenView() {
  const path = await requestPath();
  const need = new URL(path, "http://x.invalid").searchParams.get("need");
  const permission = isPermission(need) ? need : pagePermission(path);
  const user = await currentUser();
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
