import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { RUN, createKey, signIn } from "./helpers";
import { signatureHeaders, startWebhookReceiver } from "./webhook-receiver";

/**
 * Issue 8, the control loop end to end: finance creates a budget in the UI with a signed webhook
 * channel; spend sent through the ingest API crosses 50% and then 90%; the receiver gets exactly those
 * two notifications of this budget, each verified as a Standard Webhooks receiver would; on-call
 * acknowledges the alert in the UI and the receiver gets `alert.acknowledged`.
 */
test.describe.configure({ mode: "serial" });

let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
test.beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
test.afterAll(async () => {
  await receiver.close();
});

const team = `e2e-alerting-${RUN}`;
// gpt-4o input is $2.50 per Mtok: 400,000 input tokens cost exactly $1.
const dollars = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) => ({
    id: `ba-${RUN}-${tag}-${i}`,
    timestamp: new Date(Date.now() - 60_000).toISOString(),
    provider: "openai",
    model: "gpt-4o",
    team,
    feature: "e2e-alerting",
    usage: { input_tokens: 400_000, output_tokens: 0 },
  }));

let secret = "";
let budgetId = "";

/** The notifications of this budget's actual-spend alert, verified; a bad signature fails the test. */
function budgetNotifications(): { type: string; data: { id: string; state: string; numbers: { threshold: number }; dedup_key: string } }[] {
  const wh = new Webhook(secret);
  return receiver.received
    .map((r) => {
      return wh.verify(r.body, signatureHeaders(r)) as { type: string; data: { id: string; kind: string; state: string; numbers: { threshold: number }; dedup_key: string } };
    })
    .filter((m) => m.data.kind === "budget" && m.data.dedup_key.startsWith(`budget:${budgetId}:`));
}

test("finance sets a budget; crossing 50% and 90% sends exactly two signed notifications; on-call acknowledges", async ({ page, request, browser }) => {
  test.setTimeout(240_000);
  const manage = await createKey(`e2e-alerting-manage-${RUN}`, "manage");
  const made = await request.post("/api/v1/channels", { headers: { authorization: `Bearer ${manage}` }, data: { type: "webhook", name: `e2e receiver ${RUN}`, config: { url: receiver.url } } });
  expect(made.status(), await made.text()).toBe(201);
  const channel = await made.json();
  secret = channel.signing_secret;
  expect(secret).toMatch(/^whsec_/);

  await signIn(page, "finance");
  await page.goto("/budgets/new");
  await page.getByLabel("Name").fill(`Alerting ${RUN}`);
  await page.getByLabel("Scope team").fill(team);
  await page.getByLabel("Amount (USD)").fill("10");
  await page.getByLabel("Period").selectOption("month");
  await page.getByLabel(/^Thresholds/).fill("50, 90");
  await page.getByLabel(/^Channels/).fill(channel.channel.id);
  await page.getByLabel("Also alert when the forecast crosses a threshold").uncheck();
  await page.getByRole("button", { name: "Create budget" }).click();
  await expect(page).toHaveURL(/\/budgets\/(?!new$)[a-z0-9]+$/);
  budgetId = new URL(page.url()).pathname.split("/").pop()!;

  const ingest = await createKey(`e2e-alerting-ingest-${RUN}`, "ingest");
  const send = async (n: number, tag: string) => {
    const res = await request.post("/api/v1/events", { headers: { authorization: `Bearer ${ingest}` }, data: { events: dollars(n, tag) } });
    expect(res.status(), await res.text()).toBe(200);
  };

  await send(6, "a"); // $6 of $10: past 50%
  await expect.poll(() => budgetNotifications().map((m) => m.type), { timeout: 90_000, intervals: [1000] }).toEqual(["alert.opened"]);
  await page.reload();
  await expect(page.locator('[data-stat="Spent"]')).toHaveText("$6.00");

  await send(3, "b"); // $9 of $10: past 90%
  await expect.poll(() => budgetNotifications().map((m) => m.type), { timeout: 90_000, intervals: [1000] }).toEqual(["alert.opened", "alert.updated"]);
  const [opened, escalated] = budgetNotifications();
  expect(opened.data.numbers.threshold).toBe(50);
  expect(escalated.data.numbers.threshold).toBe(90);
  expect(escalated.data.id).toBe(opened.data.id);

  // Several more evaluation passes at the same spend notify nobody again.
  await page.waitForTimeout(20_000);
  expect(budgetNotifications()).toHaveLength(2);

  const oncall = await browser.newPage();
  await signIn(oncall, "oncall");
  await oncall.goto(`/alerts/${opened.data.id}`);
  await oncall.getByRole("button", { name: "Acknowledge" }).click();
  await expect(oncall.getByTestId("alert-state")).toHaveText("acknowledged");
  await expect.poll(() => budgetNotifications().map((m) => m.type), { timeout: 30_000, intervals: [500] }).toEqual(["alert.opened", "alert.updated", "alert.acknowledged"]);
  // Each notification has its own webhook-id: receivers dedupe retries on it.
  const ids = receiver.received.map((r) => r.headers["webhook-id"]);
  expect(new Set(ids).size).toBe(ids.length);
});

test("the overview shows the budgets covering the view and the open alerts", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto("/");
  const strip = page.getByTestId("overview-budgets-alerts");
  await expect(strip).toContainText("Organization monthly");
  await expect(strip).not.toContainText("Support team");
  await expect(strip).toContainText(/Open alerts \(\d+\)/);
  await page.goto("/?team=support");
  await expect(strip).toContainText("Support team");
});
