import { expect, test } from "@playwright/test";
import { OPENAI_TEST_KEY, startFakeOpenAIAdmin, type FakeAdminServer } from "../lib/testing/fake-openai-admin";
import { RUN, createKey, signIn } from "./helpers";

/**
 * The whole path a user takes: an admin adds an OpenAI source in the UI, pointed at a local server that
 * speaks the Usage and Costs APIs' wire format (the real API cannot be reached here); the Sources page
 * shows the backfill run to the end; the reconciliation view then shows what the provider billed beside
 * what the request-level events account for. A wrong key stops only its own source, with words a
 * person can act on.
 */
const DAY = 86_400_000;
let fake: FakeAdminServer;
let readKey = "";

test.beforeAll(async () => {
  fake = await startFakeOpenAIAdmin({ days: 10, rateLimitEvery: 7, retryAfterSeconds: 1 });
  readKey = await createKey(`e2e backfill read ${RUN}`, "read");
});
test.afterAll(async () => fake?.close());

test.describe.configure({ mode: "serial" });

test("an admin adds an OpenAI source; the backfill finishes on the Sources page; reconciliation shows billed, attributed and unattributed", async ({ page, request }) => {
  test.setTimeout(180_000);
  const to = new Date(Math.floor(Date.now() / DAY) * DAY - DAY).toISOString().slice(0, 10);
  const from = new Date(Date.parse(to) - 6 * DAY).toISOString().slice(0, 10);
  const billedOpenAI = async (): Promise<number> => {
    const res = await request.get(`/api/v1/reconciliation?from=${from}&to=${to}&group_by=provider`, { headers: { authorization: `Bearer ${readKey}` } });
    expect(res.status(), await res.text()).toBe(200);
    const row = ((await res.json()).rows as Record<string, string>[]).find((r) => r.provider === "openai");
    return row ? Number(row.billed_usd) : 0;
  };
  const before = await billedOpenAI();

  await signIn(page, "admin");
  await page.goto("/sources");
  await page.getByLabel("Name").fill(`OpenAI ${RUN}`);
  await page.getByLabel("Admin key").fill(OPENAI_TEST_KEY);
  await page.getByLabel("Base URL (optional)").fill(fake.url);
  await page.getByLabel("Backfill days").fill("7");
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByRole("status")).toContainText("added");

  const row = page.locator("[data-testid^='source-']").filter({ hasText: `OpenAI ${RUN}` });
  await expect(row.getByTestId("source-state")).toHaveText("ok", { timeout: 120_000 });
  await expect(row.getByRole("progressbar")).toHaveCount(0);
  expect(fake.requests().total, "the puller went to the configured base_url").toBeGreaterThan(0);

  // The fake billed every day of the window: the provider's figure grew by what it reported.
  expect(await billedOpenAI()).toBeGreaterThan(before);
  await page.goto(`/reconciliation?from=${from}&to=${to}`);
  const table = page.getByTestId("reconciliation-table");
  await expect(table).toBeVisible();
  for (const header of ["Billed", "Attributed", "Unattributed", "Coverage"]) await expect(table.getByRole("columnheader", { name: header, exact: true })).toBeVisible();
  await expect(table.locator("tr[data-row*='|openai|']").first()).toBeVisible();
  await expect(table.locator("tr[data-row='total'] [data-cell='billed']")).not.toHaveText("unknown");
});

test("a refused admin key stops that source with an actionable error; the other sources keep their state", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/sources");
  await page.getByLabel("Name").fill(`Bad key ${RUN}`);
  await page.getByLabel("Admin key").fill("sk-admin-wrong-0000000000000");
  await page.getByLabel("Base URL (optional)").fill(fake.url);
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByRole("status")).toContainText("added");
  const row = page.locator("[data-testid^='source-']").filter({ hasText: `Bad key ${RUN}` });
  await expect(row.getByTestId("source-state")).toHaveText("stopped", { timeout: 60_000 });
  await expect(row.getByTestId("source-error")).toContainText("admin key");
  await expect(row).not.toContainText("sk-admin-wrong");
  const good = page.locator("[data-testid^='source-']").filter({ hasText: `OpenAI ${RUN}` });
  await expect(good.getByTestId("source-state")).toHaveText("ok");
});
