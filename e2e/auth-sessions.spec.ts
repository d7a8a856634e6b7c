import { expect, test } from "@playwright/test";
import { RUN, cli, signIn, signInAs } from "./helpers";

/**
 * Sessions are revocable (issue 7, defect 3): sign-out, disabling a user, a role change and a new
 * password take effect on the user's next request, whatever their browser still holds.
 */
const PASSWORD = "e2e sessions password";

async function newEngineer(tag: string): Promise<string> {
  const email = `e2e-${tag}-${RUN}@example.com`;
  await cli("users", "create", "--email", email, "--role", "engineer", "--password", PASSWORD);
  return email;
}

test("signing out ends the session on the server: a copy of the old cookie is refused", async ({ browser }) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, "finance");
  const stolen = await ctx.cookies();
  expect((await page.request.get("/api/v1/spend")).status()).toBe(200);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin$/);

  const replay = await browser.newContext();
  await replay.addCookies(stolen);
  expect((await replay.request.get("/api/v1/spend")).status()).toBe(401);
  const pageRes = await replay.request.get("/prices", { maxRedirects: 0 });
  expect(pageRes.status()).toBe(307);
  expect(pageRes.headers().location).toMatch(/^\/signin/);
  await replay.close();
  await ctx.close();
});

test("signing out lands on the sign-in page of the host in use, not NEXTAUTH_URL's", async ({ page, baseURL }) => {
  const other = new URL(baseURL!);
  other.hostname = "127.0.0.1"; // NEXTAUTH_URL says localhost
  await page.goto(`${other.origin}/signin`);
  await page.getByLabel("Email").fill("viewer@demo.local");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(`${other.origin}/`);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${other.origin}/signin`);
});

test("a user disabled while their page is open cannot create an API key, and their session is refused", async ({ page }) => {
  const email = await newEngineer("disabled");
  await signInAs(page, email, PASSWORD);
  await page.goto("/settings/api-keys");
  await expect(page.getByRole("button", { name: /create/i })).toBeVisible();

  await cli("users", "disable", "--email", email);
  await page.getByLabel(/name/i).fill(`made after disable ${RUN}`);
  await page.getByRole("button", { name: /create/i }).click();
  // The action is refused (403); the page then finds no session and shows sign-in.
  await expect(page.getByTestId("forbidden").or(page.getByRole("button", { name: /sign in/i }))).toBeVisible();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  expect(await cli("keys", "list")).not.toContain(`made after disable ${RUN}`);
  expect((await page.request.get("/api/v1/spend")).status()).toBe(401);
  await page.goto("/settings/api-keys");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsettings%2Fapi-keys/);
});

test("a role change applies to the user's next request", async ({ page }) => {
  const email = await newEngineer("demoted");
  await signInAs(page, email, PASSWORD);
  await page.goto("/settings/api-keys");
  await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible();
  await cli("users", "role", "--email", email, "--role", "viewer");
  await page.goto("/settings/api-keys");
  await expect(page).toHaveURL(/\/forbidden/);
  await expect(page.getByTestId("forbidden")).toContainText("viewer");
});

test("a new password ends the sessions opened with the old one", async ({ page }) => {
  const email = await newEngineer("reset");
  await signInAs(page, email, PASSWORD);
  expect((await page.request.get("/api/v1/spend")).status()).toBe(200);
  await cli("users", "password", "--email", email, "--password", "a different password");
  expect((await page.request.get("/api/v1/spend")).status()).toBe(401);
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
});
