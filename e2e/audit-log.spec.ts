import { expect, test } from "@playwright/test";
import { RUN, cli, createKey, signIn } from "./helpers";

/** Issue 8, item 9: the audit log records who changed what, never a secret, and only admins read it. */
test("a key created in the UI and a role changed on the command line are in the audit log, without the key", async ({ page, request }) => {
  await signIn(page, "admin");
  await page.goto("/settings/api-keys");
  await page.getByLabel("Name").fill(`audit ${RUN}`);
  await page.getByRole("button", { name: /create key/i }).click();
  const secret = (await page.getByTestId("new-api-key").textContent())!.trim();
  expect(secret).toMatch(/^lfo_/);

  await cli("users", "create", "--email", `audit-${RUN}@example.com`, "--role", "viewer", "--password", "long-enough-password");
  await cli("users", "role", "--email", `audit-${RUN}@example.com`, "--role", "oncall");

  const readKey = await createKey(`audit reader ${RUN}`, "read");
  const res = await request.get("/api/v1/audit?limit=50", { headers: { authorization: `Bearer ${readKey}` } });
  expect(res.status()).toBe(200);
  const text = await res.text();
  expect(text).not.toContain(secret);
  const rows = JSON.parse(text).rows as { actor: string; action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }[];
  const created = rows.find((r) => r.action === "api_key.create" && r.after?.name === `audit ${RUN}`);
  expect(created?.actor).toBe("user:admin@demo.local");
  expect(created?.after?.scopes).toEqual(["ingest"]);
  const role = rows.find((r) => r.action === "user.role" && r.after?.email === `audit-${RUN}@example.com`);
  expect(role).toMatchObject({ actor: "cli", before: { role: "viewer" }, after: { role: "oncall" } });

  await page.goto("/settings/audit?target_type=user");
  await expect(page.getByTestId("audit-table")).toContainText(`audit-${RUN}@example.com`);
  await expect(page.getByTestId("audit-table")).not.toContainText("api_key.create");

  const bad = await request.get("/api/v1/audit?limit=0&colour=red", { headers: { authorization: `Bearer ${readKey}` } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).details.join(" ")).toMatch(/unknown parameters: colour/);
});

test("only admins open the audit log", async ({ page }) => {
  await signIn(page, "finance");
  const res = await page.goto("/settings/audit");
  expect(page.url()).toMatch(/\/forbidden/);
  expect(res?.status()).toBe(403);
});
