import assert from "node:assert/strict";
import { test } from "node:test";
import { REDACTED, redact } from "./redact";

test("secrets are redacted at any depth, other fields kept", () => {
  const out = redact({
    name: "pager",
    config: { routing_key: "R0123", url: "https://hooks.slack.com/services/T/B/x", smtp: { host: "mail", password: "p" } },
    signingSecret: "whsec_abc",
    channels: [{ webhook_url: "https://x" }],
    amount_usd: "100.00",
    note: null,
  });
  assert.deepEqual(out, {
    name: "pager",
    config: { routing_key: REDACTED, url: REDACTED, smtp: { host: "mail", password: REDACTED } },
    signingSecret: REDACTED,
    channels: [{ webhook_url: REDACTED }],
    amount_usd: "100.00",
    note: null,
  });
});

test("dates become ISO strings and empty secrets stay empty", () => {
  assert.deepEqual(redact({ at: new Date("2026-12-01T00:00:00Z"), password: "" }), { at: "2026-12-01T00:00:00.000Z", password: "" });
});
