import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { currentUser } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { SignOutButton } from "@/components/sign-out-button";
import { NavLinks } from "@/components/nav-links";

/** Signed-in shell. Pages still check their own permission: a layout is not re-run on every navigation. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/signin");
  const links = [
    { href: "/", label: "Overview", show: can(user.role, "dashboard.view") },
    { href: "/prices", label: "Prices", show: can(user.role, "prices.view") },
    { href: "/settings/api-keys", label: "API keys", show: can(user.role, "apikeys.manage") },
  ]
    .filter((l) => l.show)
    .map(({ href, label }) => ({ href, label }));
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
          <Link href="/" className="font-semibold">
            LLM FinOps
          </Link>
          <NavLinks links={links} />
          <div className="ml-auto flex items-center gap-3 text-sm text-slate-600">
            <span>
              {user.email} · <span className="font-medium">{user.role}</span>
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6 sm:px-6">{children}</main>
    </div>
  );
}
