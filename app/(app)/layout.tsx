import Link from "next/link";
import type { ReactNode } from "react";
import { requirePageAccess } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { SignOutButton } from "@/components/sign-out-button";
import { NavLinks } from "@/components/nav-links";

/**
 * Signed-in shell. It applies the requested page's rule before anything streams, so a signed-out or
 * refused request gets a real redirect; pages still check their own permission, because a layout is
 * not re-run on client-side navigation.
 */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requirePageAccess();
  const links = [
    { href: "/", label: "Overview", show: can(user.role, "dashboard.view") },
    { href: "/budgets", label: "Budgets", show: can(user.role, "budgets.view") },
    { href: "/alerts", label: "Alerts", show: can(user.role, "alerts.view") },
    { href: "/slos", label: "SLOs", show: can(user.role, "slos.view") },
    { href: "/recommendations", label: "Recommendations", show: can(user.role, "recommendations.view") },
    { href: "/whatif", label: "What-if", show: can(user.role, "whatif.run") },
    { href: "/reports/quarterly", label: "Quarterly review", show: can(user.role, "reports.view") },
    { href: "/reconciliation", label: "Billed vs attributed", show: can(user.role, "reconciliation.view") },
    { href: "/self-hosted", label: "Self-hosted", show: can(user.role, "selfhosted.view") },
    { href: "/capacity", label: "Capacity", show: can(user.role, "recommendations.view") },
    { href: "/caches", label: "Caches", show: can(user.role, "caches.view") },
    { href: "/providers", label: "Providers", show: can(user.role, "providers.view") },
    { href: "/prices", label: "Prices", show: can(user.role, "prices.view") },
    { href: "/sources", label: "Sources", show: can(user.role, "sources.view") },
    { href: "/settings/monitors", label: "Monitors", show: can(user.role, "alerts.view") },
    { href: "/settings/channels", label: "Channels", show: can(user.role, "alerts.view") },
    { href: "/settings/api-keys", label: "API keys", show: can(user.role, "apikeys.manage") },
    { href: "/settings/otlp", label: "OpenTelemetry", show: can(user.role, "apikeys.manage") },
    { href: "/settings/users", label: "Users", show: can(user.role, "users.manage") },
    { href: "/settings/audit", label: "Audit log", show: can(user.role, "audit.view") },
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
