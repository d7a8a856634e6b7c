/** Request bodies: size and nesting are bounded before anything walks the value. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { HttpError, readJsonBody } from "./body";

const post = (body: string) => new Request("http://localhost/api/v1/events", { method: "POST", body, headers: { "content-type": "application/json" } });

async function refusal(body: string, maxBytes = 5 * 1024 * 1024): Promise<HttpError> {
  try {
    await readJsonBody(post(body), maxBytes);
  } catch (err) {
    assert.ok(err instanceof HttpError, `expected an HttpError, got ${String(err)}`);
    return err;
  }
  assert.fail("expected the body to be refused");
}

test("JSON nested 10,000 deep is a 400 that says so (it was answered 503 'retry')", async () => {
  const deep = `{"events":[${"[".repeat(10_000)}${"]".repeat(10_000)}]}`;
  const err = await refusal(deep);
  assert.equal(err.status, 400);
  assert.match(err.message, /nests JSON more than 64 levels deep/);
  const deepObjects = `{"events":[{"id":"a","usage":${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}}]}`;
  assert.equal((await refusal(deepObjects)).status, 400);
});

test("64 levels are accepted; brackets inside strings, escaped quotes included, do not count", async () => {
  const ok = `${"[".repeat(64)}${"]".repeat(64)}`;
  assert.ok(Array.isArray(await readJsonBody(post(ok), 1e6)));
  const inString = JSON.stringify({ events: [{ note: `\\"${"[".repeat(500)}\\"{{{` }] });
  assert.deepEqual(Object.keys((await readJsonBody(post(inString), 1e6)) as object), ["events"]);
  assert.equal((await refusal(`${"[".repeat(65)}${"]".repeat(65)}`)).status, 400);
});

test("invalid JSON and oversized bodies keep their answers", async () => {
  assert.match((await refusal("{not json")).message, /not valid JSON/);
  assert.equal((await refusal("x".repeat(2000), 1000)).status, 413);
  assert.equal((await refusal("")).status, 400);
});
