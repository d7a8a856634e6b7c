import { expect, test, type APIRequestContext } from "@playwright/test";
import { createKey, events, RUN, signIn } from "./helpers";

/**
 * Billed vs attributed through the HTTP API of the running product. The demo organization's provider
 * billing is seeded at start (60 days, 12-25% above its request-level events); events ingested now
 * through /api/v1/events must raise "attributed" by exactly their hand-computed cost and lower
 * "unattributed" by the same, to the cent, while "billed" stays what the provider reported.
 *
 * Hand-computed: gpt-4o-mini at $0.15 input / $0.60 output per 1M tokens; 10,000 input + 1,000
 * output a call = $0.0021; 100 calls = $0.21.
 */
const DAY = 86_400_000;
const yesterday = new Date(Math.floor(Date.now() / DAY) * DAY - DAY).toISOString().slice(0, 10);
const RANGE = `from=${yesterday}&to=${yesterday}`;

/** exact decimal string -> pico-dollars */
const pico = (s: string | null): bigint => {
  if (s === null) throw new Error("expected a known amount");
  const [w, f = ""] = s.replace("-", "").split(".");
  const v = BigInt(w) * 10n ** 12n + BigInt((f + "0".repeat(12)).slice(0, 12));
  return s.startsWith("-") ? -v : v;
};

type Row = Record<string, string | number | null>;
let readKey = "";
let ingestKey = "";
let manageKey = "";

async function reconciliation(request: APIRequestContext, query: string): Promise<{ rows: Row[]; totals: Row }> {
  const res = await request.get(`/api/v1/reconciliation?${query}`, { headers: { authorization: `Bearer ${readKey}` } });
  expect(res.status(), await res.text()).toBe(200);
  return res.json();
}

test.describe.serial("reconciliation API", () => {
  test.beforeAll(async () => {
    readKey = await createKey(`recon-read-${RUN}`, "read");
    ingestKey = await createKey(`recon-ingest-${RUN}`, "ingest");
    manageKey = await createKey(`recon-manage-${RUN}`, "manage");
  });

  test("ingested events raise attributed by their exact cost; billed stays the provider's", async ({ request }) => {
    const before = await reconciliation(request, `${RANGE}&group_by=provider,model,day`);
    const row = (r: { rows: Row[] }) => r.rows.find((x) => x.provider === "openai" && x.model === "gpt-4o-mini" && x.day === yesterday)!;
    const b = row(before);
    expect(b, "the demo billed gpt-4o-mini yesterday").toBeTruthy();
    expect(pico(b.billed_usd as string)).toBeGreaterThan(0n);
    expect(b.coverage as number).toBeGreaterThan(0.75);
    expect(b.coverage as number).toBeLessThan(0.95);

    const batch = events(`recon-${RUN}`, 100, { provider: "openai", model: "gpt-4o-mini", project: "search", team: "growth", usage: { prompt_tokens: 10_000, completion_tokens: 1_000 } }, yesterday);
    const res = await request.post("/api/v1/events", { headers: { authorization: `Bearer ${ingestKey}` }, data: { events: batch } });
    expect(res.status(), await res.text()).toBe(200);

    const a = row(await reconciliation(request, `${RANGE}&group_by=provider,model,day`));
    expect(a.billed_usd).toBe(b.billed_usd);
    expect(pico(a.attributed_usd as string) - pico(b.attributed_usd as string)).toBe(pico("0.21"));
    expect(pico(a.unattributed_usd as string)).toBe(pico(a.billed_usd as string) - pico(a.attributed_usd as string));
    expect(pico(b.unattributed_usd as string) - pico(a.unattributed_usd as string)).toBe(pico("0.21"));
    expect(a.coverage).toBe(Math.round((Number(a.attributed_usd) / Number(a.billed_usd)) * 10_000) / 10_000);
    expect((a.attributed_input_uncached as number) - (b.attributed_input_uncached as number)).toBe(1_000_000);
    expect((a.attributed_output as number) - (b.attributed_output as number)).toBe(100_000);
    expect(a.billed_output).toBe(b.billed_output);
    for (const k of ["billed_input_uncached", "billed_cache_read", "billed_cache_write_5m", "billed_cache_write_1h", "billed_output"]) expect(typeof a[k]).toBe("number");
  });

  test("the mapping API groups billed usage by product project and team", async ({ request }) => {
    const auth = { authorization: `Bearer ${manageKey}` };
    const bad = await request.post("/api/v1/provider-mappings", { headers: auth, data: { provider: "azure", kind: "project", external_id: "" } });
    expect(bad.status()).toBe(422);
    const details: string[] = (await bad.json()).details;
    expect(details.some((d) => d.startsWith("provider:"))).toBe(true);
    expect(details.some((d) => d.startsWith("external_id:"))).toBe(true);
    const denied = await request.post("/api/v1/provider-mappings", { headers: { authorization: `Bearer ${readKey}` }, data: {} });
    expect(denied.status()).toBe(403);

    const created = await request.post("/api/v1/provider-mappings", { headers: auth, data: { provider: "openai", kind: "project", external_id: "proj_analytics", project: "analytics", team: `data-${RUN}` } });
    expect(created.status(), await created.text()).toBe(201);
    const id = (await created.json()).id;
    const list = await (await request.get("/api/v1/provider-mappings", { headers: auth })).json();
    expect(list.mappings.map((m: { id: string }) => m.id)).toContain(id);

    const byTeam = await reconciliation(request, `${RANGE}&group_by=project,team`);
    const mapped = byTeam.rows.find((r) => r.team === `data-${RUN}`);
    expect(mapped, "billed usage of proj_analytics is now under the mapped team").toBeTruthy();
    expect(pico(mapped!.billed_usd as string)).toBeGreaterThan(0n);
    const sum = byTeam.rows.reduce((s, r) => s + pico(r.billed_usd as string), 0n);
    expect(sum).toBe(pico(byTeam.totals.billed_usd as string));

    expect((await request.delete(`/api/v1/provider-mappings/${id}`, { headers: auth })).status()).toBe(204);
    expect((await request.delete(`/api/v1/provider-mappings/${id}`, { headers: auth })).status()).toBe(404);
  });

  test("bad input is a 400 naming the parameter; no credentials is a 401", async ({ request }) => {
    const res = await request.get("/api/v1/reconciliation?group_by=provider,colour", { headers: { authorization: `Bearer ${readKey}` } });
    expect(res.status()).toBe(400);
    expect((await res.json()).details.join(" ")).toContain("group_by:");
    expect((await request.get("/api/v1/reconciliation", { headers: { authorization: "" } })).status()).toBe(401);
    const setting = await request.put("/api/v1/reconciliation/coverage-alert", { headers: { authorization: `Bearer ${manageKey}` }, data: { threshold_percent: 0 } });
    expect(setting.status()).toBe(422);
    expect((await setting.json()).details[0]).toMatch(/^threshold_percent:/);
  });

  test("the page shows billed, attributed and unattributed; a viewer cannot edit the mapping", async ({ page }) => {
    await signIn(page, "viewer");
    await page.goto(`/reconciliation?${RANGE}`);
    const row = page.locator(`[data-row="${yesterday}|openai|gpt-4o-mini"]`);
    await expect(row).toBeVisible();
    await expect(row.locator('[data-cell="billed"]')).toContainText("$");
    await expect(row.locator('[data-cell="unattributed"]')).toContainText("%");
    await expect(page.getByTestId("billed-chart")).toBeVisible();
    await expect(page.getByTestId("mapping-form")).toHaveCount(0);
    await page.goto("/");
    await expect(page.getByTestId("billed-tile")).toContainText("billed");
  });

  test("finance maps a workspace in the UI", async ({ page }) => {
    await signIn(page, "finance");
    await page.goto(`/reconciliation?${RANGE}`);
    const form = page.getByTestId("mapping-form");
    await form.locator('select[name="provider"]').selectOption("anthropic");
    await form.locator('input[name="external_id"]').fill(`wrkspc_e2e_${RUN}`);
    await form.locator('input[name="team"]').fill("e2e-team");
    await form.getByRole("button", { name: "Save mapping" }).click();
    await expect(page.locator(`[data-mapping="wrkspc_e2e_${RUN}"]`)).toContainText("e2e-team");
  });
});
