import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

/**
 * The quarterly review end to end: a finance user opens Reports, picks the current quarter, sees the
 * review on screen and downloads its PDF (a real PDF: it starts with %PDF and is not empty); the JSON
 * behind the page answers for the same signed-in session.
 */
const now = new Date();
const quarter = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;

test("finance opens the quarterly review and downloads its PDF", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "finance");
  await page.goto("/reports");
  await page.getByTestId("quarters").getByRole("link", { name: quarter }).click();
  await expect(page).toHaveURL(new RegExp(`/reports/quarterly\\?quarter=${quarter}$`));
  await expect(page.getByRole("heading", { name: `Quarterly optimization review ${quarter}` })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("kpi-total")).toContainText("$");
  await expect(page.getByTestId("section-feature")).toBeVisible();
  await expect(page.getByTestId("chart-by-month")).toBeVisible();

  const json = await page.request.get(`/api/v1/reports/quarterly?quarter=${quarter}`);
  expect(json.status()).toBe(200);
  const report = (await json.json()) as { total_spend_usd: string; quarter: string };
  expect(report.quarter).toBe(quarter);
  expect(Number(report.total_spend_usd)).toBeGreaterThan(0);

  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), page.getByRole("link", { name: "Download PDF" }).click()]);
  expect(download.suggestedFilename()).toBe(`llm-finops-${quarter}.pdf`);
  const file = await download.path();
  const bytes = fs.readFileSync(file);
  expect(bytes.length).toBeGreaterThan(0);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
});

test("a bad quarter in the address is explained on the page, naming the field", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto("/reports/quarterly?quarter=2099-Q1");
  // (Next.js adds a role=alert route announcer of its own)
  await expect(page.getByText("quarter: 2099-Q1 has not started yet")).toBeVisible();
});
