import { test } from "node:test";
import assert from "node:assert/strict";
import { afterFailure } from "./transitions";
import { sourceRunSettings } from "./settings";

/** An error from another copy of the contract module, as Next.js's separate module graphs produce. */
function foreignCollectorError(message: string, kind: string): Error {
  class CollectorError extends Error {
    constructor(
      msg: string,
      public readonly kind: string,
    ) {
      super(msg);
      this.name = "CollectorError";
    }
  }
  return new CollectorError(message, kind);
}

test("a refused credential from another module graph's CollectorError still stops the source, with its message", () => {
  const v = afterFailure(foreignCollectorError("OpenAI refused the admin key (401): create an admin key", "auth"), 0, new Date(0), sourceRunSettings());
  assert.equal(v.state, "stopped");
  assert.equal(v.error, "OpenAI refused the admin key (401): create an admin key");
});

test("a rate limit from another copy is retried with its words; a plain error stays an internal fault", () => {
  const limited = afterFailure(foreignCollectorError("OpenAI rate limited", "rate_limited"), 0, new Date(0), sourceRunSettings());
  assert.equal(limited.state, "retrying");
  assert.match(limited.error ?? "", /^OpenAI rate limited; retrying in/);
  const other = afterFailure(Object.assign(new Error("secret path /x"), { name: "CollectorError", kind: "nope" }), 0, new Date(0), sourceRunSettings());
  assert.equal(other.state, "retrying");
  assert.doesNotMatch(other.error ?? "", /secret path/);
});
