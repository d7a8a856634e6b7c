import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { configQuery } from "./config-db";
import { createKey, RUN, signIn } from "./helpers";
import { startReceiver, type Receiver } from "../lib/delivery/testing/receiver";

/** The channels, routing-rules and silences API over real HTTP, and the settings screen in Chromium. */
let rx: Receiver;
let manage = "";
let read = "";
const SLACK_TOKEN = `XyZsecretToken${RUN}`;
const PD_KEY = `PDROUTINGKEYSECRET${RUN}`;

test.beforeAll(async () => {
  rx = await startReceiver();
  manage = await createKey(`e2e channels manage ${RUN}`, "manage,read");
  read = await createKey(`e2e channels read ${RUN}`, "read");
});
test.afterAll(async () => rx.close());

const auth = (key: string) => ({ authorization: `Bearer ${key}` });

test("channels API: webhook secret once, GET never shows secrets, audit redacted, send test signed", async ({ request }) => {
  const hook = await request.post("/api/v1/channels", { headers: auth(manage), data: { type: "webhook", name: `hook ${RUN}`, config: { url: rx.url("/hook") } } });
  expect(hook.status()).toBe(201);
  const hookBody = await hook.json();
  expect(hookBody.signing_secret).toMatch(/^whsec_/);
  const secret: string = hookBody.signing_secret;
  const hookId: string = hookBody.channel.id;
  const slack = await request.post("/api/v1/channels", { headers: auth(manage), data: { type: "slack", name: `slack ${RUN}`, config: { url: `http://127.0.0.1:1/services/T0/B0/${SLACK_TOKEN}` } } });
  expect(slack.status()).toBe(201);
  expect((await slack.json()).signing_secret).toBeUndefined();
  expect((await request.post("/api/v1/channels", { headers: auth(manage), data: { type: "pagerduty", name: `pd ${RUN}`, config: { routing_key: PD_KEY } } })).status()).toBe(201);

  const list = await request.get("/api/v1/channels", { headers: auth(read) });
  expect(list.status()).toBe(200);
  const text = await list.text();
  for (const s of [secret, SLACK_TOKEN, PD_KEY, rx.url("/hook")]) expect(text).not.toContain(s);

  const audit = JSON.stringify(await configQuery(`SELECT * FROM "AuditEntry" WHERE "targetType" = 'channel'`));
  const stored = JSON.stringify(await configQuery(`SELECT * FROM "Channel"`));
  for (const s of [secret, SLACK_TOKEN, PD_KEY]) {
    expect(audit).not.toContain(s);
    expect(stored).not.toContain(s);
  }

  const t = await request.post(`/api/v1/channels/${hookId}/test`, { headers: auth(manage) });
  expect(t.status()).toBe(200);
  const outcome = await t.json();
  expect(outcome.ok).toBe(true);
  const got = await rx.waitFor("/hook", 1);
  expect(got[0].headers["webhook-id"]).toBe(outcome.notificationId);
  const verified = new Webhook(secret).verify(got[0].body, got[0].headers as Record<string, string>) as { type: string };
  expect(verified.type).toBe("alert.opened");
  const log = await (await request.get(`/api/v1/channels/${hookId}/deliveries`, { headers: auth(read) })).json();
  expect(log.deliveries[0].status).toBe("sent");

  expect((await request.delete(`/api/v1/channels/${hookId}`, { headers: auth(manage) })).status()).toBe(204);
  expect((await request.delete(`/api/v1/channels/${hookId}`, { headers: auth(manage) })).status()).toBe(404);
});

test("bad input names each field; a read key cannot write; no key is 401", async ({ request }) => {
  const notJson = await request.post("/api/v1/channels", { headers: { ...auth(manage), "content-type": "application/json" }, data: Buffer.from("{oops") });
  expect(notJson.status()).toBe(400);
  const bad = await request.post("/api/v1/channels", { headers: auth(manage), data: { type: "fax", name: "", config: {} } });
  expect(bad.status()).toBe(422);
  const details: string[] = (await bad.json()).details;
  expect(details.some((d) => d.startsWith("type: expected one of slack, pagerduty, webhook, email"))).toBe(true);
  expect(details.some((d) => d.startsWith("name: expected a name"))).toBe(true);
  const badUrl = await request.post("/api/v1/channels", { headers: auth(manage), data: { type: "webhook", name: "w", config: { url: "ftp://x" } } });
  expect((await badUrl.json()).details).toEqual(["config.url: expected an http(s) URL"]);
  expect((await request.post("/api/v1/channels", { headers: auth(read), data: { type: "webhook", name: "x", config: { url: rx.url("/x") } } })).status()).toBe(403);
  expect((await request.get("/api/v1/channels")).status()).toBe(401);
  const rule = await request.post("/api/v1/routing-rules", { headers: auth(manage), data: { channel_id: "nope", min_severity: "urgent" } });
  expect(rule.status()).toBe(422);
  expect((await rule.json()).details.some((d: string) => d.startsWith("min_severity: expected one of info, warning, critical"))).toBe(true);
  const past = await request.post("/api/v1/silences", { headers: auth(manage), data: { reason: "x", expires_at: "2020-01-01T00:00:00Z" } });
  expect((await past.json()).details).toEqual(["expires_at: expected a time in the future"]);
});

test("routing rules and silences: create, list, delete over the API", async ({ request }) => {
  const ch = await (await request.post("/api/v1/channels", { headers: auth(manage), data: { type: "webhook", name: `routed ${RUN}`, config: { url: rx.url("/routed") } } })).json();
  const r = await request.post("/api/v1/routing-rules", { headers: auth(manage), data: { channel_id: ch.channel.id, kinds: ["budget"], min_severity: "critical", scope: { team: "support" } } });
  expect(r.status()).toBe(201);
  const rule = (await r.json()).routing_rule;
  expect((await (await request.get("/api/v1/routing-rules", { headers: auth(read) })).json()).routing_rules.some((x: { id: string }) => x.id === rule.id)).toBe(true);
  expect((await request.delete(`/api/v1/routing-rules/${rule.id}`, { headers: auth(manage) })).status()).toBe(204);
  const s = await request.post("/api/v1/silences", { headers: auth(manage), data: { scope: { feature: "search" }, kinds: ["anomaly"], reason: `reindex ${RUN}`, expires_at: new Date(Date.now() + 3600_000).toISOString() } });
  expect(s.status()).toBe(201);
  const silence = (await s.json()).silence;
  expect((await request.delete(`/api/v1/silences/${silence.id}`, { headers: auth(manage) })).status()).toBe(204);
  const listed = (await (await request.get("/api/v1/silences", { headers: auth(read) })).json()).silences;
  expect(listed.find((x: { id: string }) => x.id === silence.id).active).toBe(false);
});

test("screen: the demo's channels show; an engineer adds a webhook, sends a test and sees the outcome", async ({ page }) => {
  await signIn(page, "engineer");
  await page.goto("/settings/channels");
  await expect(page.getByTestId("channels")).toContainText("On-call (PagerDuty, demo)");
  await expect(page.getByTestId("routing-rules")).toContainText("critical or worse");
  await page.getByLabel("Type").selectOption("webhook");
  await page.getByLabel("Name", { exact: true }).fill(`screen hook ${RUN}`);
  await page.getByLabel("URL").fill(rx.url("/screen"));
  await page.getByRole("button", { name: "Add channel" }).click();
  const secret = ((await page.getByTestId("new-signing-secret").textContent()) ?? "").trim();
  expect(secret).toMatch(/^whsec_/);
  const row = page.locator(`tr[data-channel="screen hook ${RUN}"]`);
  await row.getByRole("button", { name: "Send test" }).click();
  await expect(row.getByTestId("test-outcome")).toContainText("Delivered");
  const got = await rx.waitFor("/screen", 1);
  new Webhook(secret).verify(got[0].body, got[0].headers as Record<string, string>);
  await page.reload();
  await expect(page.getByText(secret)).toHaveCount(0);
});

test("screen: a viewer reads but gets no write controls; oncall may silence but not edit channels", async ({ browser }) => {
  const viewer = await browser.newPage();
  await signIn(viewer, "viewer");
  await viewer.goto("/settings/channels");
  await expect(viewer.getByTestId("channels")).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Add channel" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Send test" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Add silence" })).toHaveCount(0);
  await viewer.close();
  const oncall = await browser.newPage();
  await signIn(oncall, "oncall");
  await oncall.goto("/settings/channels");
  await expect(oncall.getByRole("button", { name: "Add channel" })).toHaveCount(0);
  await oncall.getByLabel("Reason").fill(`deploy ${RUN}`);
  await oncall.getByRole("button", { name: "Add silence" }).click();
  const silence = oncall.getByTestId("silences").locator("li", { hasText: `deploy ${RUN}` });
  await expect(silence).toContainText("until");
  // The silence matches every alert of the demo organization: ended here, or every later test that
  // waits for a notification (the spike test among them) would get none for hours.
  oncall.once("dialog", (d) => void d.accept());
  await silence.getByRole("button", { name: "Expire" }).click();
  await expect(silence).toContainText("ended");
  await expect(silence.getByRole("button", { name: "Expire" })).toHaveCount(0);
  await oncall.close();
});
