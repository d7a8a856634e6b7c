import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { RUN, createKey, signIn } from "./helpers";

/**
 * Recommendations end to end: a classification feature on gpt-4.1 (a label answered from a 5,000-token
 * prompt) is sent through the ingest API and recomputed through the refresh API; a finance user opens
 * Recommendations, finds the routing recommendation, accepts it, follows its "Run what-if" link and sees
 * the replay of the same scenario, then downloads the quarterly review's PDF.
 */
test.describe.configure({ mode: "serial" });

const feature = `e2e-classify-${RUN}`;
const HOUR = 3_600_000;

function plantedEvents(): Record<string, unknown>[] {
  const end = Math.floor(Date.now() / HOUR) * HOUR - HOUR;
  return Array.from({ length: 3000 }, (_, i) => ({
    id: `rec-${RUN}-${i}`,
    timestamp: new Date(end - 20 * 24 * HOUR + Math.floor((i * 20 * 24 * HOUR) / 3000)).toISOString(),
    provider: "openai",
    model: "gpt-4.1",
    feature,
    team: "e2e",
    usage_format: "normalized",
    usage: { input_tokens: 5000, output_tokens: 5 },
  }));
}

test("finance accepts a routing recommendation and runs its what-if", async ({ page, request }) => {
  test.setTimeout(180_000);
  const key = await createKey(`e2e-recs-${RUN}`, "ingest,read,manage");
  const auth = { authorization: `Bearer ${key}` };
  const all = plantedEvents();
  for (let i = 0; i < all.length; i += 1000) {
    const sent = await request.post("/api/v1/events", { headers: auth, data: { events: all.slice(i, i + 1000) } });
    expect(sent.status()).toBe(200);
  }
  const refreshed = await request.post("/api/v1/recommendations/refresh", { headers: auth, timeout: 120_000 });
  expect(refreshed.status()).toBe(200);

  await signIn(page, "finance");
  await page.goto(`/recommendations?kind=model_routing&feature=${feature}`);
  await expect(page.getByRole("heading", { name: "Recommendations" })).toBeVisible();
  await expect(page.getByTestId("open-savings")).toBeVisible();
  const link = page.getByRole("link", { name: `Route ${feature} from gpt-4.1 to gpt-4.1-mini` });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByRole("heading", { name: `Route ${feature} from gpt-4.1 to gpt-4.1-mini` })).toBeVisible();
  await expect(page.getByTestId("status")).toHaveText("open");
  await page.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByTestId("status")).toHaveText("accepted");
  await expect(page.getByTestId("timeline")).toContainText("open → accepted");

  const whatIf = page.getByRole("link", { name: "Run what-if" });
  const href = await whatIf.getAttribute("href");
  expect(href).toMatch(/^\/whatif\?scenario=/);
  const scenario = JSON.parse(decodeURIComponent(href!.slice("/whatif?scenario=".length)));
  expect(scenario.change).toEqual({ kind: "route", to_provider: "openai", to_model: "gpt-4.1-mini", share: 1 });
  await whatIf.click();
  await expect(page).toHaveURL(/\/whatif\?scenario=/);
  // The what-if page replays the scenario it was given: the feature's line and the saving, the same
  // monthly figure the recommendation states (one replay behind both).
  const monthly = await (await request.get(`/api/v1/recommendations?kind=model_routing&feature=${feature}`, { headers: auth })).json();
  await expect(page.getByTestId("whatif-features").locator(`[data-feature="${feature}"]`)).toBeVisible({ timeout: 60_000 });
  // The scenario's window is exactly 30 days, so the window's saving is the monthly figure.
  await expect(page.getByTestId("whatif-saved")).toHaveAttribute("data-usd", monthly.recommendations[0].monthly_savings_usd);

  // And takes the quarter's review with her: the PDF from the navigation's Quarterly review.
  await page.getByRole("link", { name: "Quarterly review" }).click();
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), page.getByRole("link", { name: "Download PDF" }).click()]);
  const bytes = fs.readFileSync((await download.path())!);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
});
