/**
 * Provider health from events ingested through ingestEvents into the real embedded ClickHouse:
 * error rate, 429s, latency and TTFT quantiles, rate-limit headroom; and the headroom alert, opened
 * through the real alert store when headroom stays under the organization's share.
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { ingestEvents } from "@/lib/ingest/ingest-batch";
import { applyEvaluation } from "@/lib/alerts/apply";
import { db } from "@/lib/db/prisma";
import { healthSeries, providerHealth } from "./health-query";
import { headroomEvaluation } from "./headroom-alerts";
import { saveHealthSettings } from "./settings";

let store: TempStore;
before(async () => {
  store = await openTempStore();
});
after(async () => {
  await store?.close();
});

const USAGE = { prompt_tokens: 100, completion_tokens: 20 };
const at = (iso: string, plusMin: number) => new Date(Date.parse(iso) + plusMin * 60_000).toISOString();

test("per provider and model: requests, errors, 429s, latency and TTFT quantiles, headroom", async () => {
  const org = await store.createOrg("health");
  // 21 calls with latencies 10..210 ms: p50 = 110, p95 = 200 (0.95 x 20 = 19th of 0..20, no interpolation needed).
  const events = Array.from({ length: 21 }, (_, i) => ({
    id: `h-${i}`,
    timestamp: at("2026-11-20T10:00:00Z", i),
    provider: "openai",
    model: "gpt-5.4",
    usage: USAGE,
    latency_ms: (i + 1) * 10,
    ...(i < 11 ? { ttft_ms: (i + 1) * 5 } : {}),
    ...(i === 3 || i === 7 ? { http_status: 429, status: "error" } : i === 9 ? { status: "error" } : i === 12 ? { http_status: 503 } : { http_status: 200 }),
    // Remaining requests fall from 400 to 0 of 400; the last reading says 0 left, reset in 2.5 s.
    rate_limit: { requests_limit: 400, requests_remaining: 400 - i * 20, requests_reset_s: i === 20 ? 2.5 : 30 },
  }));
  const other = { id: "a-1", timestamp: "2026-11-20T10:30:00Z", provider: "anthropic", model: "claude-sonnet-4-20250514", usage: { input_tokens: 10, output_tokens: 5 } };
  const res = await ingestEvents(org, "k", [...events, other]);
  assert.equal(res.accepted, 22);

  const rows = await providerHealth(org, new Date("2026-11-20T00:00:00Z"), new Date("2026-11-21T00:00:00Z"));
  const oa = rows.find((r) => r.provider === "openai")!;
  assert.equal(oa.requests, 21);
  assert.equal(oa.errors, 4, "two 429s, one status error, one 503");
  assert.equal(oa.http_429, 2);
  assert.equal(oa.error_rate, 4 / 21);
  assert.equal(oa.latency_ms_p50, 110);
  assert.equal(oa.latency_ms_p95, 200);
  assert.ok(oa.ttft_ms_p50 !== null && oa.ttft_ms_p50 >= 5 && oa.ttft_ms_p50 <= 55);
  assert.deepEqual(oa.headroom_requests, {
    latest_share: 0,
    remaining: 0,
    limit: 400,
    reset_s: 2.5,
    at: "2026-11-20T10:20:00.000Z",
    min_share: 0,
  });
  assert.equal(oa.headroom_tokens, null, "no token readings: unknown, not zero");

  const an = rows.find((r) => r.provider === "anthropic")!;
  assert.equal(an.requests, 1);
  assert.equal(an.latency_ms_p50, null);
  assert.equal(an.ttft_ms_p95, null);
  assert.equal(an.headroom_requests, null);

  const series = await healthSeries(org, new Date("2026-11-20T00:00:00Z"), new Date("2026-11-21T00:00:00Z"));
  assert.equal(series.interval, "hour");
  const p = series.points.find((x) => x.provider === "openai")!;
  assert.equal(p.requests, 21);
  assert.equal(p.http_429, 2);
  assert.equal(p.headroom_min_share, 0);
  assert.equal(series.points.find((x) => x.provider === "anthropic")!.headroom_min_share, null);
});

test("headroom under the share for the set minutes opens an alert; a short dip or a stale reading does not", async () => {
  const org = await store.createOrg("headroom");
  await saveHealthSettings(org, { headroom_alert_percent: 10, headroom_alert_minutes: 10 });
  const T = "2026-11-22T09:40:00Z";
  const reading = (model: string, minute: number, remaining: number) => ({
    id: `${model}-${minute}`,
    timestamp: at(T, minute),
    provider: "openai",
    model,
    usage: USAGE,
    rate_limit: { tokens_limit: 10_000, tokens_remaining: remaining, tokens_reset_s: 12 },
  });
  const events = [];
  // "steady": 50% until 09:44, then 5% every minute through 10:00: under for 15 minutes.
  for (let m = 0; m <= 20; m++) events.push(reading("steady", m, m < 5 ? 5_000 : 500));
  // "dip": fine until 09:54, under only from 09:55 (5 minutes).
  for (let m = 0; m <= 20; m++) events.push(reading("dip", m, m < 15 ? 6_000 : 100));
  // "stale": under, but its last reading is 09:45, older than the 10-minute window.
  for (let m = 0; m <= 5; m++) events.push(reading("stale", m, 50));
  assert.equal((await ingestEvents(org, "k", events)).accepted, events.length);

  const now = new Date("2026-11-22T10:00:30Z");
  const e = await headroomEvaluation(org, now);
  assert.deepEqual(e.conditions.map((c) => c.dedupKey), ["rate_limit_headroom:openai:steady:tokens"]);
  const c = e.conditions[0];
  assert.equal(c.kind, "rate_limit_headroom");
  assert.equal(c.severity, "warning");
  assert.deepEqual(c.scope, { provider: "openai", model: "steady" });
  assert.equal(c.numbers.latest_percent, 5);
  assert.equal(c.numbers.remaining, 500);
  assert.equal(c.numbers.limit, 10_000);

  const applied = await applyEvaluation(e);
  assert.equal(applied.alerts[0].outcome, "opened");
  const alert = await db().alert.findFirst({ where: { orgId: org, kind: "rate_limit_headroom" } });
  assert.ok(alert);
  assert.equal(alert.state, "open");
  assert.equal(alert.sourceType, "provider_health");

  // Repeating the pass changes nothing.
  assert.equal((await applyEvaluation(await headroomEvaluation(org, now))).alerts[0].outcome, "updated");

  // The limit recovers: the condition is gone and the store starts clearing the alert.
  const recovered = [];
  for (let m = 21; m <= 26; m++) recovered.push(reading("steady", m, 9_000));
  await ingestEvents(org, "k", recovered);
  const later = await headroomEvaluation(org, new Date("2026-11-22T10:06:30Z"));
  // "dip" has now been under since 09:55, more than 10 minutes: it holds in its own right.
  assert.deepEqual(later.conditions.map((c) => c.dedupKey), ["rate_limit_headroom:openai:dip:tokens"]);
  const cleared = await applyEvaluation(later);
  assert.equal(cleared.alerts.find((a) => a.alertId === alert.id)?.outcome, "clearing");
});

test("the organization's setting decides the share: 60% remaining alerts under a 70% setting, not under 50%", async () => {
  const org = await store.createOrg("settings");
  await saveHealthSettings(org, { headroom_alert_percent: 70, headroom_alert_minutes: 10 });
  const T = "2026-11-23T09:40:00Z";
  const events = Array.from({ length: 21 }, (_, m) => ({
    id: `r-${m}`,
    timestamp: at(T, m),
    provider: "anthropic",
    model: "claude-sonnet-4-20250514",
    usage: { input_tokens: 10, output_tokens: 5 },
    rate_limit: { requests_limit: 50, requests_remaining: 30 },
  }));
  await ingestEvents(org, "k", events);
  const e = await headroomEvaluation(org, new Date("2026-11-23T10:00:30Z"));
  assert.deepEqual(e.conditions.map((c) => c.dedupKey), ["rate_limit_headroom:anthropic:claude-sonnet-4-20250514:requests"]);
  await saveHealthSettings(org, { headroom_alert_percent: 50 });
  assert.deepEqual((await headroomEvaluation(org, new Date("2026-11-23T10:00:30Z"))).conditions, []);
});
