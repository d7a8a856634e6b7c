import { expect, test } from "@playwright/test";
import { RUN, createKey, signIn } from "./helpers";

/**
 * Budgets end to end: finance creates a budget in the UI, events sent through the ingest API show up
 * on its page and in the gateway check; a viewer sees it but cannot edit (no form, and the API says 403).
 */
test.describe.configure({ mode: "serial" });

const team = `e2e-budget-${RUN}`;
let budgetPath = "";

// gpt-4o input is $2.50 per Mtok: 400,000 input tokens cost exactly $1.
const dollarEvent = (id: string) => ({
  id, timestamp: new Date(Date.now() - 60_000).toISOString(), provider: "openai", model: "gpt-4o", team, feature: "e2e", usage: { input_tokens: 400_000, output_tokens: 0 },
});

test("finance creates a budget; spend sent through the API shows on its page and in the check", async ({ page, request }) => {
  await signIn(page, "finance");
  await page.goto("/budgets/new");
  await page.getByLabel("Name").fill(`E2E ${RUN}`);
  await page.getByLabel("Scope team").fill(team);
  await page.getByLabel("Amount (USD)").fill("4");
  await page.getByLabel("Period").selectOption("month");
  await page.getByRole("button", { name: "Create budget" }).click();
  await expect(page).toHaveURL(/\/budgets\/(?!new$)[a-z0-9]+$/);
  await expect(page.getByRole("heading", { name: `E2E ${RUN}` })).toBeVisible();
  budgetPath = new URL(page.url()).pathname;
  await expect(page.locator('[data-stat="Spent"]')).toHaveText("$0.0000");

  const ingest = await createKey(`e2e-budget-ingest-${RUN}`, "ingest,read");
  const sent = await request.post("/api/v1/events", { headers: { authorization: `Bearer ${ingest}` }, data: { events: [dollarEvent(`eb-${RUN}-1`), dollarEvent(`eb-${RUN}-2`), dollarEvent(`eb-${RUN}-3`)] } });
  expect(sent.status()).toBe(200);

  await page.reload();
  await expect(page.locator('[data-stat="Spent"]')).toHaveText("$3.00");
  await expect(page.getByTestId("budget-stats")).toContainText("75.0% of $4.00");
  await expect(page.getByTestId("budget-chart")).toBeVisible();
  await page.goto("/budgets");
  await expect(page.locator(`[data-budget="E2E ${RUN}"]`)).toContainText("$3.00");

  const id = budgetPath.split("/").pop();
  const api = await request.get(`/api/v1/budgets/${id}`, { headers: { authorization: `Bearer ${ingest}` } });
  expect(api.status()).toBe(200);
  expect((await api.json()).status.spent_usd).toBe("3");
  // The check may answer from a snapshot up to its max age old: poll until it has the spend.
  await expect
    .poll(async () => {
      const check = await (await request.get(`/api/v1/budgets/check?team=${team}`, { headers: { authorization: `Bearer ${ingest}` } })).json();
      return check.budgets.find((b: { id: string }) => b.id === id)?.spent_usd;
    }, { timeout: 40_000 })
    .toBe("3");
});

test("a viewer sees the budget but cannot edit it: no form, and the server refuses", async ({ page }) => {
  expect(budgetPath).not.toBe("");
  await signIn(page, "viewer");
  await page.goto(budgetPath);
  await expect(page.getByRole("heading", { name: `E2E ${RUN}` })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await page.goto(`${budgetPath}/edit`);
  await expect(page).toHaveURL(/\/forbidden/);
  await expect(page.getByTestId("budget-form")).toHaveCount(0);
  await page.goto("/budgets/new");
  await expect(page).toHaveURL(/\/forbidden/);
  const patch = await page.request.patch(`/api/v1${budgetPath}`, { data: { amount_usd: "1000" } });
  expect(patch.status()).toBe(403);
  const del = await page.request.delete(`/api/v1${budgetPath}`);
  expect(del.status()).toBe(403);
});

test("the demo organization has budgets with their status on first start", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto("/budgets");
  for (const name of ["Organization monthly", "Support team", "Growth team", "Platform weekly"]) {
    await expect(page.locator(`[data-budget="${name}"]`)).toBeVisible();
  }
  // sized at 92% of its month-to-date spend
  await expect(page.locator('[data-budget="Support team"]')).toContainText(/9[12]\.\d%/);
  await expect(page.locator('[data-budget="Growth team"]')).toContainText(/Forecast over|Over budget/);
});
