import { expect, test, type APIRequestContext } from "@playwright/test";
import { signIn } from "./helpers";

/**
 * Hostile input over real HTTP (issue 7): text the engine refuses, forged token counts, deep JSON and
 * out-of-range dates are refused by name without touching anyone else's request; the overview and
 * the read API read the same query string as the same range and filters.
 *
 * gpt-4o-mini costs $0.15 per million input and $0.60 per million output tokens, so an event of
 * 1M + 1M tokens is $0.75. The events sit in March-April 2026, away from the demo's recent 60 days.
 */
const run = `hard${Date.now()}`;
let key = "";

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signIn(page, "admin");
  await page.goto("/settings/api-keys");
  await page.getByLabel(/name/i).fill(`e2e ${run}`);
  await page.getByLabel(/ingest/i).check();
  await page.getByLabel(/read/i).check();
  await page.getByRole("button", { name: /create/i }).click();
  key = ((await page.getByTestId("new-api-key").textContent()) ?? "").match(/lfo_[A-Za-z0-9_-]+/)?.[0] ?? "";
  await page.close();
});

const event = (id: string, extra: Record<string, unknown> = {}) => ({
  id: `${run}-${id}`,
  timestamp: "2026-04-10T12:00:00Z",
  provider: "openai",
  model: "gpt-4o-mini",
  usage: { input_tokens: 1_000_000, output_tokens: 1_000_000 },
  ...extra,
});

/** Posts the body exactly as given (JSON.stringify writes a lone surrogate as the escape \ud800). */
function post(request: APIRequestContext, body: unknown) {
  return request.post("/api/v1/events", {
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    data: Buffer.from(typeof body === "string" ? body : JSON.stringify(body)),
  });
}

const errorsOf = async (res: { json(): Promise<{ results: { errors?: string[] }[] }> }) =>
  (await res.json()).results.map((r) => (r.errors ?? []).join(" "));

test("a lone surrogate rejects its own event only; a concurrent request is stored (all got 503 before)", async ({ request }) => {
  const [mixed, other] = await Promise.all([
    post(request, { events: [event("sur-bad", { model: "gpt\ud800" }), event("sur-good")] }),
    post(request, { events: [event("sur-other")] }),
  ]);
  expect(other.status(), await other.text()).toBe(200);
  expect(mixed.status(), await mixed.text()).toBe(207);
  const [bad] = await errorsOf(mixed);
  expect(bad).toMatch(/^model: contains an unpaired UTF-16 surrogate \(U\+D800\)/);
});

test("control and bidi characters and the tag key __proto__ are refused by field (422)", async ({ request }) => {
  const res = await post(
    request,
    `{"events":[${JSON.stringify(event("ctl", { customer: "acme\u0000" }))},${JSON.stringify(event("bidi", { team: "\u202egrowth" }))},` +
      `${JSON.stringify(event("proto")).replace(/}$/, ',"tags":{"__proto__":"x"}}')}]}`,
  );
  expect(res.status(), await res.text()).toBe(422);
  const [ctl, bidi, proto] = await errorsOf(res);
  expect(ctl).toMatch(/^customer: contains the control character U\+0000/);
  expect(bidi).toMatch(/^team: contains the bidirectional formatting character U\+202E/);
  expect(proto).toMatch(/^tags\.__proto__: "__proto__" is a reserved name/);
});

test("a billion tokens in one event is refused, naming the field and the limit", async ({ request }) => {
  const res = await post(request, { events: [event("huge", { usage: { input_tokens: 1_000_000_000, output_tokens: 0 } })] });
  expect(res.status()).toBe(422);
  expect((await errorsOf(res))[0]).toMatch(/^usage\.input_tokens: expected at most 10,000,000 tokens per event/);
});

test("JSON nested 10,000 deep is a 400 that says so (it was a 503 'retry')", async ({ request }) => {
  const res = await post(request, `{"events":[${"[".repeat(10_000)}${"]".repeat(10_000)}]}`);
  expect(res.status()).toBe(400);
  expect((await res.json()).error).toMatch(/nests JSON more than 64 levels deep/);
});

test("dates outside 2000-2099 are a 400 naming the parameter (from=1960 was a 500)", async ({ request }) => {
  const res = await request.get("/api/v1/spend?from=1960-01-01&to=1960-02-01", { headers: { authorization: `Bearer ${key}` } });
  expect(res.status()).toBe(400);
  expect((await res.json()).details.join(" ")).toMatch(/^from: "1960-01-01" is outside the dates this ledger holds/);
});

test("the overview and the read API show the same spend for the same query string", async ({ page, request }) => {
  const feature = `${run}-dates`;
  // One event on the last day of the range: a date-only `to` includes it on the page and, now, in the API.
  const res = await post(request, {
    events: [event("d-15", { feature, timestamp: "2026-03-15T12:00:00Z" }), event("d-31", { feature, timestamp: "2026-03-31T12:00:00Z" })],
  });
  expect(res.status(), await res.text()).toBe(200);
  const qs = `from=2026-03-01&to=2026-03-31&feature=${feature}`;
  const api = await request.get(`/api/v1/spend?${qs}`, { headers: { authorization: `Bearer ${key}` } });
  expect(api.status()).toBe(200);
  expect((await api.json()).rows[0].cost_usd_exact).toMatch(/^1\.5(0*)$/);
  await signIn(page, "finance");
  await page.goto(`/?${qs}`);
  await expect(page.getByTestId("total-spend")).toHaveText("$1.50");

  // The default window (no dates at all) is the same range too: the last 30 calendar days to the end of the hour.
  const whole = await (await request.get("/api/v1/spend", { headers: { authorization: `Bearer ${key}` } })).json();
  await page.goto("/");
  const shown = Number(((await page.getByTestId("total-spend").textContent()) ?? "").replace(/[$,]/g, ""));
  expect(Math.abs(shown - (whole.rows[0]?.cost_usd ?? 0))).toBeLessThan(0.006);
});

test("a customer filter as long as ingest allows works on the page; a longer one is reported, never dropped", async ({ page, request }) => {
  const customer = `${run}-`.padEnd(256, "k");
  const res = await post(request, { events: [event("long", { customer, timestamp: "2026-03-20T12:00:00Z" })] });
  expect(res.status(), await res.text()).toBe(200);
  await signIn(page, "finance");
  await page.goto(`/?from=2026-03-01&to=2026-03-31&customer=${customer}`);
  await expect(page.getByTestId("total-spend")).toHaveText("$0.7500"); // the page used to drop values over 200 characters

  const tooLong = `${customer}k`;
  await page.goto(`/?from=2026-03-01&to=2026-03-31&customer=${tooLong}`);
  await expect(page.getByText(/customer: a value has 257 characters; stored values have at most 256, so it can match no spend/)).toBeVisible();
  await expect(page.getByTestId("total-spend")).toHaveCount(0); // nothing matches: no unfiltered total
  const api = await request.get(`/api/v1/spend?from=2026-03-01&to=2026-03-31&customer=${tooLong}`, { headers: { authorization: `Bearer ${key}` } });
  expect(api.status()).toBe(400);
  expect((await api.json()).details.join(" ")).toMatch(/^customer: a value has 257 characters/);
});
