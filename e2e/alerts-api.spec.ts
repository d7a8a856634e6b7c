import { expect, test } from "@playwright/test";
import { RUN, createKey } from "./helpers";
import { seedAlert } from "./alerts-helpers";

/** The alerts API over real HTTP: scopes, filters, the lifecycle actions and their refusals. */
let readKey = "";
let manageKey = "";
let alertId = "";
const auth = (key: string) => ({ authorization: `Bearer ${key}` });

test.beforeAll(async () => {
  [readKey, manageKey, alertId] = await Promise.all([
    createKey(`e2e alerts read ${RUN}`, "read"),
    createKey(`e2e alerts manage ${RUN}`, "manage"),
    seedAlert(`e2e-api-${RUN}`, `E2E API alert ${RUN}`),
  ]);
});

test("listing needs a key or a session; a read key lists open alerts in the webhook payload shape", async ({ request }) => {
  expect((await request.get("/api/v1/alerts")).status()).toBe(401);
  const res = await request.get("/api/v1/alerts?state=open&severity=critical", { headers: auth(readKey) });
  expect(res.status()).toBe(200);
  const body = await res.json();
  const mine = body.alerts.find((a: { id: string }) => a.id === alertId);
  expect(mine).toMatchObject({ kind: "anomaly", severity: "critical", state: "open", title: `E2E API alert ${RUN}`, dedup_key: `e2e-api-${RUN}`, scope: { feature: "search" } });
  expect(mine.url).toMatch(new RegExp(`/alerts/${alertId}$`));
  expect(mine.cause[0]).toMatchObject({ dimension: "feature", value: "search" });
  for (const a of body.alerts) expect(a.state).toBe("open");
});

test("bad list parameters are a 400 naming each one", async ({ request }) => {
  const res = await request.get("/api/v1/alerts?state=closed&limit=0&colour=red", { headers: auth(readKey) });
  expect(res.status()).toBe(400);
  const { details } = await res.json();
  expect(details).toEqual(
    expect.arrayContaining([expect.stringMatching(/^state: expected one of open, acknowledged, resolved/), expect.stringMatching(/^limit: /), expect.stringMatching(/^colour: unknown parameter/)]),
  );
});

test("paging: limit and next_cursor walk the list without repeats", async ({ request }) => {
  await seedAlert(`e2e-page-${RUN}`, `E2E page alert ${RUN}`);
  const first = await (await request.get("/api/v1/alerts?limit=1", { headers: auth(readKey) })).json();
  expect(first.alerts).toHaveLength(1);
  expect(first.next_cursor).toBeTruthy();
  const second = await (await request.get(`/api/v1/alerts?limit=1&cursor=${first.next_cursor}`, { headers: auth(readKey) })).json();
  expect(second.alerts[0].id).not.toBe(first.alerts[0].id);
});

test("one alert comes with its timeline; an unknown id is a 404", async ({ request }) => {
  const res = await request.get(`/api/v1/alerts/${alertId}`, { headers: auth(readKey) });
  expect(res.status()).toBe(200);
  const { alert } = await res.json();
  expect(alert.timeline.map((t: { type: string }) => t.type)).toEqual(["opened"]);
  expect((await request.get("/api/v1/alerts/no-such-alert", { headers: auth(readKey) })).status()).toBe(404);
});

test("actions need the manage scope; acknowledge, snooze and resolve move the alert and refuse what its state forbids", async ({ request }) => {
  const read = await request.post(`/api/v1/alerts/${alertId}/acknowledge`, { headers: auth(readKey) });
  expect(read.status()).toBe(403);
  expect((await read.json()).error).toMatch(/manage/);

  const ack = await request.post(`/api/v1/alerts/${alertId}/acknowledge`, { headers: auth(manageKey) });
  expect(ack.status()).toBe(200);
  const acked = (await ack.json()).alert;
  expect(acked.state).toBe("acknowledged");
  expect(acked.acknowledged_by).toMatch(/^key:/);
  const again = await request.post(`/api/v1/alerts/${alertId}/acknowledge`, { headers: auth(manageKey) });
  expect(again.status()).toBe(409);
  expect((await again.json()).error).toMatch(/already acknowledged by key:/);

  const bad = await request.post(`/api/v1/alerts/${alertId}/snooze`, { headers: auth(manageKey), data: { until: "tomorrow" } });
  expect(bad.status()).toBe(422);
  expect((await bad.json()).details).toEqual(expect.arrayContaining([expect.stringMatching(/^until: expected an RFC 3339 time/), expect.stringMatching(/^reason: /)]));
  const notJson = await request.post(`/api/v1/alerts/${alertId}/snooze`, { headers: { ...auth(manageKey), "content-type": "application/json" }, data: Buffer.from("{nope") });
  expect(notJson.status()).toBe(400);
  const until = new Date(Date.now() + 3_600_000).toISOString();
  const snz = await request.post(`/api/v1/alerts/${alertId}/snooze`, { headers: auth(manageKey), data: { until, reason: "fix deploying" } });
  expect(snz.status()).toBe(200);
  expect((await snz.json()).alert).toMatchObject({ snoozed_until: until, snooze_reason: "fix deploying" });

  const res = await request.post(`/api/v1/alerts/${alertId}/resolve`, { headers: auth(manageKey) });
  expect(res.status()).toBe(200);
  const resolved = (await res.json()).alert;
  expect(resolved).toMatchObject({ state: "resolved", resolution: "manual" });
  expect(resolved.timeline.map((t: { type: string }) => t.type)).toEqual(["opened", "acknowledged", "snoozed", "resolved"]);
  const twice = await request.post(`/api/v1/alerts/${alertId}/resolve`, { headers: auth(manageKey) });
  expect(twice.status()).toBe(409);
  expect((await twice.json()).error).toMatch(/resolved by key:/);
  expect((await request.get(`/api/v1/alerts?state=resolved`, { headers: auth(readKey) })).status()).toBe(200);
});
