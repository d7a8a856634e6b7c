import { expect, test } from "@playwright/test";
import { createKey, RUN, signIn } from "./helpers";

/**
 * POST /api/v1/cache-stats and GET /api/v1/caches over real HTTP: events sent through /api/v1/events
 * and stats posted by a cache, every figure computed by hand (catalog prices, USD per Mtok x 1e6 =
 * pico-dollars per token). A day in July 2026, far from the demo's last 60 days, so demo data does
 * not mix in; fixed ids make a retried spec idempotent.
 */
let ingest = "";
let read = "";

const DAY = "2026-07-07";
const T = `${DAY}T10:00:00Z`;
const SONNET = "claude-sonnet-4-20250514"; // $3 input, $0.30 read, $3.75 5m write, $6 1h write
const MINI = "gpt-4o-mini"; // $0.15 input, $0.60 output

const EVENTS = [
  // Gross saving 4000 x ($3 - $0.30)/M = $0.0108; write premium 1000 x $0.75/M = $0.00075.
  { id: "e2e-cache-p1", timestamp: T, provider: "anthropic", model: SONNET, feature: "e2e-summarize", usage: { input_tokens: 900, cache_creation_input_tokens: 1000, cache_read_input_tokens: 4000, output_tokens: 500 } },
  // 1-hour write of 2000: premium 2000 x $3/M = $0.006.
  {
    id: "e2e-cache-p2", timestamp: T, provider: "anthropic", model: SONNET, feature: "e2e-summarize",
    usage: { input_tokens: 100, cache_creation_input_tokens: 2000, cache_read_input_tokens: 0, cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 2000 }, output_tokens: 10 },
  },
  // Misses: $0.00021, $0.00042, $0.00045: mean $0.00036.
  { id: "e2e-cache-m1", timestamp: T, provider: "openai", model: MINI, feature: "e2e-search", cache: "miss", usage: { prompt_tokens: 1000, completion_tokens: 100 } },
  { id: "e2e-cache-m2", timestamp: T, provider: "openai", model: MINI, feature: "e2e-search", cache: "miss", usage: { prompt_tokens: 2000, completion_tokens: 200 } },
  { id: "e2e-cache-m3", timestamp: T, provider: "openai", model: MINI, feature: "e2e-search", cache: "miss", usage: { prompt_tokens: 3000, completion_tokens: 0 } },
  { id: "e2e-cache-h1", timestamp: T, provider: "openai", model: MINI, feature: "e2e-search", cache: "hit", usage: { prompt_tokens: 0, completion_tokens: 0 } },
  { id: "e2e-cache-h2", timestamp: T, provider: "openai", model: MINI, feature: "e2e-search", cache: "hit", usage: { prompt_tokens: 0, completion_tokens: 0 } },
];
const WINDOW = { window_start: `${DAY}T00:00:00Z`, window_end: `${DAY}T12:00:00Z` };
const auth = (k: string) => ({ authorization: `Bearer ${k}` });

test.beforeAll(async ({ request }) => {
  ingest = await createKey(`e2e caches ingest ${RUN}`, "ingest");
  read = await createKey(`e2e caches read ${RUN}`, "read");
  const res = await request.post("/api/v1/events", { headers: auth(ingest), data: { events: EVENTS } });
  expect(res.status()).toBe(200);
});

test("cache-stats: credentials, scope and validation that names the item and field", async ({ request }) => {
  const good = { cache: "e2e-answers", kind: "semantic", ...WINDOW, hits: 1, misses: 1 };
  expect((await request.post("/api/v1/cache-stats", { data: { stats: [good] } })).status()).toBe(401);
  expect((await request.post("/api/v1/cache-stats", { headers: auth(read), data: { stats: [good] } })).status()).toBe(403);
  const bad = await request.post("/api/v1/cache-stats", {
    headers: auth(ingest),
    data: { stats: [good, { ...good, kind: "fuzzy", hits: -2 }, { ...good, window_end: WINDOW.window_start }] },
  });
  expect(bad.status()).toBe(422);
  const body = await bad.json();
  expect(body.error).toMatch(/nothing was stored/);
  expect(body.details).toEqual([
    'stats[1].kind: expected "exact" or "semantic"',
    "stats[1].hits: expected a whole number >= 0",
    "stats[2].window_end: expected a time after window_start",
  ]);
  const notJson = await request.post("/api/v1/cache-stats", { headers: { ...auth(ingest), "content-type": "application/json" }, data: Buffer.from("{nope") });
  expect(notJson.status()).toBe(400);
  expect((await request.post("/api/v1/cache-stats", { headers: auth(ingest), data: { stat: [] } })).status()).toBe(422);
});

test("caches API: the three layers' figures match a hand computation; a re-sent window replaces the first", async ({ request }) => {
  const post = async (stats: unknown[]) => {
    const res = await request.post("/api/v1/cache-stats", { headers: auth(ingest), data: { stats } });
    expect(res.status(), await res.text()).toBe(200);
  };
  await post([
    { cache: "e2e-answers", kind: "semantic", feature: "e2e-search", model: MINI, ...WINDOW, hits: 30, misses: 70, latency_ms_p50: 4, latency_ms_p95: 20, bytes_stored: 1000000 },
    { cache: "e2e-faq", kind: "exact", ...WINDOW, hits: 5, misses: 5 },
  ]);
  await post([{ cache: "e2e-answers", kind: "semantic", feature: "e2e-search", model: MINI, ...WINDOW, hits: 40, misses: 60, latency_ms_p50: 5, latency_ms_p95: 25, bytes_stored: 2000000 }]);

  const get = async (group: string) => {
    const res = await request.get(`/api/v1/caches?from=${DAY}&to=${DAY}&group_by=${group}`, { headers: auth(read) });
    expect(res.status(), await res.text()).toBe(200);
    return (await res.json()).rows as Record<string, unknown>[];
  };
  const byCache = await get("cache");
  const row = (cache: string) => byCache.find((r) => r.cache === cache)!;
  expect(row("anthropic prompt cache")).toMatchObject({
    layer: "prompt", hits: 4000, lookups: 8000, hit_rate: 0.5, gross_savings_usd: "0.0108", write_premium_usd: "0.00675", saved_usd: "0.00405", saved_is_estimate: false,
  });
  expect(row("(from events)")).toMatchObject({ layer: "application", hits: 2, lookups: 5, hit_rate: 0.4, saved_usd: "0.00072", saved_is_estimate: true });
  expect(row("e2e-answers")).toMatchObject({ kind: "semantic", hits: 40, lookups: 100, saved_usd: "0.0144", latency_ms_p50: 5, latency_ms_p95: 25, bytes_stored: 2000000 });
  expect(row("e2e-faq")).toMatchObject({ kind: "exact", hits: 5, lookups: 10, saved_usd: null, unknown_saving_hits: 5 });

  const byLayer = await get("layer");
  expect(byLayer.map((r) => r.layer)).toEqual(["prompt", "prefix", "application"]);
  expect(byLayer[2]).toMatchObject({ hits: 47, lookups: 115, saved_usd: "0.01512" });

  const byFeature = await get("feature");
  expect(byFeature.find((r) => r.layer === "prompt" && r.feature === "e2e-summarize")).toMatchObject({ saved_usd: "0.00405" });
  expect(byFeature.find((r) => r.layer === "application" && r.feature === "e2e-search")).toMatchObject({ hits: 42, saved_usd: "0.01512" });

  const bad = await request.get(`/api/v1/caches?from=${DAY}&group_by=team&colour=red`, { headers: auth(read) });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).details).toEqual(["colour: unknown parameter; expected from, to, range, group_by", "group_by: expected one of layer, feature, model, cache"]);
  expect((await request.get(`/api/v1/caches`, { headers: auth(ingest) })).status()).toBe(403);
});

test("the Caches page shows the three layers and the demo's caches to a viewer", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto("/caches");
  const layers = page.getByTestId("cache-layers");
  await expect(layers.locator("[data-layer]")).toHaveCount(3);
  await expect(page.getByTestId("app-caches").locator('[data-cache="support-semantic"]')).toBeVisible();
  await expect(page.getByTestId("app-caches").locator('[data-cache="triage-answers"]')).toBeVisible();
  await expect(page.getByTestId("prompt-cache")).toBeVisible();
});
