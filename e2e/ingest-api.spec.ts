import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

/** The ingestion API's answers to bad requests, over real HTTP. */
let key = "";

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signIn(page, "engineer");
  await page.goto("/settings/api-keys");
  await page.getByLabel(/name/i).fill("e2e ingest errors");
  await page.getByLabel(/ingest/i).check();
  await page.getByRole("button", { name: /create/i }).click();
  key = ((await page.getByTestId("new-api-key").textContent()) ?? "").match(/lfo_[A-Za-z0-9_-]+/)?.[0] ?? "";
  await page.close();
});

const good = (id: string) => ({
  id,
  timestamp: "2026-02-10T10:00:00Z",
  provider: "openai",
  model: "gpt-4o-mini",
  usage: { input_tokens: 10, output_tokens: 5 },
});

test("no key, a wrong key, and a revoked-looking key are 401 and write nothing", async ({ request }) => {
  expect((await request.post("/api/v1/events", { data: { events: [good("x-1")] } })).status()).toBe(401);
  const wrong = await request.post("/api/v1/events", { headers: { authorization: "Bearer lfo_not-a-key" }, data: { events: [good("x-2")] } });
  expect(wrong.status()).toBe(401);
  expect((await wrong.json()).error).toMatch(/unknown or revoked/);
});

test("a body that is not JSON is a 400 that says so", async ({ request }) => {
  const res = await request.post("/api/v1/events", {
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    data: Buffer.from("{not json"),
  });
  expect(res.status()).toBe(400);
  expect((await res.json()).error).toMatch(/not valid JSON/);
});

test("a body over 5 MB is a 413", async ({ request }) => {
  const big = JSON.stringify({ events: [{ ...good("big"), tags: { pad: "x".repeat(1000) } }], pad: "y".repeat(5 * 1024 * 1024) });
  const res = await request.post("/api/v1/events", { headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, data: big });
  expect(res.status()).toBe(413);
});

test("bad events are rejected by field while good ones beside them are stored (207)", async ({ request }) => {
  const res = await request.post("/api/v1/events", {
    headers: { authorization: `Bearer ${key}` },
    data: {
      events: [
        good(`mix-${Date.now()}-ok`),
        { ...good("mix-bad-ts"), timestamp: "yesterday" },
        { ...good("mix-bad-usage"), usage: { input_tokens: -3 } },
        { id: "mix-no-model", timestamp: "2026-02-10T10:00:00Z", provider: "openai", usage: {} },
      ],
    },
  });
  expect(res.status()).toBe(207);
  const body = await res.json();
  expect(body).toMatchObject({ accepted: 1, rejected: 3 });
  const errors = body.results.filter((r: { status: string }) => r.status === "rejected").map((r: { errors: string[] }) => r.errors.join(" "));
  expect(errors[0]).toMatch(/timestamp/);
  expect(errors[1]).toMatch(/input_tokens/);
  expect(errors[2]).toMatch(/model/);
});

test("the read API refuses unknown parameters and names them", async ({ page }) => {
  await signIn(page, "viewer");
  const res = await page.request.get("/api/v1/spend?group_by=feature,colour&frm=2026-01-01");
  expect(res.status()).toBe(400);
  const body = await res.json();
  expect(body.details.join(" ")).toMatch(/frm/);
});
