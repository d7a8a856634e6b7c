import { expect, test, type APIRequestContext } from "@playwright/test";
import { signIn } from "./helpers";

/**
 * Backfills of any span over real HTTP: the events table is partitioned by month and the engine
 * refuses an INSERT touching more than 100 partitions, so the server splits them. A request over
 * 101 months, and two 60-month backfills sent together (they meet in one group commit), are stored,
 * acknowledged and counted. The events lie in 2005-2013, far from every other spec's data.
 */
let key = "";
const run = `bf${Date.now()}`;

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signIn(page, "engineer");
  await page.goto("/settings/api-keys");
  await page.getByLabel(/name/i).fill(`e2e backfill ${run}`);
  await page.getByLabel(/ingest/i).check();
  await page.getByRole("button", { name: /create/i }).click();
  key = ((await page.getByTestId("new-api-key").textContent()) ?? "").match(/lfo_[A-Za-z0-9_-]+/)?.[0] ?? "";
  expect(key).not.toBe("");
  await page.close();
});

/** One event on the 10th of each of `months` months from January of `year`. */
function monthly(prefix: string, year: number, months: number) {
  return Array.from({ length: months }, (_, i) => ({
    id: `${run}-${prefix}-${i}`,
    timestamp: new Date(Date.UTC(year, i, 10, 12)).toISOString(),
    provider: "openai",
    model: "gpt-4o-mini",
    feature: run,
    usage: { input_tokens: 1000, output_tokens: 100 },
  }));
}

async function send(request: APIRequestContext, events: unknown[]) {
  const res = await request.post("/api/v1/events", { headers: { authorization: `Bearer ${key}` }, data: { events } });
  return { status: res.status(), body: await res.json() };
}

test("a 101-month backfill and two 60-month backfills sent together are stored and counted", async ({ request, page }) => {
  const long = await send(request, monthly("long", 2005, 101));
  expect(long.status, JSON.stringify(long.body)).toBe(200);
  expect(long.body.accepted).toBe(101);

  const [a, b] = await Promise.all([send(request, monthly("a", 2006, 60)), send(request, monthly("b", 2008, 60))]);
  expect([a.status, b.status]).toEqual([200, 200]);
  expect([a.body.accepted, b.body.accepted]).toEqual([60, 60]);

  const retry = await send(request, monthly("long", 2005, 101));
  expect(retry.body).toMatchObject({ accepted: 0, duplicates: 101 });

  // Counted in the rollup the dashboards and the read API use (at most 732 days a query).
  await signIn(page, "viewer");
  let requests = 0;
  for (const [from, to] of [["2005-01-01", "2007-01-01"], ["2007-01-01", "2009-01-01"], ["2009-01-01", "2011-01-01"], ["2011-01-01", "2013-01-01"], ["2013-01-01", "2014-01-01"]]) {
    const res = await page.request.get(`/api/v1/spend?from=${from}&to=${to}&feature=${run}`);
    expect(res.status()).toBe(200);
    for (const row of (await res.json()).rows) requests += row.requests;
  }
  expect(requests).toBe(101 + 60 + 60);
});
