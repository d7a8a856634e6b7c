import { expect, type Page } from "@playwright/test";

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
