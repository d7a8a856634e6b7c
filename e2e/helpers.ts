import { expect, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";
import { execFile } from "node:child_process";
import path from "node:path";

export const DEMO_PASSWORD = "demo-password";

/** Signs in through the sign-in form, as a person would. */
export async function signIn(page: Page, role: "admin" | "finance" | "engineer" | "oncall" | "viewer") {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(`${role}@demo.local`);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).not.toHaveURL(/\/signin/);
}

/** Builds `n` copies of an event with distinct ids, spread over the given hours of a day. */
export function events(prefix: string, n: number, base: Record<string, unknown>, day = "2026-01-15"): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => ({
    ...base,
    id: `${prefix}-${i}`,
    timestamp: `${day}T${String(8 + (i % 10)).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}:00Z`,
  }));
}

/** Signs in any user through the form (e.g. one made with `cli("users", "create", ...)`). */
export async function signInAs(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).not.toHaveURL(/\/signin/);
}

/** Signs in over plain HTTP as next-auth's client does; the response's status tells how it went. */
export async function apiSignIn(request: APIRequestContext, email: string, password: string): Promise<APIResponse> {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  return request.post("/api/auth/callback/credentials", { form: { email, password, csrfToken, json: "true" }, maxRedirects: 0 });
}

/**
 * `npm run cli -- <args>` against the server's data directory, as an operator would run it while
 * the server runs. Resolves to stdout; rejects with stderr on a non-zero exit.
 */
export function cli(...args: string[]): Promise<string> {
  const root = path.resolve(import.meta.dirname, "..");
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "lib/cli/main.ts", ...args],
      { cwd: root, env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR } },
      (error, stdout, stderr) => (error ? reject(new Error(`cli ${args.join(" ")}: ${stderr || error.message}`)) : resolve(stdout)),
    );
  });
}

/** A unique suffix per run, for users and keys a spec creates. */
export const RUN = Date.now().toString(36);

/** A new API key of the demo organization (`keys create --quiet` prints only the key). */
export async function createKey(name: string, scopes: string, ...options: string[]): Promise<string> {
  return (await cli("keys", "create", "--name", name, "--scopes", scopes, "--quiet", ...options)).trim();
}
