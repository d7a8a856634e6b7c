import { test } from "node:test";
import assert from "node:assert/strict";
import { Webhook } from "standardwebhooks";
import { classifyHttp, parseRetryAfter } from "./senders/http-post";
import { pagerdutyBody } from "./senders/pagerduty";
import { slackBody } from "./senders/slack";
import { newWebhookSecret, signedWebhookHeaders, webhookBody } from "./senders/webhook";
import { emailContent } from "./senders/email";
import { retryDelayMs } from "./settings";
import { sampleAlert } from "./testing/sample-alert";

const msg = (event: "alert.opened" | "alert.acknowledged" | "alert.resolved" | "alert.updated" = "alert.opened") => ({ id: "ntf_123", event, alert: sampleAlert(), createdAt: new Date("2026-12-02T10:00:00Z") });

test("webhook: signed per Standard Webhooks, verified by the package as a receiver would", () => {
  const secret = newWebhookSecret();
  assert.match(secret, /^whsec_[A-Za-z0-9+/]+=*$/);
  const m = msg();
  const body = webhookBody(m);
  const headers = signedWebhookHeaders(secret, m.id, body, new Date());
  assert.equal(headers["webhook-id"], "ntf_123");
  assert.match(headers["webhook-signature"], /^v1,[A-Za-z0-9+/]+=*$/);
  const verified = new Webhook(secret).verify(body, headers) as { type: string; timestamp: string; data: { id: string; dedup_key: string } };
  assert.equal(verified.type, "alert.opened");
  assert.equal(verified.timestamp, "2026-12-02T10:00:00.000Z");
  assert.equal(verified.data.dedup_key, "monitor:m1:feature=search");
  assert.throws(() => new Webhook(secret).verify(body.replace("search", "chat"), headers), "a changed body fails");
  assert.throws(() => new Webhook(newWebhookSecret()).verify(body, headers), "another secret fails");
});

test("webhook: the body is the same bytes on every attempt (retries keep id and body)", () => {
  // One stored notification rendered per attempt. (Two sample alerts made a millisecond apart carry
  // different opened_at times, which failed this test now and then.)
  const m = msg();
  assert.equal(webhookBody(m), webhookBody(structuredClone(m)));
});

test("PagerDuty: trigger with payload and links; acknowledge and resolve carry only the key", () => {
  const t = pagerdutyBody("R0UTINGKEY", msg("alert.opened")) as Record<string, any>;
  assert.equal(t.routing_key, "R0UTINGKEY");
  assert.equal(t.event_action, "trigger");
  assert.equal(t.dedup_key, "monitor:m1:feature=search");
  assert.equal(t.payload.severity, "critical");
  assert.equal(t.payload.source, "localhost:3000");
  assert.ok(t.payload.summary.length > 0 && t.payload.summary.length <= 1024);
  assert.equal(t.links[0].href, "http://localhost:3000/alerts/alert_sample");
  assert.equal(t.links[1].href, "http://localhost:3000/?feature=search&model=gpt-4.1");
  assert.equal((pagerdutyBody("k", msg("alert.updated")) as any).event_action, "trigger");
  assert.deepEqual(pagerdutyBody("k", msg("alert.acknowledged")), { routing_key: "k", event_action: "acknowledge", dedup_key: "monitor:m1:feature=search" });
  assert.deepEqual(pagerdutyBody("k", msg("alert.resolved")), { routing_key: "k", event_action: "resolve", dedup_key: "monitor:m1:feature=search" });
});

test("Slack: Block Kit with header, severity, cause rows as links and a button to the alert", () => {
  const b = slackBody(msg()) as { text: string; blocks: any[] };
  assert.ok(b.text.includes("critical"));
  assert.equal(b.blocks[0].type, "header");
  assert.ok(b.blocks[0].text.text.length <= 150);
  const all = JSON.stringify(b.blocks);
  assert.ok(all.includes("<http://localhost:3000/?feature=search&model=gpt-4.1|model=gpt-4.1>"), all);
  const actions = b.blocks.find((x) => x.type === "actions");
  assert.equal(actions.elements[0].url, "http://localhost:3000/alerts/alert_sample");
});

test("email: plain text and HTML both carry the title, numbers, cause and link; HTML is escaped", () => {
  const m = msg();
  m.alert = sampleAlert({ title: "Spend <script>x</script>" });
  const c = emailContent(m);
  assert.ok(c.subject.includes("[critical] Opened:"));
  assert.ok(c.text.includes("model=gpt-4.1") && c.text.includes("http://localhost:3000/alerts/alert_sample"));
  assert.ok(c.html.includes("&lt;script&gt;") && !c.html.includes("<script>"));
});

test("Retry-After: seconds or an HTTP date; garbage ignored", () => {
  const now = new Date("2026-12-02T10:00:00Z");
  assert.equal(parseRetryAfter("3", now), 3000);
  assert.equal(parseRetryAfter("Wed, 02 Dec 2026 10:00:05 GMT", now), 5000);
  assert.equal(parseRetryAfter("soon", now), undefined);
  assert.equal(parseRetryAfter(null, now), undefined);
});

test("status classes: 2xx done; 408/429/5xx retried; other 4xx given up with the reason in words", () => {
  assert.deepEqual(classifyHttp(202, null, "", "PagerDuty"), { ok: true, status: 202 });
  for (const s of [408, 429, 500, 502, 503]) assert.equal((classifyHttp(s, null, "", "X") as { retry: boolean }).retry, true, String(s));
  const gone = classifyHttp(410, null, "channel_is_archived", "Slack");
  assert.equal(gone.ok, false);
  assert.ok(!gone.ok && !gone.retry && /410: the endpoint is gone.*channel_is_archived.*not retried/.test(gone.error), !gone.ok ? gone.error : "");
  const r = classifyHttp(429, "2", "", "Slack");
  assert.ok(!r.ok && r.retryAfterMs === 2000);
});

test("backoff doubles, is capped, and is never sooner than Retry-After", () => {
  const s = { retryBaseMs: 1000, retryMaxMs: 10_000 };
  assert.equal(retryDelayMs(1, s, undefined, () => 0), 1000);
  assert.equal(retryDelayMs(3, s, undefined, () => 0), 4000);
  assert.equal(retryDelayMs(10, s, undefined, () => 1), 10_000);
  assert.equal(retryDelayMs(1, s, 7000, () => 0), 7000);
});
