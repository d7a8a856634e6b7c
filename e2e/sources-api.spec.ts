import { expect, test, type APIRequestContext } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { configQuery } from "./config-db";
import { apiSignIn, createKey, RUN, signIn } from "./helpers";

/**
 * The sources API and page over real HTTP: validation, redaction, PATCH, DELETE and refusals. Besides
 * sources created through the API, one is planted straight in the database with an opaque sealed
 * secret, to show that whatever is stored, no answer carries it. Sources made here point at a closed
 * local port, so their runs fail fast and reach no provider.
 */
let manage = "";
let read = "";
const auth = (key: string) => ({ authorization: `Bearer ${key}` });

/** A source row as the API would store it: the admin key sealed (an opaque text here), its last 4 as hint. */
async function plantSource(name: string): Promise<string> {
  const [org] = await configQuery<{ id: string; createdAt: unknown }>(`SELECT "id", "createdAt" FROM "Organization" ORDER BY "createdAt" LIMIT 1`);
  // SQLite keeps Prisma's dates as epoch milliseconds; PostgreSQL as timestamps.
  const now = typeof org.createdAt === "number" ? Date.now() : new Date().toISOString();
  const id = `e2esrc${RUN}${Math.random().toString(36).slice(2, 8)}`;
  const config = JSON.stringify({ admin_key: { $sealed: "v1.00000000.AAAA.SEALEDSECRETTEXT.BBBB", hint: "x7Q2" }, backfill_days: 30 });
  await configQuery(`INSERT INTO "Source" ("id", "orgId", "type", "name", "config", "state", "createdAt", "updatedAt") VALUES (?, ?, 'openai', ?, ?, 'ok', ?, ?)`, [id, org.id, name, config, now, now]);
  return id;
}

test.beforeAll(async () => {
  manage = await createKey(`e2e sources manage ${RUN}`, "manage");
  read = await createKey(`e2e sources read ${RUN}`, "read");
});

test("POST validates type and config; GET never shows a secret; PATCH and DELETE; a read key and no key are refused", async ({ request }) => {
  const unknown = await request.post("/api/v1/sources", { headers: auth(manage), data: { type: "fax", name: "x", config: {} } });
  expect(unknown.status()).toBe(422);
  expect((await unknown.json()).details).toEqual(["type: expected one of openai, anthropic, prometheus_scrape, prometheus_api"]);
  const created = await request.post("/api/v1/sources", {
    headers: auth(manage),
    data: { type: "openai", name: `o ${RUN}`, config: { admin_key: "sk-admin-e2e-abcdefghijklmnop", base_url: "http://127.0.0.1:9/v1" } },
  });
  expect(created.status()).toBe(201);
  const createdSource = (await created.json()).source;
  expect(createdSource.config.admin_key).toEqual({ set: true, hint: "…mnop" });
  expect(JSON.stringify(createdSource)).not.toContain("sk-admin-e2e");
  const badConfig = await request.post("/api/v1/sources", { headers: auth(manage), data: { type: "openai", name: `o2 ${RUN}`, config: { backfill_days: 0 } } });
  expect(badConfig.status()).toBe(422);
  const badConfigDetails: string[] = (await badConfig.json()).details;
  expect(badConfigDetails.some((d) => d.startsWith("config.admin_key"))).toBe(true);
  expect(badConfigDetails.some((d) => d.startsWith("config.backfill_days"))).toBe(true);
  const badBody = await request.post("/api/v1/sources", { headers: auth(manage), data: { type: "openai", name: "", extra: 1 } });
  expect(badBody.status()).toBe(422);
  const badDetails: string[] = (await badBody.json()).details;
  expect(badDetails.some((d) => d.startsWith("name: expected a name"))).toBe(true);

  const id = await plantSource(`planted ${RUN}`);
  const list = await request.get("/api/v1/sources", { headers: auth(manage) });
  expect(list.status()).toBe(200);
  const listText = await list.text();
  expect(listText).not.toContain("SEALEDSECRETTEXT");
  expect(listText).not.toContain("$sealed");
  const one = await request.get(`/api/v1/sources/${id}`, { headers: auth(manage) });
  const s = (await one.json()).source;
  expect(s.config.admin_key).toEqual({ set: true, hint: "…x7Q2" });
  for (const f of ["id", "type", "name", "state", "last_success_at", "last_run_at", "next_run_at", "backfill_done", "backfill_progress", "last_error", "lag_seconds", "runs"]) {
    expect(s, f).toHaveProperty(f);
  }

  const renamed = await request.patch(`/api/v1/sources/${id}`, { headers: auth(manage), data: { name: `renamed ${RUN}`, state: "paused" } });
  expect(renamed.status()).toBe(200);
  expect((await renamed.json()).source).toMatchObject({ name: `renamed ${RUN}`, state: "paused" });
  const typeChange = await request.patch(`/api/v1/sources/${id}`, { headers: auth(manage), data: { type: "anthropic", state: "later" } });
  expect(typeChange.status()).toBe(422);
  const tcDetails: string[] = (await typeChange.json()).details;
  expect(tcDetails.some((d) => d.startsWith("type: cannot be changed"))).toBe(true);
  expect(tcDetails).toContain("state: expected paused or active");
  // A config PATCH re-validates the merged config, so it needs a secret this server sealed: the created one.
  const cfg = await request.patch(`/api/v1/sources/${createdSource.id}`, { headers: auth(manage), data: { config: { backfill_days: 7 } } });
  expect(cfg.status(), await cfg.text()).toBe(200);
  const patched = (await cfg.json()).source;
  expect(patched.config.admin_key).toEqual({ set: true, hint: "…mnop" });
  expect(patched.config.backfill_days).toBe(7);
  expect((await request.post(`/api/v1/sources/${id}/run`, { headers: auth(manage) })).status()).toBe(409); // paused

  expect((await request.get("/api/v1/sources", { headers: auth(read) })).status()).toBe(403);
  expect((await request.get(`/api/v1/sources/${id}`, { headers: auth(read) })).status()).toBe(403);
  expect((await request.post("/api/v1/sources", { headers: auth(read), data: { type: "openai", name: "r", config: {} } })).status()).toBe(403);
  expect((await request.delete(`/api/v1/sources/${id}`, { headers: auth(read) })).status()).toBe(403);
  expect((await request.get("/api/v1/sources")).status()).toBe(401);

  const rows = JSON.stringify(await configQuery(`SELECT * FROM "AuditEntry" WHERE "targetType" = 'source' AND "targetId" = ?`, [id]));
  expect(rows).toContain("source.pause");
  expect(rows).not.toContain("SEALEDSECRETTEXT");

  expect((await request.delete(`/api/v1/sources/${id}`, { headers: auth(manage) })).status()).toBe(204);
  expect((await request.delete(`/api/v1/sources/${createdSource.id}`, { headers: auth(manage) })).status()).toBe(204);
  expect((await request.get(`/api/v1/sources/${id}`, { headers: auth(manage) })).status()).toBe(404);
});

test("Sources page: an engineer sees the table and pauses a source; finance and viewer are refused the page and the actions", async ({ page, playwright, baseURL }) => {
  const id = await plantSource(`page ${RUN}`);
  await signIn(page, "engineer");
  await page.goto("/sources");
  const row = page.getByTestId(`source-${id}`);
  await expect(row).toContainText(`page ${RUN}`);
  await expect(row.getByTestId("source-state")).toHaveText("ok");
  await row.getByRole("button", { name: "Pause" }).click();
  await expect(row.getByTestId("source-state")).toHaveText("paused");
  await page.getByLabel("Name").fill(`ui ${RUN}`);
  await page.getByLabel("Admin key").fill("sk-admin-ui-abcdefghijklmnop");
  await page.getByLabel("Base URL (optional)").fill("http://127.0.0.1:9/v1");
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByRole("status")).toContainText("added");
  await page.goto(`/sources/${id}`);
  await expect(page.getByText("admin_key")).toBeVisible();
  await expect(page.getByText("set …x7Q2")).toBeVisible();

  for (const role of ["finance", "viewer"] as const) {
    const ctx: APIRequestContext = await playwright.request.newContext({ baseURL });
    expect((await apiSignIn(ctx, `${role}@demo.local`, "demo-password")).status()).toBeLessThan(400);
    const res = await ctx.get("/sources", { maxRedirects: 0 });
    expect([303, 307], `${role} /sources`).toContain(res.status());
    expect(res.headers().location).toContain("/forbidden");
    const action = actionId("app/(app)/sources/actions.ts", "deleteSourceAction");
    const form = new FormData();
    form.append("1_id", id);
    form.append("0", JSON.stringify(["$K1"]));
    const refused = await ctx.post("/sources", { headers: { "next-action": action }, multipart: form, maxRedirects: 0 });
    expect(refused.status(), `${role} deleteSourceAction`).toBe(403);
    await ctx.dispose();
  }
  const still = await configQuery<{ n: number | string }>(`SELECT COUNT(*) AS "n" FROM "Source" WHERE "id" = ?`, [id]);
  expect(Number(still[0].n)).toBe(1);
});

/** A server action's id from the build's manifest, so it is called as the browser calls it. */
function actionId(file: string, name: string): string {
  const root = path.resolve(import.meta.dirname, "..");
  const manifest = JSON.parse(fs.readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const hit = Object.entries(manifest.node).find(([, a]) => a.filename === file && a.exportedName === name);
  if (!hit) throw new Error(`${file}#${name} is not in the build`);
  return hit[0];
}
