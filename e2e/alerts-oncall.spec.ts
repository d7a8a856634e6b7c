import { expect, test } from "@playwright/test";
import { RUN, signIn } from "./helpers";
import { seedAlert } from "./alerts-helpers";

/** On-call's path: the alert list, the alert page, acknowledge; a viewer sees the alert but cannot act on it. */
let alertId = "";
const title = `E2E spike on search ${RUN}`;

test.beforeAll(async () => {
  alertId = await seedAlert(`e2e-oncall-${RUN}`, title);
});

test("oncall finds the open alert and acknowledges it from its page", async ({ page }) => {
  await signIn(page, "oncall");
  await page.goto("/alerts");
  await expect(page.getByRole("link", { name: /^open \(\d+\)$/i })).toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/alerts/${alertId}$`));
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByTestId("cause-table")).toContainText("search");
  await expect(page.getByTestId("cause-table").getByRole("link", { name: "search" })).toHaveAttribute("href", "/?feature=search");
  await expect(page.getByTestId("alert-series-chart")).toBeVisible();
  await expect(page.getByTestId("alert-state")).toHaveText("open");
  await page.getByRole("button", { name: "Acknowledge" }).click();
  await expect(page.getByTestId("alert-state")).toHaveText("acknowledged");
  await expect(page.getByTestId("alert-timeline")).toContainText("Acknowledged");
  await expect(page.getByTestId("alert-timeline")).toContainText("user:oncall@demo.local");
  await expect(page.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);

  await page.goto("/alerts?state=acknowledged");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
});

test("a viewer sees the alert without any action, and the API refuses the viewer's acknowledge with 403", async ({ page }) => {
  const other = await seedAlert(`e2e-viewer-${RUN}`, `E2E viewer alert ${RUN}`);
  await signIn(page, "viewer");
  await page.goto(`/alerts/${other}`);
  await expect(page.getByRole("heading", { name: `E2E viewer alert ${RUN}` })).toBeVisible();
  await expect(page.getByTestId("alert-actions")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /acknowledge|resolve|snooze/i })).toHaveCount(0);
  const res = await page.request.post(`/api/v1/alerts/${other}/acknowledge`);
  expect(res.status()).toBe(403);
  expect((await res.json()).error).toMatch(/alerts\.act/);
  const after = await page.request.get(`/api/v1/alerts/${other}`);
  expect(after.status()).toBe(200);
  expect((await after.json()).alert.state).toBe("open");
});
