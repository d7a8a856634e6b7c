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
};

/** The rule for a request path (query ignored): the longest rule path that is the path or a parent of it. */
export function pagePermission(pathWithQuery: string): Permission | null {
  const path = pathWithQuery.split(/[?#]/)[0].replace(/\/+$/, "") || "/";
  let best: string | null = null;
  for (const p of Object.keys(PAGE_RULES)) {
    const match = p === "/" ? path === "/" : path === p || path.startsWith(`${p}/`);
    if (match && (best === null || p.length > best.length)) best = p;
  }
  return best === null ? null : PAGE_RULES[best];
}
