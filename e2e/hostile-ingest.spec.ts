import { expect, test, type APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import assert from "node:assert/strict";
import { createKey } from "./helpers";
import { EVENT_FIELDS, hostileBody, hostileEvent, type GeneratedEvent } from "./hostile/events";

/**
 * Reliability suite, ingest: over 10,000 generated hostile events (fast-check, fixed seed so every run
 * sends the same ones; FUZZ_SEED explores others), sent as concurrent requests that share group commits.
 * Asserts: no 5xx; every refusal names the field; what the issue names as refused is refused; an id is
 * accepted at most once across the run; and the organization's stored totals move by exactly the
 * acknowledged events (requests and tokens), read back through the read API.
 *
 * Inside the generated rounds the checks use node:assert: Playwright records every `expect` as a test
 * step and finds its parent by scanning the steps so far, which over 100,000 checks costs minutes.
 */
// Thousands of requests: a trace recording each one costs minutes of CPU and shows nothing a failure message does not.
test.use({ trace: "off" });
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const run = `fz${Date.now().toString(36)}`;
const idPool = Array.from({ length: 40 }, (_, i) => `${run}-pool-${i}`);
const fieldName = new RegExp(`^(${EVENT_FIELDS.join("|")})\\b`);

let ingestKey = "";
let readKey = "";

test.beforeAll(async () => {
  ingestKey = await createKey(`hostile ingest ${run}`, "ingest");
  readKey = await createKey(`hostile read ${run}`, "read");
});

type Totals = { requests: number; tokens: number };

/** Every stored event of the organization from 2000 to 2027, in two-year reads (the API's limit). */
async function orgTotals(request: APIRequestContext): Promise<Totals> {
  const out = { requests: 0, tokens: 0 };
  for (let y = 2000; y < 2028; y += 2) {
    const res = await request.get(`/api/v1/spend?from=${y}-01-01T00:00:00Z&to=${y + 2}-01-01T00:00:00Z`, { headers: { authorization: `Bearer ${readKey}` } });
    expect(res.status(), await res.text()).toBe(200);
    for (const r of (await res.json()).rows as Record<string, number>[]) {
      out.requests += r.requests;
      out.tokens += r.input_uncached_tokens + r.cache_read_tokens + r.cache_write_5m_tokens + r.cache_write_1h_tokens + r.output_tokens;
    }
  }
  return out;
}

/** A 429 is a legitimate answer to a fast client: wait as told and send the same batch again. */
async function postRespectingLimits(request: APIRequestContext, key: string, data: unknown) {
  for (;;) {
    const res = await request.post("/api/v1/events", { headers: { authorization: `Bearer ${key}` }, data });
    if (res.status() !== 429) return res;
    const wait = Number(res.headers()["retry-after"]);
    expect(wait, "a 429 says when to retry").toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, wait * 1000));
  }
}

type Result = { index: number; id: string | null; status: "accepted" | "duplicate" | "rejected"; errors?: string[] };

test("10,000 hostile events in concurrent requests: no 5xx, refusals name the field, totals move by exactly what was acknowledged", async ({ request }) => {
  test.setTimeout(15 * 60_000);
  const before = await orgTotals(request);
  const expected = { requests: 0, tokens: 0 };
  const acceptedIds = new Map<string, number>();
  const duplicateIds = new Set<string>();
  let sent = 0;

  const post = async (events: GeneratedEvent[]) => {
    const res = await postRespectingLimits(request, ingestKey, { events: events.map((e) => e.body) });
    const text = await res.text();
    assert.ok(res.status() < 500, `${res.status()}: ${text.slice(0, 300)}`);
    const body = JSON.parse(text);
    if (res.status() === 400 || res.status() === 413) {
      assert.equal(typeof body.error, "string", text);
      throw new Error(`a well-formed envelope of ${events.length} events was refused as a whole: ${text.slice(0, 300)}`);
    }
    assert.ok([200, 207, 422].includes(res.status()), `${res.status()}: ${text.slice(0, 300)}`);
    const results = body.results as Result[];
    assert.equal(results.length, events.length);
    results.forEach((r, i) => {
      const ev = events[i];
      if (ev.mustReject) assert.equal(r.status, "rejected", `${ev.mustReject} must be rejected: ${JSON.stringify(ev.body).slice(0, 200)}`);
      if (r.status === "rejected") {
        assert.ok((r.errors?.length ?? 0) > 0, JSON.stringify(r));
        for (const err of r.errors ?? []) assert.match(err, fieldName, `error must name the field: ${JSON.stringify(ev.body).slice(0, 200)}`);
      } else {
        assert.equal(typeof r.id, "string");
        if (r.status === "accepted") {
          acceptedIds.set(r.id!, (acceptedIds.get(r.id!) ?? 0) + 1);
          expected.requests += 1;
          assert.ok(ev.tokens >= 0, `an accepted event has a known token count: ${JSON.stringify(ev.body).slice(0, 200)}`);
          expected.tokens += ev.tokens;
        } else duplicateIds.add(r.id!);
      }
    });
    sent += events.length;
  };

  // 1-4 concurrent requests of 1-12 events each: they share flushes, so one bad request meets others.
  const round = fc.array(fc.array(hostileEvent(idPool), { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 4 });
  await fc.assert(
    fc.asyncProperty(round, async (requests) => {
      await Promise.all(requests.map(post));
    }),
    { seed: SEED, numRuns: 1600, endOnFailure: true },
  );
  expect(sent).toBeGreaterThanOrEqual(10_000);

  expect([...acceptedIds].filter(([, n]) => n !== 1), "ids accepted more than once").toEqual([]);
  expect([...duplicateIds].filter((id) => !acceptedIds.has(id)), "ids answered duplicate but never accepted").toEqual([]);
  const after = await orgTotals(request);
  expect({ requests: after.requests - before.requests, tokens: after.tokens - before.tokens }).toEqual(expected);
});

test("hostile request bodies are 4xx with an error that says why, never 5xx", async ({ request }) => {
  test.setTimeout(5 * 60_000);
  await fc.assert(
    fc.asyncProperty(hostileBody, async (body) => {
      const res = await request.post("/api/v1/events", {
        headers: { authorization: `Bearer ${ingestKey}`, "content-type": "application/json" },
        data: Buffer.from(body, "utf8"),
      });
      const text = await res.text();
      assert.ok(res.status() >= 400 && res.status() < 500, `${res.status()}: ${text.slice(0, 300)}`);
      const json = JSON.parse(text);
      if (res.status() === 422) {
        // A valid envelope whose every event is refused: each refusal says why.
        for (const r of json.results as Result[]) assert.match(r.errors?.join(" ") ?? "", fieldName, text.slice(0, 300));
      } else {
        assert.equal(typeof json.error, "string", text.slice(0, 300));
        assert.ok(json.error.length > 10, text.slice(0, 300));
      }
    }),
    { seed: SEED, numRuns: 300, endOnFailure: true },
  );
});

test("a backfill spanning 300 months is accepted and counted, even when two arrive at once", async ({ request }) => {
  const backfill = (tag: string) =>
    Array.from({ length: 300 }, (_, m) => ({
      id: `${run}-${tag}-${m}`,
      timestamp: new Date(Date.UTC(2001 + Math.floor(m / 12), m % 12, 15)).toISOString(),
      provider: "openai",
      model: "gpt-4o-mini",
      feature: "backfill",
      usage: { input_tokens: 10, output_tokens: 1 },
    }));
  const before = await orgTotals(request);
  const answers = await Promise.all(["a", "b"].map((tag) => postRespectingLimits(request, ingestKey, { events: backfill(tag) })));
  for (const res of answers) {
    expect(res.status(), await res.text()).toBe(200);
    expect((await res.json()).accepted).toBe(300);
  }
  const after = await orgTotals(request);
  expect({ requests: after.requests - before.requests, tokens: after.tokens - before.tokens }).toEqual({ requests: 600, tokens: 600 * 11 });
});
