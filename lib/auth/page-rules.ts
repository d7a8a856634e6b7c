import type { Permission } from "./roles";

/**
 * Which permission each signed-in page needs, by path. The (app) layout applies it before anything
 * streams (so a refused page answers with a real redirect, not a 200), and each page checks the same
 * permission itself, because a layout is not re-run on client-side navigation. A page under app/(app)
 * without a rule here fails lib/auth/page-rules.test.ts.
 */
export const PAGE_RULES: Record<string, Permission> = {
  "/": "dashboard.view",
  "/prices": "prices.view",
  "/settings/api-keys": "apikeys.manage",
  "/settings/users": "users.manage",
  "/budgets": "budgets.view",
  "/budgets/new": "budgets.manage",
  "/budgets/[id]": "budgets.view",
  "/budgets/[id]/edit": "budgets.manage",
  "/alerts": "alerts.view",
  "/alerts/[id]": "alerts.view",
  "/settings/monitors": "alerts.view",
  "/settings/channels": "alerts.view",
  "/settings/audit": "audit.view",
  "/sources": "sources.view",
  "/sources/[id]": "sources.view",
  "/reconciliation": "reconciliation.view",
  "/self-hosted": "selfhosted.view",
  "/caches": "caches.view",
  "/providers": "providers.view",
  "/settings/otlp": "apikeys.manage",
  "/slos": "slos.view",
  "/slos/new": "slos.manage",
  "/slos/[id]": "slos.view",
  "/slos/[id]/edit": "slos.manage",
  "/recommendations": "recommendations.view",
  "/recommendations/[id]": "recommendations.view",
  "/capacity": "recommendations.view",
  "/whatif": "whatif.run",
  "/reports": "reports.view",
  "/reports/quarterly": "reports.view",
};

/**
 * The rule for a request path (query ignored): the rule with the most segments that is the path or a
 * parent of it; a `[param]` segment matches any one segment, and a literal beats a parameter.
 */
export function pagePermission(pathWithQuery: string): Permission | null {
  const segments = (pathWithQuery.split(/[?#]/)[0].replace(/\/+$/, "") || "/").split("/").filter(Boolean);
  let best: { rule: string; score: number } | null = null;
  for (const rule of Object.keys(PAGE_RULES)) {
    const parts = rule.split("/").filter(Boolean);
    if (rule === "/" ? segments.length !== 0 : parts.length > segments.length) continue;
    if (!parts.every((p, i) => p === segments[i] || /^\[[^\]]+\]$/.test(p))) continue;
    // more segments first; among equals, fewer parameters
    const score = parts.length * 100 - parts.filter((p) => p.startsWith("[")).length;
    if (best === null || score > best.score) best = { rule, score };
  }
  return best === null ? null : PAGE_RULES[best.rule];
}
