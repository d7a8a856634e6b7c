/**
 * The pullers' failures, against the real HTTP fakes: 429 honoured then success, 429 that outlasts
 * the run, 401 -> auth with an actionable message and no credential in it, a malformed body ->
 * bad_response naming the field, and settings refused with the field named.
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startFakeOpenAIAdmin, OPENAI_TEST_KEY } from "@/lib/testing/fake-openai-admin";
import { startFakeAnthropicAdmin, ANTHROPIC_TEST_KEY } from "@/lib/testing/fake-anthropic-admin";
import { CollectorError } from "@/lib/source-contract/collector";
import { anthropicCollector, openaiCollector } from "./collectors";
import { runLikeScheduler } from "./testing-run";

let store: TempStore;
before(async () => {
  store = await openTempStore();
});
after(async () => {
  await store?.close();
});

const now = () => new Date(Date.UTC(2026, 10, 20, 10, 30));
const base = (url: string, key: string, sourceId: string) => ({ orgId: store.orgId, sourceId, config: { admin_key: key, base_url: url, backfill_days: 2 }, now });

async function collectorError(p: Promise<unknown>): Promise<CollectorError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof CollectorError, `expected a CollectorError, got ${err}`);
    return err;
  }
  assert.fail("expected the run to fail");
}

test("429 with Retry-After: the run waits as told, retries and succeeds", async () => {
  const fake = await startFakeOpenAIAdmin({ now, rateLimitEvery: 2, retryAfterSeconds: 1 });
  try {
    const t0 = Date.now();
    const out = await runLikeScheduler(openaiCollector, base(fake.url, OPENAI_TEST_KEY, "s-429"));
    assert.ok(out.outcomes.at(-1)!.backfillDone);
    assert.ok(fake.requests().rateLimited >= 1);
    // every 429 asked for 1 s; the run cannot have finished sooner than that
    assert.ok(Date.now() - t0 >= 1000 * fake.requests().rateLimited - 50);
  } finally {
    await fake.close();
  }
});

test("429 asking for longer than a run may wait: rate_limited with the server's wait", async () => {
  const fake = await startFakeAnthropicAdmin({ now, rateLimitEvery: 1, retryAfterSeconds: 120 });
  try {
    const err = await collectorError(runLikeScheduler(anthropicCollector, base(fake.url, ANTHROPIC_TEST_KEY, "s-429b")));
    assert.equal(err.kind, "rate_limited");
    assert.equal(err.retryAfterMs, 120_000);
    assert.equal(err.stopsSource, false);
  } finally {
    await fake.close();
  }
});

test("401: auth error a person can act on, without the key", async () => {
  for (const [collector, start, name] of [
    [openaiCollector, startFakeOpenAIAdmin, "OpenAI"],
    [anthropicCollector, startFakeAnthropicAdmin, "Anthropic"],
  ] as const) {
    const fake = await start({ now });
    try {
      const wrong = "sk-admin-expired-key-SECRET123";
      const err = await collectorError(runLikeScheduler(collector, base(fake.url, wrong, "s-401")));
      assert.equal(err.kind, "auth");
      assert.ok(err.stopsSource);
      assert.match(err.message, new RegExp(`${name} refused the admin key \\(401`));
      assert.match(err.message, /Admin/);
      assert.ok(!err.message.includes("SECRET123") && !err.message.includes(wrong), "the message never carries the key");
    } finally {
      await fake.close();
    }
  }
});

test("a malformed body: bad_response naming the field", async () => {
  const openai = await startFakeOpenAIAdmin({
    now,
    mutate: (path, body) => {
      const b = structuredClone(body) as { data: { results: { amount?: { value: unknown } }[] }[] };
      if (path.endsWith("/costs") && b.data[0]?.results[0]?.amount) b.data[0].results[0].amount.value = "0.06";
      return b;
    },
  });
  const anthropic = await startFakeAnthropicAdmin({
    now,
    mutate: (path, body) => {
      const b = structuredClone(body) as { data: { results: Record<string, unknown>[] }[] };
      const first = b.data.find((d) => d.results.length)?.results[0];
      if (path.endsWith("/messages") && first) delete first.cache_read_input_tokens;
      return b;
    },
  });
  try {
    const e1 = await collectorError(runLikeScheduler(openaiCollector, base(openai.url, OPENAI_TEST_KEY, "s-bad1")));
    assert.equal(e1.kind, "bad_response");
    assert.match(e1.message, /data\[0\]\.results\[0\]\.amount\.value/);
    const e2 = await collectorError(runLikeScheduler(anthropicCollector, base(anthropic.url, ANTHROPIC_TEST_KEY, "s-bad2")));
    assert.equal(e2.kind, "bad_response");
    assert.match(e2.message, /results\[0\]\.cache_read_input_tokens/);
  } finally {
    await openai.close();
    await anthropic.close();
  }
});

test("an unreachable base_url is unavailable (retried), a wrong path is a config error (stops)", async () => {
  const dead = await collectorError(runLikeScheduler(openaiCollector, base("http://127.0.0.1:9/v1", OPENAI_TEST_KEY, "s-dead")));
  assert.equal(dead.kind, "unavailable");
  const fake = await startFakeOpenAIAdmin({ now });
  try {
    const wrong = await collectorError(runLikeScheduler(openaiCollector, base(fake.url + "/nope", OPENAI_TEST_KEY, "s-404")));
    assert.equal(wrong.kind, "config");
    assert.match(wrong.message, /base_url/);
  } finally {
    await fake.close();
  }
});

test("settings are validated with the field named", () => {
  const r = openaiCollector.configSchema.safeParse({ admin_key: "sk-admin-xxxxxxxx", backfill_days: 500 });
  assert.equal(r.success, false);
  assert.deepEqual(r.error!.issues.map((i) => i.path.join(".")), ["backfill_days"]);
  const ok = anthropicCollector.configSchema.parse({ admin_key: "sk-ant-admin01-xxxx" });
  assert.deepEqual(ok, { admin_key: "sk-ant-admin01-xxxx", base_url: "https://api.anthropic.com", backfill_days: 30 });
  assert.deepEqual(openaiCollector.secretFields, ["admin_key"]);
});
