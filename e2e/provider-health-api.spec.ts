import { expect, test } from "@playwright/test";
import { createKey, RUN, signIn } from "./helpers";

/**
 * Provider health over real HTTP: events with http_status, ttft_ms and rate_limit sent through
 * /api/v1/events, read back from GET /api/v1/provider-health with figures computed by hand; the
 * alert settings API. A July 2026 day, outside the demo's 60 days.
 */
let ingest = "";
let read = "";
let manage = "";
const DAY = "2026-07-14";
const MODEL = "e2e-health-model";
const auth = (k: string) => ({ authorization: `Bearer ${k}` });

test.beforeAll(async () => {
  ingest = await createKey(`e2e health ingest ${RUN}`, "ingest");
  read = await createKey(`e2e health read ${RUN}`, "read");
  manage = await createKey(`e2e health manage ${RUN}`, "manage");
});

test("bad health fields are rejected by field name", async ({ request }) => {
  const base = { id: "e2e-health-bad", timestamp: `${DAY}T09:00:00Z`, provider: "openai", model: MODEL, usage: { input_tokens: 1, output_tokens: 1 } };
  const res = await request.post("/api/v1/events", {
    headers: auth(ingest),
    data: { events: [{ ...base, rate_limit: { tokens_remaining: -1 } }, { ...base, id: "e2e-health-bad2", http_status: 700 }, { ...base, id: "e2e-health-bad3", ttft_ms: "fast" }] },
  });
  expect(res.status()).toBe(422);
  const body = await res.json();
  expect(body.results.map((r: { errors?: string[] }) => r.errors)).toEqual([
    ["rate_limit.tokens_remaining: expected a non-negative number"],
    ["http_status: expected an integer HTTP status code from 100 to 599"],
    ["ttft_ms: expected a number of milliseconds"],
  ]);
});

test("per provider and model: errors, 429s, latency and TTFT quantiles, headroom", async ({ request }) => {
  // 21 calls, latencies 10..210 ms (p50 110, p95 200); two 429s and a 503; requests remaining 400 -> 0 of 400.
  const events = Array.from({ length: 21 }, (_, i) => ({
    id: `e2e-health-${i}`,
    timestamp: `${DAY}T10:${String(i).padStart(2, "0")}:00Z`,
    provider: "openai",
    model: MODEL,
    usage: { input_tokens: 10, output_tokens: 5 },
    latency_ms: (i + 1) * 10,
    ttft_ms: (i + 1) * 2,
    http_status: i === 3 || i === 7 ? 429 : i === 12 ? 503 : 200,
    rate_limit: { requests_limit: 400, requests_remaining: 400 - i * 20, tokens_limit: 10000, tokens_remaining: 9000, requests_reset_s: i === 20 ? 2.5 : 30 },
  }));
  const sent = await request.post("/api/v1/events", { headers: auth(ingest), data: { events } });
  expect(sent.status(), await sent.text()).toBe(200);
  const res = await request.get(`/api/v1/provider-health?from=${DAY}&to=${DAY}`, { headers: auth(read) });
  expect(res.status(), await res.text()).toBe(200);
  const body = await res.json();
  expect(body.settings).toEqual({ headroom_alert_percent: expect.any(Number), headroom_alert_minutes: expect.any(Number) });
  const row = body.rows.find((r: { model: string }) => r.model === MODEL);
  expect(row).toMatchObject({
    provider: "openai",
    requests: 21,
    errors: 3,
    http_429: 2,
    latency_ms_p50: 110,
    latency_ms_p95: 200,
    ttft_ms_p50: 22,
    ttft_ms_p95: 40,
    headroom_requests: { latest_share: 0, remaining: 0, limit: 400, reset_s: 2.5, at: `${DAY}T10:20:00.000Z`, min_share: 0 },
    headroom_tokens: { latest_share: 0.9, remaining: 9000, limit: 10000, min_share: 0.9 },
  });
  expect(row.error_rate).toBeCloseTo(3 / 21, 12);
  expect(body.series.interval).toBe("hour");
  expect(body.series.points.find((p: { provider: string; ts: string }) => p.provider === "openai" && p.ts === `${DAY}T10:00:00.000Z`)).toMatchObject({ requests: 21, http_429: 2, headroom_min_share: 0 });

  const bad = await request.get(`/api/v1/provider-health?from=soon&model=x`, { headers: auth(read) });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).details).toEqual(["model: unknown parameter; expected from, to, range", expect.stringMatching(/^from: expected an ISO 8601 date/)]);
  expect((await request.get(`/api/v1/provider-health`)).status()).toBe(401);
});

test("headroom alert settings: read by a read key, changed by a manage key with field errors", async ({ request }) => {
  expect((await request.put("/api/v1/provider-health/settings", { headers: auth(read), data: { headroom_alert_percent: 20 } })).status()).toBe(403);
  const bad = await request.put("/api/v1/provider-health/settings", { headers: auth(manage), data: { headroom_alert_percent: 150, headroom_alert_minutes: 0 } });
  expect(bad.status()).toBe(422);
  expect((await bad.json()).details).toEqual(["headroom_alert_percent: expected a whole percentage from 1 to 99", "headroom_alert_minutes: expected whole minutes from 1 to 1440"]);
  const ok = await request.put("/api/v1/provider-health/settings", { headers: auth(manage), data: { headroom_alert_percent: 15 } });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toEqual({ headroom_alert_percent: 15, headroom_alert_minutes: 10 });
  expect(await (await request.get("/api/v1/provider-health/settings", { headers: auth(read) })).json()).toEqual({ headroom_alert_percent: 15, headroom_alert_minutes: 10 });
  // Back to the default so other specs see what a fresh organization has.
  await request.put("/api/v1/provider-health/settings", { headers: auth(manage), data: { headroom_alert_percent: 10 } });
});

test("the Providers page shows the demo's providers with their headroom to a viewer", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto("/providers?range=7d");
  const table = page.getByTestId("provider-health");
  await expect(table.locator('[data-model="claude-sonnet-4-20250514"]')).toBeVisible();
  await expect(table.locator('[data-model="claude-sonnet-4-20250514"]')).toContainText("left (");
  await expect(page.getByTestId("provider-health-charts")).toBeVisible();
});
