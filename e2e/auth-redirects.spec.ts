import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

/** Sign-in sends people only to pages of this site, and back to the page they asked for (issue 7, defect 4). */

const HOSTILE = ["/\\evil.example/", "/\t/evil.example/", "//evil.example/", "https://evil.example/", "/.//evil.example/"];

test("signed in, /signin?callbackUrl=... never redirects to another host", async ({ page, baseURL }) => {
  await signIn(page, "viewer");
  for (const target of HOSTILE) {
    const res = await page.request.get(`/signin?callbackUrl=${encodeURIComponent(target)}`, { maxRedirects: 0 });
    expect(res.status(), target).toBe(307);
    const location = res.headers().location;
    // What a browser does with the Location header: resolve it against the page's URL.
    expect(new URL(location, baseURL).origin, `${JSON.stringify(target)} -> ${location}`).toBe(new URL(baseURL!).origin);
    expect(location, target).not.toMatch(/^\/[\\/]|^[a-z]+:/i);
  }
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("/\\evil.example/")}`);
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
});

test("signing in after the form also keeps to this site", async ({ page, baseURL }) => {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("/\\evil.example/")}`);
  await page.getByLabel("Email").fill("viewer@demo.local");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).not.toHaveURL(/\/signin/);
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
});

test("a shared link opened while signed out lands on its page and filters after sign-in", async ({ page }) => {
  const shared = "/?from=2026-01-01&to=2026-01-31&feature=e2e-summarize";
  await page.goto(shared);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await page.getByLabel("Email").fill("finance@demo.local");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL((u) => `${u.pathname}${u.search}` === shared);

  await page.context().clearCookies();
  await page.goto("/prices?highlight=unpriced");
  await page.getByLabel("Email").fill("finance@demo.local");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL((u) => `${u.pathname}${u.search}` === "/prices?highlight=unpriced");
});
