import { expect, test } from "@playwright/test";
import { createKey, RUN, signIn } from "./helpers";

/**
 * /settings/monitors and /api/v1/monitors over real HTTP: the demo's monitors are listed; an engineer
 * creates, disables and deletes one; a viewer reads but gets no forms; key scopes decide the API.
 */
test("an engineer creates, disables and deletes a monitor; a viewer only reads", async ({ page, browser }) => {
  await signIn(page, "engineer");
  await page.goto("/settings/monitors");
  const table = page.getByTestId("monitors");
  await expect(table.locator("tr[data-monitor='Organization total']")).toBeVisible();
  await expect(table.locator("tr[data-monitor='Each feature']")).toContainText("each feature");

  const name = `e2e customers ${RUN}`;
  const form = page.getByRole("form", { name: "Create a monitor" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Watch").selectOption("customer");
  await form.getByLabel("Min spend per day (USD)").fill("abc");
  await form.getByRole("button", { name: "Create monitor" }).click();
  await expect(form.getByRole("alert").last()).toContainText("min_spend_usd: expected");
  await form.getByLabel("Min spend per day (USD)").fill("12.5");
  await form.getByRole("button", { name: "Create monitor" }).click();
  const row = table.locator(`tr[data-monitor='${name}']`);
  await expect(row).toContainText("each customer");
  await expect(row).toContainText("$12.5");
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(row).toContainText("disabled");

  const viewer = await browser.newPage();
  await signIn(viewer, "viewer");
  await viewer.goto("/settings/monitors");
  await expect(viewer.getByTestId("monitors").locator(`tr[data-monitor='${name}']`)).toContainText("disabled");
  await expect(viewer.getByRole("form", { name: "Create a monitor" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Disable" })).toHaveCount(0);
  await viewer.close();

  page.once("dialog", (d) => void d.accept());
  await row.getByRole("button", { name: "Delete" }).click();
  await expect(row).toHaveCount(0);
});

test("API: a manage key writes, a read key reads, bad input is 422 naming the field", async ({ request }) => {
  const manage = await createKey(`e2e monitors manage ${RUN}`, "manage");
  const read = await createKey(`e2e monitors read ${RUN}`, "read");
  const auth = (k: string) => ({ authorization: `Bearer ${k}` });
  const created = await request.post("/api/v1/monitors", { headers: auth(manage), data: { name: "api", dimension: "team", kinds: ["anomaly"] } });
  expect(created.status()).toBe(201);
  const m = await created.json();
  expect((await request.post("/api/v1/monitors", { headers: auth(read), data: { name: "x" } })).status()).toBe(403);
  const bad = await request.post("/api/v1/monitors", { headers: auth(manage), data: { name: "x", kinds: ["nope"] } });
  expect(bad.status()).toBe(422);
  expect((await bad.json()).details[0]).toMatch(/^kinds\.0: expected/);
  const list = await request.get("/api/v1/monitors", { headers: auth(read) });
  expect((await list.json()).monitors.map((x: { id: string }) => x.id)).toContain(m.id);
  const patched = await request.patch(`/api/v1/monitors/${m.id}`, { headers: auth(manage), data: { min_spend_usd: "3" } });
  expect((await patched.json()).min_spend_usd).toBe("3");
  expect((await request.delete(`/api/v1/monitors/${m.id}`, { headers: auth(read) })).status()).toBe(403);
  expect((await request.delete(`/api/v1/monitors/${m.id}`, { headers: auth(manage) })).status()).toBe(204);
  expect((await request.get(`/api/v1/monitors/${m.id}`, { headers: auth(read) })).status()).toBe(404);
});
