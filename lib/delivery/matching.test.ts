import { test } from "node:test";
import assert from "node:assert/strict";
import { routeToChannels, ruleMatches, scopeMatches, silenceMatches, type RuleLike } from "./matching";
import { sampleAlert } from "./testing/sample-alert";

test("scope matcher: every named dimension must carry that value; {} matches all", () => {
  assert.ok(scopeMatches({}, {}));
  assert.ok(scopeMatches({}, { team: "support" }));
  assert.ok(scopeMatches({ team: "support" }, { team: "support", model: "x" }));
  assert.ok(!scopeMatches({ team: "support" }, {}), "an organization-wide alert is not a team's");
  assert.ok(!scopeMatches({ team: "support" }, { team: "growth" }));
  assert.ok(!scopeMatches({ team: "support", model: "x" }, { team: "support" }));
});

test("rule: kind ([] = any), severity at or above the minimum, scope", () => {
  const warn = sampleAlert({ severity: "warning", kind: "budget", scope: { team: "support" } });
  assert.ok(ruleMatches({ kinds: [], minSeverity: "info", scope: {} }, warn));
  assert.ok(ruleMatches({ kinds: ["budget"], minSeverity: "warning", scope: { team: "support" } }, warn));
  assert.ok(!ruleMatches({ kinds: ["anomaly"], minSeverity: "info", scope: {} }, warn));
  assert.ok(!ruleMatches({ kinds: [], minSeverity: "critical", scope: {} }, warn));
  assert.ok(ruleMatches({ kinds: [], minSeverity: "critical", scope: {} }, { ...warn, severity: "critical" }));
});

test("routing: channels without rules receive everything; with rules, only what a rule matches", () => {
  const rules: (RuleLike & { channelId: string })[] = [
    { channelId: "pd", kinds: [], minSeverity: "critical" as const, scope: {} },
    { channelId: "slack-support", kinds: [], minSeverity: "info" as const, scope: { team: "support" } },
    { channelId: "slack-support", kinds: ["runaway"], minSeverity: "info" as const, scope: {} },
  ];
  const ids = ["pd", "slack-support", "email-all"];
  assert.deepEqual(routeToChannels(ids, rules, sampleAlert({ severity: "warning", scope: { team: "growth" } })), ["email-all"]);
  assert.deepEqual(routeToChannels(ids, rules, sampleAlert({ severity: "critical", scope: { team: "support" } })), ["pd", "slack-support", "email-all"]);
  assert.deepEqual(routeToChannels(ids, rules, sampleAlert({ severity: "info", kind: "runaway", scope: {} })), ["slack-support", "email-all"]);
});

test("silence: matches scope and kinds while unexpired only", () => {
  const now = new Date("2026-12-02T10:00:00Z");
  const alert = sampleAlert({ kind: "anomaly", scope: { feature: "search", team: "growth" } });
  const later = new Date("2026-12-02T11:00:00Z");
  assert.ok(silenceMatches({ scope: { feature: "search" }, kinds: [], expiresAt: later }, alert, now));
  assert.ok(silenceMatches({ scope: {}, kinds: ["anomaly"], expiresAt: later }, alert, now));
  assert.ok(!silenceMatches({ scope: {}, kinds: ["budget"], expiresAt: later }, alert, now));
  assert.ok(!silenceMatches({ scope: { feature: "chat" }, kinds: [], expiresAt: later }, alert, now));
  assert.ok(!silenceMatches({ scope: {}, kinds: [], expiresAt: now }, alert, now), "expired at this instant");
});
