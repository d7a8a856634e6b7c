import { expect, test, type APIRequestContext } from "@playwright/test";
import path from "node:path";
import { events, signIn } from "./helpers";
import { configQuery } from "./config-db";

/**
 * The spend ledger from an API call's usage to the finance dashboard. The events sit in January
 * 2026, before the demo organization's 60 seeded days, so the expected totals are exactly theirs.
 *
 * Hand-computed from the published prices (USD per million tokens):
 *  claude-sonnet-4-20250514: input 3, cache write (5 min) 3.75, cache read 0.30, output 15
 *    900*3 + 1000*3.75 + 4000*0.30 + 500*15 = 15,150 per million = $0.01515 a call; 200 calls = $3.03
 *  gpt-4o-mini: input 0.15, cached input 0.075, output 0.60; 2000 prompt tokens of which 1000 cached
 *    1000*0.15 + 1000*0.075 + 1000*0.60 = 825 per million = $0.000825 a call; 400 calls = $0.33
 *  total $3.36; an unpriced self-hosted model adds tokens but no dollars.
 */
const RANGE = "from=2026-01-01&to=2026-01-31";
const run = `e2e${Date.now()}`;

const summarize = events(`${run}-sum`, 200, {
  provider: "anthropic",
  model: "claude-sonnet-4-20250514",
  project: "support-bot",
  feature: "e2e-summarize",
  team: "growth",
  customer: "acme",
  environment: "prod",
  usage: { input_tokens: 900, cache_creation_input_tokens: 1000, cache_read_input_tokens: 4000, output_tokens: 500 },
  latency_ms: 830,
});
const chat = events(`${run}-chat`, 400, {
  provider: "openai",
  model: "gpt-4o-mini",
  project: "support-bot",
  feature: "e2e-chat",
  team: "core",
  customer: "globex",
  usage: { prompt_tokens: 2000, completion_tokens: 1000, total_tokens: 3000, prompt_tokens_details: { cached_tokens: 1000 } },
});
const unpriced = events(`${run}-own`, 3, {
  provider: "selfhost",
  model: "e2e-private-model",
  feature: "e2e-chat",
  usage: { input_tokens: 100, output_tokens: 50 },
});

let ingestKey = "";

async function ingest(request: APIRequestContext, batch: unknown[]) {
  const res = await request.post("/api/v1/events", { headers: { authorization: `Bearer ${ingestKey}` }, data: { events: batch } });
  expect(res.status(), await res.text()).toBe(200);
  return res.json();
}

test.describe.serial("spend ledger", () => {
  test("an admin creates an ingest key in the UI and it is shown once", async ({ page }) => {
    await signIn(page, "admin");
    await page.goto("/settings/api-keys");
    await page.getByLabel(/name/i).fill(`e2e ${run}`);
    await page.getByLabel(/ingest/i).check();
    await page.getByRole("button", { name: /create/i }).click();
    const shown = page.getByTestId("new-api-key");
    await expect(shown).toContainText("lfo_");
    ingestKey = ((await shown.textContent()) ?? "").match(/lfo_[A-Za-z0-9_-]+/)?.[0] ?? "";
    expect(ingestKey.length).toBeGreaterThan(20);
    await page.reload();
    await expect(page.getByTestId("new-api-key")).toHaveCount(0);
    await expect(page.locator("body")).not.toContainText(ingestKey);
  });

  test("events sent through the API are acknowledged, and a retry is not counted twice", async ({ request }) => {
    const first = await ingest(request, [...summarize, ...unpriced]);
    expect(first.accepted).toBe(203);
    const second = await ingest(request, chat);
    expect(second.accepted).toBe(400);
    const retry = await ingest(request, chat.slice(0, 50));
    expect(retry).toMatchObject({ accepted: 0, duplicates: 50, rejected: 0 });
  });

  test("finance sees exactly their total, drills into a feature, and the unpriced model is called out", async ({ page }) => {
    await signIn(page, "finance");
    await page.goto(`/?${RANGE}`);
    await expect(page.getByTestId("total-spend")).toHaveText("$3.36");

    const callout = page.getByTestId("unpriced-callout");
    await expect(callout).toContainText("e2e-private-model");
    await expect(callout).toContainText("3");

    await page.getByTestId("drill-feature-e2e-chat").click();
    await expect(page).toHaveURL(/feature=e2e-chat/);
    await expect(page.getByTestId("active-filter-feature")).toContainText("e2e-chat");
    await expect(page.getByTestId("total-spend")).toHaveText("$0.3300");
    await expect(page.getByTestId("driver-table-feature")).not.toContainText("e2e-summarize");

    // The filtered view is a URL: opening it afresh shows the same numbers.
    const shared = page.url();
    await page.goto("/");
    await page.goto(shared);
    await expect(page.getByTestId("total-spend")).toHaveText("$0.3300");
  });

  test("any dimension can be filtered from the picker, not only those with a driver table", async ({ page }) => {
    await signIn(page, "finance");
    await page.goto(`/?${RANGE}`);
    await page.getByTestId("add-filter-dimension").selectOption("environment");
    await page.getByTestId("add-filter-value").fill("prod");
    await page.getByRole("button", { name: "Add filter" }).click();
    await expect(page).toHaveURL(/environment=prod/);
    await expect(page.getByTestId("active-filter-environment")).toContainText("prod");
    await expect(page.getByTestId("total-spend")).toHaveText("$3.03"); // only the summarize calls carry environment=prod
  });

  test("the price page lists the unpriced model", async ({ page }) => {
    await signIn(page, "finance");
    await page.goto("/prices");
    await expect(page.getByTestId("unpriced-models")).toContainText("e2e-private-model");
  });

  test("finance prices the unpriced model with an override and the past events are re-costed", async ({ page }) => {
    // 3 calls x (100 input x $1,000/M + 50 output x $2,000/M) = 3 x $0.20 = $0.60; total $3.36 + $0.60
    await signIn(page, "finance");
    await page.goto("/prices");
    const form = page.locator("form").filter({ has: page.locator('input[name="modelPattern"]') });
    await form.locator('input[name="provider"]').fill("selfhost");
    await form.locator('input[name="modelPattern"]').fill("e2e-private-model");
    await form.locator('input[name="effectiveFrom"]').fill("2026-01-01");
    await form.locator('input[name="inputPerMtok"]').fill("1000");
    await form.locator('input[name="outputPerMtok"]').fill("2000");
    await form.getByRole("button", { name: /save override/i }).click();
    await expect(page.getByTestId("overrides")).toContainText("e2e-private-model");

    // The re-cost runs in the server's worker; the dashboard follows within seconds.
    await expect(async () => {
      await page.goto(`/?${RANGE}`);
      await expect(page.getByTestId("total-spend")).toHaveText("$3.96", { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByTestId("unpriced-callout")).toHaveCount(0);
  });

  test("a re-cost whose run failed shows its error and when it runs again", async ({ page }) => {
    // The state a worker leaves after a failed first run (lib/pricing/recost-retry.test.ts makes it
    // happen); its retry is a day away, so no worker takes it while this suite runs.
    const [org] = await configQuery<{ id: string; createdAt: unknown }>(`SELECT "id", "createdAt" FROM "Organization" ORDER BY "createdAt" LIMIT 1`);
    const date = (ms: number) => (typeof org.createdAt === "number" ? ms : new Date(ms).toISOString()); // SQLite: epoch ms
    const id = `e2eretry${Date.now()}`;
    await configQuery(
      `INSERT INTO "RecostJob" ("id", "orgId", "fromTs", "toTs", "status", "reason", "error", "attempts", "nextAttemptAt", "createdAt") VALUES (?, ?, ?, ?, 'queued', 'e2e retry', ?, 1, ?, ?)`,
      [id, org.id, date(Date.UTC(2026, 0, 1)), date(Date.UTC(2026, 0, 31)), "Error: Timeout error (e2e)", date(Date.now() + 86_400_000), date(Date.now())],
    );
    try {
      await signIn(page, "finance");
      await page.goto("/prices");
      const row = page.getByTestId("recost-jobs").locator("tr", { hasText: "e2e retry" });
      await expect(row).toContainText("queued");
      await expect(row).toContainText("attempt 1 failed; retry 2 of 5 at");
      await expect(row).toContainText("Timeout error (e2e)");
    } finally {
      await configQuery(`DELETE FROM "RecostJob" WHERE "id" = ?`, [id]);
    }
  });

  test("the read API returns the same totals to a read key", async ({ page, request }) => {
    const res = await request.get(`/api/v1/spend?${RANGE}&group_by=feature`, { headers: { authorization: `Bearer ${ingestKey}` } });
    expect(res.status()).toBe(403); // an ingest-only key may not read

    await signIn(page, "finance");
    const viaSession = await page.request.get(`/api/v1/spend?${RANGE}&group_by=feature`);
    expect(viaSession.status()).toBe(200);
    const body = await viaSession.json();
    const byFeature = Object.fromEntries(body.rows.map((r: { feature: string; cost_usd_exact: string }) => [r.feature, r.cost_usd_exact]));
    expect(byFeature["e2e-summarize"]).toMatch(/^3\.03(0*)$/);
    expect(byFeature["e2e-chat"]).toMatch(/^0\.93(0*)$/); // $0.33 of gpt-4o-mini + $0.60 re-costed self-hosted calls
  });

  test("a viewer is refused the API-keys page", async ({ page }) => {
    await signIn(page, "viewer");
    await page.goto("/settings/api-keys");
    await expect(page).toHaveURL(/\/forbidden/);
    await expect(page.getByTestId("new-api-key")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /create/i })).toHaveCount(0);
  });

  test("the overview of the demo organization, for the README", async ({ page }) => {
    await signIn(page, "finance");
    await page.setViewportSize({ width: 1440, height: 1800 });
    await page.goto("/");
    await expect(page.getByTestId("total-spend")).toContainText("$");
    await expect(page.getByTestId("driver-table-feature")).toBeVisible();
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: path.join(import.meta.dirname, "..", "public", "screenshot-overview.png"), fullPage: true });
  });
});
