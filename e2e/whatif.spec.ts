import { expect, test } from "@playwright/test";
import { RUN, createKey, signIn } from "./helpers";

/**
 * What-if end to end: events sent through the ingest API, then a user opens a what-if link (as the
 * Recommendations page makes them) and sees the replay's saving; changing the scenario in the builder
 * runs it again and puts it in the URL.
 */
const feature = `e2e-whatif-${RUN}`;
// gpt-4o input is $2.50 per Mtok: 400,000 input tokens cost exactly $1.
const dollarEvent = (id: string) => ({
  id, timestamp: new Date(Date.now() - 3_600_000).toISOString(), provider: "openai", model: "gpt-4o", feature, usage: { input_tokens: 400_000, output_tokens: 0 },
});

test("a what-if link runs on load and shows the saving; the builder re-runs a changed scenario", async ({ page, request }) => {
  const key = await createKey(`e2e-whatif-${RUN}`, "ingest,read");
  const sent = await request.post("/api/v1/events", { headers: { authorization: `Bearer ${key}` }, data: { events: [1, 2, 3].map((i) => dollarEvent(`ew-${RUN}-${i}`)) } });
  expect(sent.status()).toBe(200);

  await signIn(page, "finance");
  const scenario = { scope: { feature }, change: { kind: "batch" } };
  await page.goto(`/whatif?scenario=${encodeURIComponent(JSON.stringify(scenario))}`);
  // OpenAI's batch API is half price: $3.00 before, $1.50 saved
  await expect(page.getByTestId("whatif-before")).toHaveText("$3.00");
  await expect(page.getByTestId("whatif-saved")).toHaveText("$1.50");
  await expect(page.getByTestId("whatif-saved")).toHaveAttribute("data-usd", "1.5");
  await expect(page.locator(`[data-feature="${feature}"]`)).toContainText("$1.50");

  await page.getByLabel("Change").selectOption("app_cache");
  await page.getByLabel("Hit rate (%)").fill("10");
  await page.getByRole("button", { name: "Run replay" }).click();
  await expect(page.getByTestId("whatif-saved")).toHaveText("$0.3000");
  await expect(page).toHaveURL(/scenario=.*app_cache/);

  // the same figure through the API
  const api = await request.post("/api/v1/whatif", { headers: { authorization: `Bearer ${key}` }, data: { scope: { feature }, change: { kind: "app_cache", hit_rate: 0.1 } } });
  expect(api.status()).toBe(200);
  expect((await api.json()).saved_usd).toBe("0.3");
});

test("a link with a bad scenario says why instead of failing", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto(`/whatif?scenario=${encodeURIComponent(JSON.stringify({ change: { kind: "route", to_provider: "openai", to_model: "x", share: 2 } }))}`);
  await expect(page.getByRole("status").filter({ hasText: "could not be used" })).toContainText("change.share: expected a number from 0 to 1");
});
