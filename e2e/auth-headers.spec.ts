import { expect, test } from "@playwright/test";
import { createKey, RUN, signIn } from "./helpers";

/** Security headers, 403s where refusals used to answer 200 or 500 (issue 7, defect 7). */

test("pages carry a nonce CSP that forbids framing, nosniff and a referrer policy; HSTS only over HTTPS", async ({ request }) => {
  const res = await request.get("/signin");
  const h = res.headers();
  expect(h["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
  expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(h["content-security-policy"]).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("same-origin");
  expect(h["strict-transport-security"]).toBeUndefined();
  const nonce = /'nonce-([^']+)'/.exec(h["content-security-policy"])![1];
  expect(await res.text()).toContain(`nonce="${nonce}"`);
  const again = (await request.get("/signin")).headers()["content-security-policy"];
  expect(again).not.toContain(nonce); // a new nonce per response

  const tls = await request.get("/signin", { headers: { "x-forwarded-proto": "https" } });
  expect(tls.headers()["strict-transport-security"]).toMatch(/max-age=\d+/);
});

test("API answers are nosniff and load nothing", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  expect(res.headers()["content-security-policy"]).toContain("default-src 'none'");
});

test("the budget check, answered before Next.js, carries the same security headers as every other API answer", async ({ request }) => {
  // lib/http/fast-routes.ts repeats next.config.js's API headers: this keeps the two from drifting apart.
  const auth = { authorization: `Bearer ${await createKey(`e2e headers ${RUN}`, "read")}` };
  const SECURITY = ["x-content-type-options", "referrer-policy", "x-frame-options", "content-security-policy"];
  const pick = (h: Record<string, string>) => Object.fromEntries(SECURITY.map((k) => [k, h[k]]));
  const fast = await request.get("/api/v1/budgets/check?team=support", { headers: auth });
  const next = await request.get("/api/v1/budgets", { headers: auth });
  expect([fast.status(), next.status()]).toEqual([200, 200]);
  expect(fast.headers()["x-powered-by"]).toBeUndefined();
  expect(pick(fast.headers())).toEqual(pick(next.headers()));
  expect(pick(next.headers())["x-frame-options"]).toBe("DENY");
});

test("every page renders and runs its scripts without a CSP violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text());
  });
  await page.goto("/signin");
  await signIn(page, "admin");
  for (const path of ["/", "/prices", "/settings/api-keys", "/settings/users"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  // Scripts ran: a client-side navigation works and the overview's chart (recharts, inline styles) drew.
  await page.getByRole("link", { name: "Overview" }).click();
  await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
  expect(violations).toEqual([]);
});

test("/forbidden answers 403", async ({ page, request }) => {
  expect((await request.get("/forbidden")).status()).toBe(403);
  await signIn(page, "viewer");
  const res = await page.request.get("/forbidden?need=apikeys.manage");
  expect(res.status()).toBe(403);
  expect(await res.text()).toContain("apikeys.manage");
  const refused = await page.request.get("/settings/api-keys", { maxRedirects: 0 });
  expect(refused.status()).toBe(307);
  expect(refused.headers().location).toBe("/forbidden?need=apikeys.manage");
});

test("a refused server action answers 403, not 500", async ({ page, browser }) => {
  // Record what the browser sends for a real action (an engineer creating a key)...
  await signIn(page, "engineer");
  await page.goto("/settings/api-keys");
  const sent = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  await page.getByLabel(/^name/i).fill("e2e action probe");
  await page.getByRole("button", { name: /create key/i }).click();
  const action = await sent;
  await expect(page.getByTestId("new-api-key")).toBeVisible();
  const headers = { ...action.headers() };
  delete headers.cookie;

  // ...and send the same request as a viewer and as nobody.
  const viewer = await browser.newContext();
  const vp = await viewer.newPage();
  await signIn(vp, "viewer");
  const asViewer = await viewer.request.post(action.url(), { headers, data: action.postDataBuffer()! });
  expect(asViewer.status()).toBe(403);
  const anonymous = await browser.newContext();
  const asNobody = await anonymous.request.post(action.url(), { headers, data: action.postDataBuffer()! });
  expect(asNobody.status()).toBe(403);
  await viewer.close();
  await anonymous.close();
});
