import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { DEMO_PASSWORD, RUN, apiSignIn, cli, createKey } from "./helpers";

/**
 * Reliability suite, access: every page, route handler and server action, found by reading app/ (so
 * a new one without a rule here fails this test), is called over HTTP as every role, each key scope,
 * a revoked key, a disabled user's still-open session and a signed-out client, and must answer as
 * the table below says. The table is written from the product's documented roles, not read from its
 * code, so it checks the code rather than repeating it.
 */
const root = path.resolve(import.meta.dirname, "..");
const ROLES = ["admin", "finance", "engineer", "oncall", "viewer"] as const;
type Role = (typeof ROLES)[number];
const ALL: readonly Role[] = ROLES;
const ACT: readonly Role[] = ["admin", "engineer", "oncall"];
const ALERTING: readonly Role[] = ["admin", "engineer"];
const BUDGETING: readonly Role[] = ["admin", "finance"];
const SOURCES: readonly Role[] = ["admin", "engineer"];
const RECONCILING: readonly Role[] = ["admin", "finance", "engineer"];
/** SLOs and recommendations are changed by those who own cost: finance with the engineers */
const OPTIMIZING: readonly Role[] = ["admin", "finance", "engineer"];

type PageRule = readonly Role[] | "public";
const PAGES: Record<string, PageRule> = {
  "/": ALL,
  "/prices": ALL,
  "/settings/api-keys": ["admin", "engineer"],
  "/settings/users": ["admin"],
  "/settings/audit": ["admin"],
  "/settings/channels": ALL,
  "/alerts": ALL,
  "/budgets": ALL,
  "/budgets/new": BUDGETING,
  "/budgets/[id]": ALL,
  "/budgets/[id]/edit": BUDGETING,
  "/settings/monitors": ALL,
  "/alerts/[id]": ALL,
  "/sources": SOURCES,
  "/sources/[id]": SOURCES,
  "/reconciliation": ALL,
  "/self-hosted": ALL,
  "/caches": ALL,
  "/providers": ALL,
  "/settings/otlp": ["admin", "engineer"],
  "/slos": ALL,
  "/slos/new": OPTIMIZING,
  "/slos/[id]": ALL,
  "/slos/[id]/edit": OPTIMIZING,
  "/recommendations": ALL,
  "/recommendations/[id]": ALL,
  "/capacity": ALL,
  "/whatif": ALL,
  "/reports": ALL,
  "/reports/quarterly": ALL,
  "/signin": "public",
  "/forbidden": "public",
  "/invite/[token]": "public",
};

type RouteRule = "public" | { scope: "ingest" | "read" | "manage"; roles: readonly Role[] };
const ROUTES: Record<string, RouteRule> = {
  "GET /api/health": "public",
  "GET /api/auth/[...nextauth]": "public",
  "POST /api/auth/[...nextauth]": "public",
  "GET /api/v1/spend": { scope: "read", roles: ALL },
  "GET /api/v1/audit": { scope: "read", roles: ["admin"] },
  "GET /api/v1/budgets": { scope: "read", roles: ALL },
  "POST /api/v1/budgets": { scope: "manage", roles: BUDGETING },
  "GET /api/v1/budgets/[id]": { scope: "read", roles: ALL },
  "PATCH /api/v1/budgets/[id]": { scope: "manage", roles: BUDGETING },
  "DELETE /api/v1/budgets/[id]": { scope: "manage", roles: BUDGETING },
  "GET /api/v1/budgets/check": { scope: "read", roles: ALL },
  "GET /api/v1/monitors": { scope: "read", roles: ALL },
  "POST /api/v1/monitors": { scope: "manage", roles: ALERTING },
  "GET /api/v1/monitors/[id]": { scope: "read", roles: ALL },
  "PATCH /api/v1/monitors/[id]": { scope: "manage", roles: ALERTING },
  "DELETE /api/v1/monitors/[id]": { scope: "manage", roles: ALERTING },
  "GET /api/v1/alerts": { scope: "read", roles: ALL },
  "GET /api/v1/alerts/[id]": { scope: "read", roles: ALL },
  "POST /api/v1/alerts/[id]/acknowledge": { scope: "manage", roles: ACT },
  "POST /api/v1/alerts/[id]/resolve": { scope: "manage", roles: ACT },
  "POST /api/v1/alerts/[id]/snooze": { scope: "manage", roles: ACT },
  "GET /api/v1/channels": { scope: "read", roles: ALL },
  "POST /api/v1/channels": { scope: "manage", roles: ALERTING },
  "GET /api/v1/channels/[id]": { scope: "read", roles: ALL },
  "DELETE /api/v1/channels/[id]": { scope: "manage", roles: ALERTING },
  "POST /api/v1/channels/[id]/test": { scope: "manage", roles: ALERTING },
  "GET /api/v1/channels/[id]/deliveries": { scope: "read", roles: ALL },
  "GET /api/v1/routing-rules": { scope: "read", roles: ALL },
  "POST /api/v1/routing-rules": { scope: "manage", roles: ALERTING },
  "DELETE /api/v1/routing-rules/[id]": { scope: "manage", roles: ALERTING },
  "GET /api/v1/silences": { scope: "read", roles: ALL },
  "POST /api/v1/silences": { scope: "manage", roles: ACT },
  "DELETE /api/v1/silences/[id]": { scope: "manage", roles: ACT },
  "POST /api/v1/events": { scope: "ingest", roles: [] },
  // Sources hold admin keys and reveal infrastructure: even reading them takes the manage scope.
  "GET /api/v1/sources": { scope: "manage", roles: SOURCES },
  "POST /api/v1/sources": { scope: "manage", roles: SOURCES },
  "GET /api/v1/sources/[id]": { scope: "manage", roles: SOURCES },
  "PATCH /api/v1/sources/[id]": { scope: "manage", roles: SOURCES },
  "DELETE /api/v1/sources/[id]": { scope: "manage", roles: SOURCES },
  "POST /api/v1/sources/[id]/run": { scope: "manage", roles: SOURCES },
  "GET /api/v1/reconciliation": { scope: "read", roles: ALL },
  "GET /api/v1/reconciliation/coverage-alert": { scope: "read", roles: ALL },
  "PUT /api/v1/reconciliation/coverage-alert": { scope: "manage", roles: RECONCILING },
  // Mappings name provider projects and keys: reading them takes the manage scope too.
  "GET /api/v1/provider-mappings": { scope: "manage", roles: RECONCILING },
  "POST /api/v1/provider-mappings": { scope: "manage", roles: RECONCILING },
  "DELETE /api/v1/provider-mappings/[id]": { scope: "manage", roles: RECONCILING },
  "POST /api/otlp/v1/traces": { scope: "ingest", roles: [] },
  "POST /api/otlp/v1/metrics": { scope: "ingest", roles: [] },
  "GET /api/v1/otlp-mapping": { scope: "manage", roles: ["admin", "engineer"] },
  "PUT /api/v1/otlp-mapping": { scope: "manage", roles: ["admin", "engineer"] },
  "GET /api/v1/deployments": { scope: "read", roles: ALL },
  "POST /api/v1/deployments": { scope: "manage", roles: ["admin", "engineer"] },
  "GET /api/v1/deployments/[id]": { scope: "read", roles: ALL },
  "PATCH /api/v1/deployments/[id]": { scope: "manage", roles: ["admin", "engineer"] },
  "DELETE /api/v1/deployments/[id]": { scope: "manage", roles: ["admin", "engineer"] },
  "GET /api/v1/self-hosted": { scope: "read", roles: ALL },
  "GET /api/v1/caches": { scope: "read", roles: ALL },
  "POST /api/v1/cache-stats": { scope: "ingest", roles: [] },
  "GET /api/v1/provider-health": { scope: "read", roles: ALL },
  "GET /api/v1/provider-health/settings": { scope: "read", roles: ALL },
  "PUT /api/v1/provider-health/settings": { scope: "manage", roles: SOURCES },
  "GET /api/v1/slos": { scope: "read", roles: ALL },
  "POST /api/v1/slos": { scope: "manage", roles: OPTIMIZING },
  "GET /api/v1/slos/[id]": { scope: "read", roles: ALL },
  "PATCH /api/v1/slos/[id]": { scope: "manage", roles: OPTIMIZING },
  "DELETE /api/v1/slos/[id]": { scope: "manage", roles: OPTIMIZING },
  "GET /api/v1/recommendations": { scope: "read", roles: ALL },
  "GET /api/v1/recommendations/[id]": { scope: "read", roles: ALL },
  "POST /api/v1/recommendations/[id]/status": { scope: "manage", roles: OPTIMIZING },
  "POST /api/v1/recommendations/refresh": { scope: "manage", roles: OPTIMIZING },
  // A what-if replay changes nothing: it is a read, for every role and the read scope.
  "POST /api/v1/whatif": { scope: "read", roles: ALL },
  "GET /api/v1/reports/quarterly": { scope: "read", roles: ALL },
};

const ACTIONS: Record<string, readonly Role[] | "public"> = {
  "app/(app)/prices/actions.ts#createOverrideAction": ["admin", "finance"],
  "app/(app)/prices/actions.ts#deleteOverrideAction": ["admin", "finance"],
  "app/(app)/prices/actions.ts#recostAction": ["admin", "finance"],
  "app/(app)/settings/api-keys/actions.ts#createKeyAction": ["admin", "engineer"],
  "app/(app)/settings/api-keys/actions.ts#revokeKeyAction": ["admin", "engineer"],
  "app/(app)/settings/api-keys/actions.ts#setKeyLimitsAction": ["admin", "engineer"],
  "app/(app)/settings/users/actions.ts#inviteAction": ["admin"],
  "app/(app)/settings/users/actions.ts#setRoleAction": ["admin"],
  "app/(app)/settings/users/actions.ts#setDisabledAction": ["admin"],
  "app/(app)/settings/users/actions.ts#resetLinkAction": ["admin"],
  "app/(app)/settings/users/actions.ts#revokeLinkAction": ["admin"],
  "app/(app)/budgets/actions.ts#createBudgetAction": BUDGETING,
  "app/(app)/budgets/actions.ts#updateBudgetAction": BUDGETING,
  "app/(app)/budgets/actions.ts#deleteBudgetAction": BUDGETING,
  "app/(app)/settings/monitors/actions.ts#createMonitorAction": ALERTING,
  "app/(app)/settings/monitors/actions.ts#updateMonitorAction": ALERTING,
  "app/(app)/settings/monitors/actions.ts#setMonitorEnabledAction": ALERTING,
  "app/(app)/settings/monitors/actions.ts#deleteMonitorAction": ALERTING,
  "app/(app)/alerts/actions.ts#acknowledgeAction": ACT,
  "app/(app)/alerts/actions.ts#resolveAction": ACT,
  "app/(app)/alerts/actions.ts#snoozeAction": ACT,
  "app/(app)/settings/channels/actions.ts#createChannelAction": ALERTING,
  "app/(app)/settings/channels/actions.ts#deleteChannelAction": ALERTING,
  "app/(app)/settings/channels/actions.ts#toggleChannelAction": ALERTING,
  "app/(app)/settings/channels/actions.ts#testChannelAction": ALERTING,
  "app/(app)/settings/channels/actions.ts#createRuleAction": ALERTING,
  "app/(app)/settings/channels/actions.ts#deleteRuleAction": ALERTING,
  "app/(app)/settings/channels/actions.ts#createSilenceAction": ACT,
  "app/(app)/settings/channels/actions.ts#expireSilenceAction": ACT,
  "app/(app)/sources/actions.ts#createSourceAction": SOURCES,
  "app/(app)/sources/actions.ts#sourceCommandAction": SOURCES,
  "app/(app)/sources/actions.ts#deleteSourceAction": SOURCES,
  "app/(app)/reconciliation/actions.ts#saveMappingAction": RECONCILING,
  "app/(app)/reconciliation/actions.ts#deleteMappingAction": RECONCILING,
  "app/(app)/reconciliation/actions.ts#saveCoverageAlertAction": RECONCILING,
  "app/(app)/settings/otlp/actions.ts#saveMappingAction": ["admin", "engineer"],
  "app/(app)/self-hosted/actions.ts#createDeploymentAction": ["admin", "engineer"],
  "app/(app)/self-hosted/actions.ts#deleteDeploymentAction": ["admin", "engineer"],
  "app/(app)/slos/actions.ts#createSloAction": OPTIMIZING,
  "app/(app)/slos/actions.ts#updateSloAction": OPTIMIZING,
  "app/(app)/slos/actions.ts#deleteSloAction": OPTIMIZING,
  "app/(app)/recommendations/actions.ts#changeStatusAction": OPTIMIZING,
  "app/(app)/recommendations/actions.ts#refreshAction": OPTIMIZING,
  "app/(app)/recommendations/actions.ts#saveFeatureSettingAction": OPTIMIZING,
  // The one-time token is the credential; without a valid one it changes nothing.
  "app/invite/actions.ts#acceptLinkAction": "public",
};

// ---- what the code has -------------------------------------------------------------------------

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
const appFiles = files(path.join(root, "app")).map((f) => path.relative(root, f).split(path.sep).join("/"));

/** app/(group)/a/[b]/page.tsx -> /a/[b] */
const urlOf = (file: string) => "/" + file.split("/").slice(1, -1).filter((s) => !/^\(.*\)$/.test(s)).join("/");

const pages = appFiles.filter((f) => /\/page\.tsx?$/.test(f)).map(urlOf);
const routes = appFiles
  .filter((f) => /\/route\.tsx?$/.test(f))
  .flatMap((f) => {
    const src = fs.readFileSync(path.join(root, f), "utf8");
    const methods = new Set([...src.matchAll(/export\s+(?:async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE)\b/g), ...src.matchAll(/\bas\s+(GET|POST|PUT|PATCH|DELETE)\b/g), ...src.matchAll(/export\s+const\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]));
    return [...methods].map((m) => `${m} ${urlOf(f)}`);
  });
const actions = appFiles
  .filter((f) => /\.tsx?$/.test(f) && /^\s*["']use server["']/.test(fs.readFileSync(path.join(root, f), "utf8")))
  .flatMap((f) => [...fs.readFileSync(path.join(root, f), "utf8").matchAll(/export\s+async\s+function\s+(\w+)/g)].map((m) => `${f}#${m[1]}`));

test("every page, route handler and server action in app/ has a rule, and every rule still exists", () => {
  expect(pages.sort()).toEqual(Object.keys(PAGES).sort());
  expect(routes.sort()).toEqual(Object.keys(ROUTES).sort());
  expect(actions.sort()).toEqual(Object.keys(ACTIONS).sort());
});

// ---- who asks ------------------------------------------------------------------------------------

type Principal = { name: string; role?: Role; signedIn: boolean; key?: string; ctx: APIRequestContext };
const principals: Principal[] = [];
const baseURL = `http://localhost:${process.env.E2E_PORT ?? 3111}`;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const anon = () => playwrightRequest.newContext({ baseURL });
  principals.push({ name: "signed out", signedIn: false, ctx: await anon() });
  for (const role of ROLES) {
    const ctx = await anon();
    expect((await apiSignIn(ctx, `${role}@demo.local`, DEMO_PASSWORD)).status()).toBeLessThan(400);
    principals.push({ name: role, role, signedIn: true, ctx });
  }
  // A disabled admin whose session was open before it was disabled.
  const email = `matrix-disabled-${RUN}@demo.local`;
  await cli("users", "create", "--email", email, "--role", "admin", "--password", "matrix-password-1");
  const disabled = await anon();
  expect((await apiSignIn(disabled, email, "matrix-password-1")).status()).toBeLessThan(400);
  await cli("users", "disable", "--email", email);
  principals.push({ name: "disabled admin", signedIn: false, ctx: disabled });
  for (const scope of ["ingest", "read", "manage"]) principals.push({ name: `${scope} key`, signedIn: false, key: await createKey(`matrix ${scope} ${RUN}`, scope), ctx: await anon() });
  const revoked = await createKey(`matrix revoked ${RUN}`, "ingest,read");
  const id = (await cli("keys", "list")).split("\n").find((l) => l.includes(`matrix revoked ${RUN}`))?.split(/\s+/)[0];
  await cli("keys", "revoke", "--id", id!);
  principals.push({ name: "revoked key", signedIn: false, key: revoked, ctx: await anon() });
});

test.afterAll(async () => {
  for (const p of principals) await p.ctx.dispose();
});

const auth = (p: Principal): Record<string, string> => (p.key ? { authorization: `Bearer ${p.key}` } : {});
const sample = (url: string) => url.replace(/\[\.\.\.\w+\]/, "providers").replace(/\[\w+\]/g, "not-a-real-token");
const isSignInRedirect = (res: APIResponse) => res.status() >= 300 && res.status() < 400 && /\/signin/.test(res.headers().location ?? "");
const isForbidden = (res: APIResponse) => res.status() === 403 || (res.status() >= 300 && res.status() < 400 && /\/forbidden/.test(res.headers().location ?? ""));

// Each matrix test sends every page or route once per principal, hundreds of requests; their timeout
// bounds a hang, not the speed (the routes test took 58 s of the default 60 on SQLite in CI, and more
// on PostgreSQL).
test("pages: each role sees exactly its pages; everyone else is sent to sign in", async () => {
  test.setTimeout(5 * 60_000);
  for (const [url, rule] of Object.entries(PAGES)) {
    for (const p of principals) {
      const res = await p.ctx.get(sample(url), { headers: auth(p), maxRedirects: 0 });
      const what = `${p.name} GET ${url} -> ${res.status()} ${res.headers().location ?? ""}`;
      expect(res.status(), what).toBeLessThan(500);
      if (rule === "public") expect(isSignInRedirect(res), what).toBe(false);
      else if (!p.signedIn) expect(isSignInRedirect(res), what).toBe(true);
      // a made-up id on a page of one thing is a 404 once access is granted
      else if (rule.includes(p.role!)) expect(url.includes("[") && url !== "/invite/[token]" ? [200, 404] : [200], what).toContain(res.status());
      else expect(isForbidden(res), what).toBe(true);
    }
  }
});

test("route handlers: keys need their scope, sessions their role, and nothing else gets in", async () => {
  test.setTimeout(5 * 60_000);
  let n = 0;
  for (const [route, rule] of Object.entries(ROUTES)) {
    const [method, url] = route.split(" ");
    for (const p of principals) {
      // An allowed write gets past authorization and then refuses the empty body or the made-up id (4xx),
      // so the test asks only that it is not 401/403; an allowed read of a list answers 200.
      const call = () =>
        method === "GET"
          ? p.ctx.get(sample(url) + (url === "/api/v1/spend" ? "?from=2026-01-01&to=2026-01-02" : ""), { headers: auth(p), maxRedirects: 0 })
          : p.ctx.fetch(sample(url), {
              method,
              headers: auth(p),
              maxRedirects: 0,
              data: url === "/api/v1/events" ? { events: [{ id: `matrix-${RUN}-${n++}`, timestamp: "2026-01-01T10:00:00Z", provider: "openai", model: "gpt-4o-mini", usage: { input_tokens: 1, output_tokens: 1 } }] } : {},
            });
      const res = await call();
      const what = `${p.name} ${route} -> ${res.status()}`;
      expect(res.status(), what).toBeLessThan(500);
      if (rule === "public") {
        expect([401, 403], what).not.toContain(res.status());
        continue;
      }
      const keyAllowed = p.key !== undefined && p.name === `${rule.scope} key`;
      const sessionAllowed = p.signedIn && rule.roles.includes(p.role!);
      if (keyAllowed || sessionAllowed) {
        if (method === "GET" && !url.includes("[")) expect(res.status(), what).toBe(200);
        else expect([401, 403], what).not.toContain(res.status());
      }
      else if (p.signedIn || (p.key && p.name !== "revoked key")) expect(res.status(), what).toBe(p.signedIn && rule.roles.length === 0 ? 401 : 403);
      else expect(res.status(), what).toBe(401);
    }
  }
});

/** The page that carries each action, from the build's manifest, so an action is called as the browser calls it. */
function actionIds(): Map<string, { id: string; page: string }> {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  const out = new Map<string, { id: string; page: string }>();
  for (const [id, a] of Object.entries(manifest.node)) {
    const worker = Object.keys(a.workers).find((w) => w.endsWith("/page"));
    if (worker) out.set(`${a.filename}#${a.exportedName}`, { id, page: sample(urlOf(`${worker}.tsx`)) });
  }
  return out;
}

/** A server action request as React encodes it: the arguments in part "0", a FormData argument as prefixed parts. */
function actionBody(): FormData {
  const form = new FormData();
  form.append("0", JSON.stringify(["$K1", "$K1"]));
  return form;
}

test("server actions: each role may run exactly its actions; refusals are 403 before anything runs", async () => {
  test.setTimeout(5 * 60_000); // every action for every principal: about 40 s on SQLite, near the default 60
  const ids = actionIds();
  for (const [action, rule] of Object.entries(ACTIONS)) {
    const target = ids.get(action);
    expect(target, `${action} is in the build`).toBeDefined();
    for (const p of principals) {
      const res = await p.ctx.post(target!.page, { headers: { ...auth(p), "next-action": target!.id }, multipart: actionBody(), maxRedirects: 0 });
      const what = `${p.name} ${action} -> ${res.status()}`;
      expect(res.status(), what).toBeLessThan(500);
      const allowed = rule === "public" || (p.signedIn && rule.includes(p.role!));
      if (allowed) expect([401, 403], what).not.toContain(res.status());
      else expect(res.status(), what).toBe(403);
    }
  }
});
