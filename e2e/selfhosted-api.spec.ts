import { expect, test } from "@playwright/test";
import { createKey, RUN, signIn } from "./helpers";

/**
 * Deployments CRUD and validation, and GET /api/v1/self-hosted against figures computed by hand from
 * the demo cluster (lib/selfhosted/demo.ts: 8 H100s on gpu-node-1/2, sampled every 10 min without gaps,
 * $2.49 per GPU-hour on demand), over real HTTP; then the page in Chromium.
 */
let manage = "";
let read = "";
const auth = (key: string) => ({ authorization: `Bearer ${key}` });

test.beforeAll(async () => {
  manage = await createKey(`e2e selfhosted manage ${RUN}`, "manage,read");
  read = await createKey(`e2e selfhosted read ${RUN}`, "read");
});

/** A whole UTC day that the demo's 60 days cover completely: from 3 days ago to 2 days ago, on the hour. */
function coveredDay() {
  const to = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 2 * 86_400_000);
  const from = new Date(to.getTime() - 86_400_000);
  return `from=${from.toISOString()}&to=${to.toISOString()}`;
}

test("deployments: create, read, update, refuse a duplicate, delete; audit-friendly shapes", async ({ request }) => {
  const name = `Qwen-Test-${RUN}`;
  const created = await request.post("/api/v1/deployments", {
    headers: auth(manage),
    data: { name, model: "Qwen/Qwen3-32B", gpu_price_per_hour_usd: 2.5, match: { Hostname: "gpu-node-9" }, endpoints: ["src-a", "src-a"] },
  });
  expect(created.status()).toBe(201);
  const d = await created.json();
  expect(d).toMatchObject({ name: name.toLowerCase(), model: "Qwen/Qwen3-32B", gpu_price_per_hour_usd: "2.5", pricing_kind: "on_demand", match: { hostname: "gpu-node-9" }, endpoints: ["src-a"] });

  const list = await (await request.get("/api/v1/deployments", { headers: auth(read) })).json();
  expect(list.deployments.map((x: { name: string }) => x.name)).toEqual(expect.arrayContaining(["llama-70b-prod", name.toLowerCase()]));
  expect((await request.get(`/api/v1/deployments/${d.id}`, { headers: auth(read) })).status()).toBe(200);

  const patched = await request.patch(`/api/v1/deployments/${d.id}`, { headers: auth(manage), data: { gpu_price_per_hour_usd: "3.10", pricing_kind: "spot" } });
  expect(patched.status()).toBe(200);
  expect(await patched.json()).toMatchObject({ gpu_price_per_hour_usd: "3.1", pricing_kind: "spot" });

  const dup = await request.post("/api/v1/deployments", { headers: auth(manage), data: { name: name.toUpperCase(), model: "x", gpu_price_per_hour_usd: "1", match: { pod: "p" } } });
  expect(dup.status()).toBe(409);
  expect((await dup.json()).details).toEqual([expect.stringMatching(/^name: a deployment named/)]);

  expect((await request.delete(`/api/v1/deployments/${d.id}`, { headers: auth(manage) })).status()).toBe(204);
  expect((await request.get(`/api/v1/deployments/${d.id}`, { headers: auth(read) })).status()).toBe(404);
  expect((await request.delete(`/api/v1/deployments/${d.id}`, { headers: auth(manage) })).status()).toBe(404);
});

test("deployments: bad input is a 400/422 naming each field; scopes are enforced", async ({ request }) => {
  const bad = await request.post("/api/v1/deployments", {
    headers: auth(manage),
    data: { name: "has space", model: "", gpu_price_per_hour_usd: "-1", match: {}, endpoints: "src", pricing_kind: "cheap", extra: 1 },
  });
  expect(bad.status()).toBe(422);
  const details: string[] = (await bad.json()).details;
  for (const field of ["name", "model", "gpu_price_per_hour_usd", "match", "endpoints", "pricing_kind"]) expect(details.some((l) => l.startsWith(`${field}: `)), `${field} in ${details.join(" | ")}`).toBe(true);
  expect(details.some((l) => /extra/.test(l))).toBe(true);

  const notJson = await request.post("/api/v1/deployments", { headers: { ...auth(manage), "content-type": "application/json" }, data: Buffer.from("{nope") });
  expect(notJson.status()).toBe(400);
  expect((await request.post("/api/v1/deployments", { headers: auth(read), data: { name: "x" } })).status()).toBe(403);
  expect((await request.get("/api/v1/deployments")).status()).toBe(401);

  const q = await request.get("/api/v1/self-hosted?group_by=pod&from=yesterday", { headers: auth(read) });
  expect(q.status()).toBe(400);
  const qd: string[] = (await q.json()).details;
  expect(qd.some((l) => l.startsWith("group_by: expected one of deployment, model, gpu_model, node"))).toBe(true);
  expect(qd.some((l) => l.startsWith("from: "))).toBe(true);
  const reversed = await request.get("/api/v1/self-hosted?from=2026-02-02T00:00:00Z&to=2026-02-01T00:00:00Z", { headers: auth(read) });
  expect(reversed.status()).toBe(400);
});

test("self-hosted API: demo day figures by hand, per deployment, node, GPU model, and a spot-priced deployment", async ({ request }) => {
  const day = coveredDay();
  const get = async (q: string) => {
    const r = await request.get(`/api/v1/self-hosted?${day}&${q}`, { headers: auth(read) });
    expect(r.status()).toBe(200);
    return (await r.json()).rows as Record<string, unknown>[];
  };
  const demo = (await get("group_by=deployment")).find((r) => r.deployment === "llama-70b-prod")!;
  // 8 GPUs x 24 h = 192 GPU-hours; x $2.49 = $478.08
  expect(demo.gpu_hours).toBe(192);
  expect(demo.gpu_cost_usd).toBe("478.08");
  expect(demo.gpus).toBe(8);
  // idle + busy = the bill, and the two bases follow from it and the tokens
  const tokens = Number(demo.input_tokens) + Number(demo.output_tokens);
  expect(tokens).toBeGreaterThan(0);
  expect(Number(demo.idle_cost_usd) + Number(demo.busy_cost_usd)).toBeCloseTo(478.08, 9);
  expect(Number(demo.cost_per_1m_tokens_allocation)).toBeCloseTo((478.08 / tokens) * 1e6, 6);
  expect(Number(demo.cost_per_1m_tokens_usage)).toBeCloseTo((Number(demo.busy_cost_usd) / tokens) * 1e6, 6);
  expect(typeof demo.gpu_cost_usd).toBe("string");

  const nodes = (await get("group_by=node")).filter((r) => String(r.node).startsWith("gpu-node-"));
  expect(nodes.map((r) => [r.node, r.gpu_hours, r.gpu_cost_usd])).toEqual([
    ["gpu-node-1", 96, "239.04"],
    ["gpu-node-2", 96, "239.04"],
  ]);
  const models = await get("group_by=gpu_model");
  expect(models.find((r) => r.gpu_model === "NVIDIA H100 80GB HBM3")?.gpu_cost_usd).toBe("478.08");

  // a second deployment over node 2's GPUs, priced per GPU model on spot: 4 GPUs x 24 h x $1.20 = $115.20
  const name = `spot-${RUN}`;
  const c = await request.post("/api/v1/deployments", {
    headers: auth(manage),
    data: { name, model: "spot-model", gpu_price_per_hour_usd: "9.99", gpu_pricing: { "NVIDIA H100 80GB HBM3": { spot: "1.2" } }, pricing_kind: "spot", match: { hostname: "gpu-node-2" } },
  });
  expect(c.status()).toBe(201);
  const spot = (await get("group_by=deployment")).find((r) => r.deployment === name)!;
  expect([spot.gpus, spot.gpu_hours, spot.gpu_cost_usd, spot.input_tokens, spot.cost_per_1m_tokens_allocation]).toEqual([4, 96, "115.2", 0, null]);
  const byModel = (await get("group_by=model")).find((r) => r.model === "spot-model")!;
  expect(byModel.gpu_cost_usd).toBe("115.2");
  await request.delete(`/api/v1/deployments/${(await c.json()).id}`, { headers: auth(manage) });
});

test("page: engineer sees the demo deployment, heatmap, reconciliation and the form; a viewer has no form", async ({ page, browser }) => {
  await signIn(page, "engineer");
  await page.goto("/self-hosted?range=7d");
  await expect(page.getByTestId("deployments").locator("[data-deployment='llama-70b-prod']")).toBeVisible();
  await expect(page.getByTestId("utilization-heatmap")).toBeVisible();
  await expect(page.getByTestId("reconciliation")).toContainText("GPU cost (allocation)");
  await expect(page.getByTestId("cost-trend")).toBeVisible();
  await expect(page.getByTestId("gpu-memory").locator("li")).toHaveCount(8);

  const form = page.getByTestId("deployment-form");
  await form.getByLabel(/^Name/).fill(`ui-${RUN}`);
  await form.getByLabel("Served model").fill("m");
  await form.getByLabel("USD per GPU-hour").fill("abc");
  await form.getByLabel(/DCGM label matchers/).fill("pod=x");
  await form.getByRole("button", { name: "Add deployment" }).click();
  await expect(page.getByTestId("form-errors")).toContainText("gpu_price_per_hour_usd:");
  // a refused form comes back with what was typed
  await expect(form.getByLabel(/^Name/)).toHaveValue(`ui-${RUN}`);
  await form.getByLabel("USD per GPU-hour").fill("1.5");
  await form.getByRole("button", { name: "Add deployment" }).click();
  await expect(page.getByTestId("deployment-list").locator(`[data-deployment-config='ui-${RUN}']`)).toBeVisible();

  const viewer = await (await browser.newContext()).newPage();
  await signIn(viewer, "viewer");
  await viewer.goto("/self-hosted");
  await expect(viewer.getByTestId("deployments")).toBeVisible();
  await expect(viewer.getByTestId("deployment-form")).toHaveCount(0);
});
